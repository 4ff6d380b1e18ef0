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
import { runtimeTransport } from '../../lib/messaging/runtime-transport';
import { dispatch } from '../../lib/messaging/router';
import { WriteGuard } from '../../lib/page/guard';
import { PageFollower } from '../../lib/page/follow';
import { PAGE_TABLE, type PageAgent } from '../../lib/page/messages';
import { PageSession } from '../../lib/page/session';
import { READING_KEY, readingSettings } from '../../lib/page/settings';
import { StayTracker } from '../../lib/page/stayed';
import { PageWatcher } from '../../lib/page/watch';
import { yieldToPage } from '../../lib/page/yield';
import { sentenceSpanFinder } from '../../lib/show/sentence';
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

    const messenger = createMessenger<Messages>(runtimeTransport(browser.runtime));
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
    /** The sentence around a claim, from the article's text (split once per article). */
    let sentences = { text: '', find: sentenceSpanFinder(null) };
    const sentenceOf = (a: Annotation) => {
      const text = session.article?.text ?? '';
      if (sentences.text !== text) sentences = { text, find: sentenceSpanFinder(text) };
      const span = sentences.find(a);
      return span ? { text: text.slice(span.start, span.end), start: a.start - span.start, end: a.end - span.start } : null;
    };
    /** Open a claim's card: only ever for the reader's own click or key press. */
    const openCard = async (annotation: Annotation) => {
      closeCard();
      const article = session.article;
      const page = { url: location.href, title: article?.title ?? document.title, site: article?.site ?? null, published: article?.published ?? null };
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
              anchor={() => session.rectsOf(annotation.id)}
              sentence={sentenceOf(annotation)}
              page={page}
              onClose={() => { closeCard(); session.focus(annotation.id); }}
              onGone={closeCard}
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
        openCard(hit.annotation);
      } else if (card && !(event.target as Element).closest?.('casefile-card')) closeCard();
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape') closeCard();
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const hit = session.annotationAt(event.target);
      if (hit) {
        event.preventDefault();
        openCard(hit.annotation);
      }
    });

    // After the first check, the page is watched for what would make its highlights untrue
    // (see lib/page/watch.ts and follow.ts); every timer and listener is the context's.
    const timers = {
      setTimeout: (handler: () => void, ms: number) => ctx.setTimeout(handler, ms),
      clearTimeout: (id: number) => clearTimeout(id),
      setInterval: (handler: () => void, ms: number) => ctx.setInterval(handler, ms),
      requestIdleCallback: (handler: () => void, options?: { timeout?: number }) => ctx.requestIdleCallback(handler, options),
    };
    const watcher: PageWatcher = new PageWatcher(window, timers, (changes): Promise<void> => {
      if (changes.url) closeCard();
      return follower.judge(changes);
    }, ctx.signal);
    const follower: PageFollower = new PageFollower(document, session, watcher, (handler, ms) => ctx.setTimeout(handler, ms));
    session.ownWrites = () => watcher.forgetOwnWrites();

    const agent: PageAgent = { session, follower, focused: () => document.activeElement };
    const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;
      dispatch(PAGE_TABLE, raw, { origin: 'extension' }, agent).then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // Once the reader has stayed on an article, it may be named on other articles' cards
    // (one tracker per article: a single-page site's next article starts its own).
    let stay: { url: string; stop: AbortController } | null = null;
    session.onChecked((state) => {
      if (state.status !== 'checked' || stay?.url === state.url) return;
      stay?.stop.abort();
      const stop = new AbortController();
      ctx.signal.addEventListener('abort', () => stop.abort());
      stay = { url: state.url, stop };
      const canonical = session.article?.canonical ?? undefined;
      new StayTracker(document, () => {
        messenger.send('page-stayed', { url: state.url, canonical }).then((answer) => {
          if (answer.ok && session.state.url === state.url) session.state = { ...session.state, stayed: true };
        });
      }, { signal: stop.signal });
    });

    // The reader's settings: read once (storage, not the database), then followed.
    const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(READING_KEY in changes)) return;
      closeCard();
      follower.apply(readingSettings(changes[READING_KEY].newValue)).catch((error: unknown) => console.warn('Casefile: could not apply the settings', error));
    };
    browser.storage.onChanged.addListener(onSettings);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onSettings));

    // Off the page's critical path: this runs at document_idle (after the page has loaded),
    // and every stage below is its own short task, so the page keeps its thread.
    const stored = await browser.storage.local.get(READING_KEY).catch(() => ({}) as Record<string, unknown>);
    await yieldToPage();
    if (ctx.isInvalid) return;
    try {
      await follower.apply(readingSettings((stored as Record<string, unknown>)[READING_KEY]));
    } catch (error) {
      session.state = { ...session.state, status: 'error', message: String(error), rechecking: false };
      console.warn('Casefile: could not check this page', error);
    }
    if (ctx.isInvalid) return;
    watcher.start({ dom: false });
  },
});
