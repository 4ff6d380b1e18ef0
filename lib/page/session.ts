/**
 * The page side of the pipeline, run by the content script: extract → recognise → (link and
 * check in the background) → anchor → highlight. It holds this tab's state for the popup and
 * times each stage. Only the highlighter writes to the page.
 */
import { looksLikeArticle, mapToPage, prepareExtraction, runReadability } from '../extract/article';
import { Highlighter, MARK_TAG } from '../anchor/highlighter';
import { anchorAnnotations } from '../anchor/quote';
import { SLICE_MS, yieldToPage } from './yield';
import type { BackgroundRequests, PageState, StageTimings } from '../messaging/protocol';
import { annotationKey, type Annotation, type ArticleText } from '../types';
import type { TextSegment } from '../extract/article';

export type SendToBackground = <K extends keyof BackgroundRequests>(type: K, request: BackgroundRequests[K]['request']) => Promise<BackgroundRequests[K]['response']>;

/** Whether two lists mark the same words with the same verdicts and decisions (then nothing is redrawn). */
function sameAnnotations(a: Annotation[], b: Annotation[]): boolean {
  if (a.length !== b.length) return false;
  const seen = new Map(a.map((x) => [`${annotationKey(x)}@${x.start}`, `${x.verdict}|${x.entity}|${x.decision?.verdict ?? ''}`]));
  return b.every((x) => seen.get(`${annotationKey(x)}@${x.start}`) === `${x.verdict}|${x.entity}|${x.decision?.verdict ?? ''}`);
}

export class PageSession {
  state: PageState;
  timings: StageTimings = {};
  private highlighter: Highlighter | null = null;
  private byId = new Map<string, Annotation>();
  private segments: TextSegment[] = [];
  /** The article as last extracted (for "add to case" and decisions). */
  article: ArticleText | null = null;

  constructor(private readonly doc: Document, private readonly send: SendToBackground, private readonly clock: { scriptStart?: number; mainStart?: number } = {}) {
    this.state = { status: 'idle', url: doc.location.href, title: doc.title, published: null, annotations: [] };
  }

  /**
   * Check the page. Pages that do not look like articles are left alone unless `force`.
   * Each stage runs as its own task, and highlighting is split into short slices.
   */
  async run(force = false): Promise<PageState> {
    const slices: [number, number][] = [];
    const timed = <T>(work: () => T): [T, number] => {
      const start = performance.now();
      const result = work();
      const end = performance.now();
      slices.push([start, end]);
      return [result, end - start];
    };
    const runStart = performance.now();
    const url = this.doc.location.href;
    const scriptStart = this.clock.scriptStart ?? runStart;
    this.timings = { scriptStart, mainStart: this.clock.mainStart, runStart, slices };
    const [isArticle] = timed(() => force || looksLikeArticle(this.doc));
    if (!isArticle) {
      this.state = { ...this.state, status: 'not-article', message: 'This page does not look like an article.', timings: this.timings };
      await this.send('page-skipped', { url, reason: 'not-article' }).catch(() => undefined);
      return this.state;
    }
    this.state = { ...this.state, status: 'checking' };
    this.highlighter?.removeAll();
    await yieldToPage();
    const [prepared, prepare] = timed(() => prepareExtraction(this.doc));
    await yieldToPage();
    const [parsed, readability] = timed(() => runReadability(prepared));
    await yieldToPage();
    const [extracted, map] = timed(() => (parsed ? mapToPage(prepared, parsed, url) : null));
    const extract = prepare + readability + map;
    if (!extracted) {
      this.state = { ...this.state, status: 'not-article', message: 'No article body was found on this page.', timings: this.timings };
      await this.send('page-skipped', { url, reason: 'no-article' }).catch(() => undefined);
      return this.state;
    }
    const { article, segments } = extracted;
    this.segments = segments;
    this.article = article;

    // Ask for what was stored (a revisit) and for a fresh check at once: one round trip of
    // waiting, not two. What was stored is shown while the check is still out.
    const sent = performance.now();
    let answered = false;
    const checking = this.send('check-article', { article }).finally(() => { answered = true; });
    checking.catch(() => undefined); // its failure is met below, where it is awaited
    const stored = await this.send('get-article', { url, canonical: article.canonical }).catch(() => null);
    let anchor = 0;
    let render = 0;
    let shownStored = false;
    if (!answered && stored?.article && stored.article.annotations.length) {
      const { anchored, orphans } = timed(() => anchorAnnotations(article.text, stored.article!.annotations))[0];
      render += await this.draw(anchored, timed);
      this.state = {
        status: 'checked', url, title: article.title, published: article.published, annotations: [...this.byId.values()],
        orphans: [...orphans, ...(stored.article.orphans ?? [])], timings: this.timings, rechecking: true,
      };
      shownStored = true;
    }

    const { annotations, orphans: gone, timings: background } = await checking;
    const roundTrip = performance.now() - sent;
    const [{ anchored, orphans }, anchorTime] = timed(() => anchorAnnotations(article.text, annotations));
    anchor += anchorTime;
    if (!shownStored || !sameAnnotations([...this.byId.values()], anchored)) render += await this.draw(anchored, timed);
    const end = performance.now();
    this.timings = {
      scriptStart, mainStart: this.clock.mainStart, runStart, extract, recognise: background?.recognise, linkAndCheck: background?.linkAndCheck, roundTrip, anchor, render,
      total: end - scriptStart, work: end - runStart, end, slices, extractParts: { prepare, readability, map },
    };
    this.state = {
      status: 'checked', url, title: article.title, published: article.published, annotations: [...this.byId.values()],
      orphans: [...orphans, ...(gone ?? [])], timings: this.timings,
    };
    return this.state;
  }

  /** Replace the page's highlights with these, in short slices; returns the time spent drawing. */
  private async draw(annotations: Annotation[], timed: <T>(work: () => T) => [T, number]): Promise<number> {
    this.highlighter?.removeAll();
    this.highlighter = new Highlighter(this.doc, this.segments);
    const drawn: Annotation[] = [];
    let spentAll = 0;
    for (let i = 0; i < annotations.length; ) {
      await yieldToPage();
      const [, spent] = timed(() => {
        const until = performance.now() + SLICE_MS;
        for (; i < annotations.length && performance.now() < until; i++) {
          if (this.highlighter!.highlight(annotations[i])) drawn.push(annotations[i]);
        }
      });
      spentAll += spent;
    }
    this.byId = new Map(drawn.map((a) => [a.id, a]));
    return spentAll;
  }

  /** Show a decision made elsewhere (the popup) on this page's copy of the annotation. */
  setDecision(id: string, decision: Annotation['decision']): boolean {
    const a = this.byId.get(id);
    if (!a) return false;
    const updated = { ...a, decision };
    this.byId.set(id, updated);
    this.state = { ...this.state, annotations: this.state.annotations.map((x) => (x.id === id ? updated : x)) };
    for (const el of this.highlighter?.elementsOf(id) ?? []) el.dataset.decision = decision?.verdict ?? '';
    return true;
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
