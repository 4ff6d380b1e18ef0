/**
 * The page side of the pipeline, run by the content script: extract → recognise → (link and
 * check in the background) → anchor → highlight. It holds this tab's state for the popup and
 * times each stage. Only the highlighter writes to the page.
 */
import { extractArticle, looksLikeArticle } from '../extract/article';
import { Highlighter, MARK_TAG } from '../anchor/highlighter';
import { recogniseMentions } from '../recognise/mentions';
import type { BackgroundRequests, PageState } from '../messaging/protocol';
import type { Annotation } from '../types';

export type SendToBackground = <K extends keyof BackgroundRequests>(type: K, request: BackgroundRequests[K]['request']) => Promise<BackgroundRequests[K]['response']>;

export interface StageTimings {
  extract?: number;
  recognise?: number;
  linkAndCheck?: number;
  anchor?: number;
  total?: number;
}

export class PageSession {
  state: PageState;
  timings: StageTimings = {};
  private highlighter: Highlighter | null = null;
  private byId = new Map<string, Annotation>();

  constructor(private readonly doc: Document, private readonly send: SendToBackground) {
    this.state = { status: 'idle', url: doc.location.href, title: doc.title, published: null, annotations: [] };
  }

  /** Check the page. Pages that do not look like articles are left alone unless `force`. */
  async run(force = false): Promise<PageState> {
    const t0 = performance.now();
    const url = this.doc.location.href;
    if (!force && !looksLikeArticle(this.doc)) {
      this.state = { ...this.state, status: 'not-article', message: 'This page does not look like an article.' };
      await this.send('page-skipped', { url, reason: 'not-article' }).catch(() => undefined);
      return this.state;
    }
    this.state = { ...this.state, status: 'checking' };
    this.highlighter?.removeAll();
    const extracted = extractArticle(this.doc, url);
    const t1 = performance.now();
    if (!extracted) {
      this.state = { ...this.state, status: 'not-article', message: 'No article body was found on this page.' };
      await this.send('page-skipped', { url, reason: 'no-article' }).catch(() => undefined);
      return this.state;
    }
    const { article, segments } = extracted;
    const mentions = recogniseMentions(article.text, article.published);
    const t2 = performance.now();
    const { annotations } = await this.send('check-article', { article, mentions });
    const t3 = performance.now();
    this.highlighter = new Highlighter(this.doc, segments);
    const drawn: Annotation[] = [];
    for (const a of annotations) if (this.highlighter.highlight(a)) drawn.push(a);
    const t4 = performance.now();
    this.byId = new Map(drawn.map((a) => [a.id, a]));
    this.timings = { extract: t1 - t0, recognise: t2 - t1, linkAndCheck: t3 - t2, anchor: t4 - t3, total: t4 - t0 };
    this.state = { status: 'checked', url, title: article.title, published: article.published, annotations: drawn };
    return this.state;
  }

  /** The annotation behind a clicked or focused element, if it is one of ours. */
  annotationAt(target: EventTarget | null): { annotation: Annotation; element: HTMLElement } | null {
    const el = (target as Element | null)?.closest?.(MARK_TAG) as HTMLElement | null;
    if (!el) return null;
    // Nested marks (a name inside a fact): the flag wins, else the innermost.
    let best: HTMLElement = el;
    for (let p: HTMLElement | null = el; p && p.tagName.toLowerCase() === MARK_TAG; p = p.parentElement) {
      if (p.dataset.verdict === 'conflict') { best = p; break; }
    }
    const annotation = this.byId.get(best.dataset.id ?? '');
    return annotation ? { annotation, element: best } : null;
  }

  /** Scroll a highlight into view and focus it (from the popup's list of flags). */
  scrollTo(id: string): boolean {
    const el = this.highlighter?.elementsOf(id)[0];
    if (!el) return false;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    return true;
  }
}
