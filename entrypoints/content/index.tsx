import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ClaimCard, CLAIM_CARD_CSS, type ClaimCardActions } from '../../components/ClaimCard';
import { mapArticleToPage } from '../../lib/anchor/page-text';
import { textNodes } from '../../lib/extract/article';
import type { Messages } from '../../lib/background/table';
import { createMessenger } from '../../lib/messaging/messenger';
import { dispatch } from '../../lib/messaging/router';
import { WriteGuard } from '../../lib/page/guard';
import { PAGE_TABLE } from '../../lib/page/messages';
import { PageSession } from '../../lib/page/session';
import { StayTracker } from '../../lib/page/stayed';
import { yieldToPage } from '../../lib/page/yield';
import { annotationKey, type Annotation } from '../../lib/types';

/** When this script began to evaluate: the start of Casefile's cost on the page. */
const scriptStart = performance.now();

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's legacy "script started" window.postMessage (kept for scripts built by old WXT
  // versions, which this extension never shipped) cost 4-8 ms of every page's start-up here,
  // and reaches the page's own message listeners. The custom event WXT also sends suffices.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // WXT stops this script when a newer copy announces itself with a DOM event, which any
    // page can forge (the event's name holds the extension's id, public for store builds).
    // A newer copy can only exist once this one's extension was reloaded or updated, which
    // leaves this copy without its runtime: until then, the announcement is not believed.
    const started = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    window.addEventListener(started, (event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    }, { capture: true, signal: ctx.signal });

    const messenger = createMessenger<Messages>({ send: (message) => browser.runtime.sendMessage(message) });
    const session = new PageSession(document, messenger.call, { scriptStart, mainStart: performance.now() });
    let guard: WriteGuard | null = null;
    const refusedBy = (event: Event, control: Element) => {
      const verdict = guard?.allows(event, control) ?? { ok: false as const, reason: 'The card is gone.' };
      return verdict.ok ? null : verdict.reason;
    };
    const cardActions = (annotation: Annotation): ClaimCardActions => ({
      decide: async (verdict, note, event, control) => {
        const refused = refusedBy(event, control);
        if (refused) return { ok: false, message: refused };
        const answer = await messenger.send('set-decision', { url: location.href, canonical: session.article?.canonical ?? undefined, key: annotationKey(annotation), verdict, note });
        if (!answer.ok) return { ok: false, message: `Not saved: ${answer.message}` };
        session.setDecision(annotation.id, answer.value.decision);
        return { ok: true, value: answer.value.decision };
      },
      cases: async () => (await messenger.call('cases-for-page', { url: location.href })).cases,
      addToCase: async (caseId, event, control) => {
        const refused = refusedBy(event, control);
        if (refused) return { ok: false, message: refused };
        const page = session.article;
        const kind = annotation.kind as 'person' | 'organization' | 'place';
        const answer = await messenger.send('add-to-case', {
          caseId, kind, name: annotation.exact,
          page: { url: location.href, canonical: page?.canonical ?? undefined, title: page?.title ?? document.title, site: page?.site ?? null, published: page?.published ?? null },
        });
        return answer.ok ? { ok: true, value: answer.value.id } : { ok: false, message: [answer.message, ...answer.problems].join('; ') };
      },
    });
    let card: ShadowRootContentScriptUi<void> | null = null;
    // Where the article sits in the page's own text, for exports other clients can anchor:
    // one task of its own after the highlights are drawn, after every check.
    session.onChecked(async () => {
      await yieldToPage();
      const article = session.article;
      if (!article || session.state.status !== 'checked' || !document.body || ctx.isInvalid) return;
      const map = mapArticleToPage(session.textSegments, textNodes(document.body), article.text.length);
      await messenger.send('set-page-text', { url: location.href, canonical: article.canonical ?? undefined, map });
    });

    const closeCard = () => {
      guard?.stop();
      guard = null;
      card?.remove();
      card = null;
    };
    /** Open a claim's card: only ever for the reader's own click or key press. */
    const openCard = async (annotation: Annotation, element: HTMLElement) => {
      closeCard();
      const r = element.getBoundingClientRect();
      const at = { top: r.bottom + 8, left: Math.max(8, Math.min(r.left, innerWidth - 376)), above: r.top };
      const ui = await createShadowRootUi(ctx, {
        name: 'casefile-card',
        position: 'overlay',
        anchor: 'body',
        mode: 'closed',
        css: CLAIM_CARD_CSS,
        onMount: (container, shadow, host) => {
          const cardGuard = new WriteGuard(document, host, shadow);
          guard = cardGuard;
          render(
            <ClaimCard
              annotation={annotation}
              at={at}
              onClose={() => { closeCard(); session.focus(annotation.id); }}
              actions={cardActions(annotation)}
              onShown={(el) => cardGuard.watch(el)}
            />,
            container,
          );
        },
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
      card = ui;
    };

    ctx.addEventListener(document, 'click', (event) => {
      if (!event.isTrusted) return;
      const hit = session.annotationAt(event.target);
      if (hit) {
        event.preventDefault();
        openCard(hit.annotation, hit.element);
      } else if (card && !(event.target as Element).closest?.('casefile-card')) closeCard();
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape') closeCard();
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const hit = session.annotationAt(event.target);
      if (hit) {
        event.preventDefault();
        openCard(hit.annotation, hit.element);
      }
    });

    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id) return false;
      dispatch(PAGE_TABLE, raw, { origin: 'extension' }, session).then(sendResponse);
      return true;
    });

    // Off the page's critical path: this runs at document_idle (after the page has loaded),
    // and every stage below is its own short task, so the page keeps its thread.
    await yieldToPage();
    if (ctx.isInvalid) return;
    try {
      await session.run();
    } catch (error) {
      session.state = { ...session.state, status: 'error', message: String(error), rechecking: false };
      console.warn('Casefile: could not check this page', error);
    }
    if (session.state.status !== 'checked' || ctx.isInvalid) return;
    // Once the reader has stayed on the article, it may be named on other articles' cards.
    new StayTracker(document, () => {
      messenger.send('page-stayed', { url: location.href, canonical: session.article?.canonical ?? undefined }).then((answer) => {
        if (answer.ok) session.state = { ...session.state, stayed: true };
      });
    }, { signal: ctx.signal });
  },
});
