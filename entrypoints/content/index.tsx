import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ClaimCard, CLAIM_CARD_CSS, type ClaimCardActions } from '../../components/ClaimCard';
import { mapArticleToPage } from '../../lib/anchor/page-text';
import { textNodes } from '../../lib/extract/article';
import { parsePageMessage } from '../../lib/messaging/protocol';
import { PageSession, type SendToBackground } from '../../lib/page/session';
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
    const send: SendToBackground = async (type, request) => {
      const answer = await browser.runtime.sendMessage({ type, ...request });
      if (answer?.error) throw new Error(answer.error);
      return answer;
    };
    const session = new PageSession(document, send, { scriptStart, mainStart: performance.now() });
    const cardActions = (annotation: Annotation): ClaimCardActions => ({
      decide: async (verdict, note) => {
        const answer = await send('set-decision', { url: location.href, canonical: session.article?.canonical, key: annotationKey(annotation), verdict, note });
        session.setDecision(annotation.id, answer.decision);
        return answer.decision;
      },
      cases: async () => (await send('list-cases', {})).cases.filter((c) => c.active).map((c) => ({ id: c.id, title: c.title })),
      addToCase: async (caseId) => {
        const page = session.article;
        const kind = annotation.kind as 'person' | 'organization' | 'place';
        const answer = await send('add-to-case', { caseId, kind, name: annotation.exact, page: { url: location.href, canonical: page?.canonical, title: page?.title ?? document.title, site: page?.site ?? null, published: page?.published ?? null } });
        return answer.ok ? { ok: true, message: `Added to the case, with this article as its source.` } : { ok: false, message: answer.problems.join('; ') };
      },
    });
    let card: ShadowRootContentScriptUi<void> | null = null;
    // Where the article sits in the page's own text, for exports other clients can anchor:
    // one task of its own after the highlights are drawn.
    const sharePageText = async () => {
      await yieldToPage();
      const article = session.article;
      if (!article || session.state.status !== 'checked' || !document.body || ctx.isInvalid) return;
      const map = mapArticleToPage(session.textSegments, textNodes(document.body), article.text.length);
      await send('set-page-text', { url: location.href, canonical: article.canonical, map }).catch(() => undefined);
    };

    const closeCard = () => {
      card?.remove();
      card = null;
    };
    const openCard = async (annotation: Annotation, element: HTMLElement) => {
      closeCard();
      const r = element.getBoundingClientRect();
      const at = { top: Math.min(r.bottom + 8, innerHeight - 320), left: Math.max(8, Math.min(r.left, innerWidth - 376)) };
      const ui = await createShadowRootUi(ctx, {
        name: 'casefile-card',
        position: 'overlay',
        anchor: 'body',
        css: CLAIM_CARD_CSS,
        onMount: (container) => render(<ClaimCard annotation={annotation} at={at} onClose={() => { closeCard(); element.focus(); }} actions={cardActions(annotation)} />, container),
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
      card = ui;
    };

    ctx.addEventListener(document, 'click', (event) => {
      const hit = session.annotationAt(event.target);
      if (hit) {
        event.preventDefault();
        openCard(hit.annotation, hit.element);
      } else if (card && !(event.target as Element).closest?.('casefile-card')) closeCard();
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape') closeCard();
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const hit = session.annotationAt(event.target);
      if (hit) {
        event.preventDefault();
        openCard(hit.annotation, hit.element);
      }
    });

    browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
      const message = parsePageMessage(raw);
      if (!message) return false;
      if (message.type === 'get-page-state') sendResponse(session.state);
      else if (message.type === 'scroll-to') sendResponse({ ok: session.scrollTo(message.id) });
      else if (message.type === 'decision-changed') sendResponse({ ok: session.setDecision(message.id, message.decision) });
      else if (message.type === 'check-page') {
        session.run(true).then((state) => { sendResponse(state); sharePageText(); }, (error) => sendResponse({ ...session.state, status: 'error', message: String(error), rechecking: false }));
        return true;
      }
      return false;
    });

    // Off the page's critical path: this runs at document_idle (after the page has loaded),
    // and every stage below is its own short task, so the page keeps its thread.
    await yieldToPage();
    if (ctx.isInvalid) return;
    try {
      await session.run();
      await sharePageText();
    } catch (error) {
      session.state = { ...session.state, status: 'error', message: String(error), rechecking: false };
      console.warn('Casefile: could not check this page', error);
    }
  },
});
