/**
 * The page side of the pipeline, run by the content script: extract → recognise → (link and
 * check in the background) → anchor → highlight. It holds this tab's state for the popup and
 * times each stage. Only the highlighter writes to the page.
 */
import { looksLikeArticle, mapToPage, prepareExtraction, runReadability } from '../extract/article';
import { Highlighter } from '../anchor/highlighter';
import { anchorAnnotations } from '../anchor/quote';
import { SLICE_MS, yieldToPage } from './yield';
import { MAX_HTML, type PageState, type StageTimings } from '../messaging/protocol';
import type { Messages } from '../background/table';
import { attachSegments, snapshotPage } from '../extract/snapshot';
import { annotationKey, type Annotation, type ArticleText } from '../types';
import type { TextSegment } from '../extract/article';

/** Runs one synchronous slice of work, recording it, and returns its result and duration. */
type Timed = <T>(work: () => T) => [T, number];

/** What a check cost, stage by stage (the run adds its start and end). */
interface Checked {
  timings: Omit<StageTimings, 'scriptStart' | 'mainStart' | 'runStart' | 'total' | 'work' | 'end' | 'slices'>;
}

/** An id for one check-html message (the analysis host files its work under it). */
function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A message to the background, its answer's value or its failure thrown (see `Messenger.call`). */
export type SendToBackground = <K extends keyof Messages>(type: K, request: Messages[K]['request']) => Promise<Messages[K]['response']>;

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
  /** The article's text nodes as last extracted (a node's first piece once split by highlighting). */
  get textSegments(): readonly TextSegment[] {
    return this.segments;
  }

  constructor(private readonly doc: Document, private readonly send: SendToBackground, private readonly clock: { scriptStart?: number; mainStart?: number } = {}) {
    this.state = { status: 'idle', url: doc.location.href, title: doc.title, published: null, annotations: [] };
  }

  /**
   * Check the page. Pages that do not look like articles are left alone unless `force`.
   * The page is sent as HTML to be extracted, recognised and checked off its thread; where
   * the browser cannot do that, it is extracted here, in separate short tasks. Highlighting
   * is split into short slices either way.
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
    if (!isArticle) return this.skipped(url, 'not-article', 'This page does not look like an article.');
    this.state = { ...this.state, status: 'checking' };
    this.highlighter?.removeAll();
    await yieldToPage();
    const checked = (await this.checkOffPage(url, timed)) ?? (await this.checkOnPage(url, timed));
    if (!checked) return this.skipped(url, 'no-article', 'No article body was found on this page.');
    const end = performance.now();
    this.timings = {
      scriptStart, mainStart: this.clock.mainStart, runStart, ...checked.timings, renderStart: this.timings.renderStart, total: end - scriptStart, work: end - runStart, end, slices,
    };
    this.state = { ...this.state, rechecking: false, timings: this.timings };
    for (const listener of this.checkedListeners) listener(this.state);
    return this.state;
  }

  private readonly checkedListeners = new Set<(state: PageState) => void>();

  /** Call back each time a check has drawn its highlights (the page's text map is made then); returns an unsubscribe. */
  onChecked(listener: (state: PageState) => void): () => void {
    this.checkedListeners.add(listener);
    return () => this.checkedListeners.delete(listener);
  }

  private async skipped(url: string, reason: string, message: string): Promise<PageState> {
    this.state = { ...this.state, status: 'not-article', message, timings: this.timings };
    await this.send('page-skipped', { url, reason }).catch(() => undefined);
    return this.state;
  }

  /**
   * The page as HTML to the extension, which extracts, recognises and checks it on its own
   * threads; the answer's text nodes are found again here. Null when the browser cannot, or
   * when fewer than half of the article's nodes are found again (the caller then extracts on
   * the page); undefined when the page holds no article.
   */
  private async checkOffPage(url: string, timed: Timed): Promise<Checked | null | undefined> {
    const [snapshot, snap] = timed(() => snapshotPage(this.doc));
    if (snapshot.html.length > MAX_HTML) return null;
    const sent = performance.now();
    const answer = await this.send('check-html', { id: randomId(), url, html: snapshot.html }).catch((error) => ({ unavailable: String(error) }));
    const roundTrip = performance.now() - sent;
    if ('unavailable' in answer) return null;
    if (!answer.article) return undefined;
    const { article } = answer;
    const [segments, attach] = timed(() => attachSegments(article.text, answer.segments, snapshot.texts));
    // A copy that parsed too unlike the page (or a page rebuilt meanwhile): extract it here instead.
    if (segments.length * 2 < answer.segments.length / 3) return null;
    this.segments = segments;
    this.article = article;
    const { anchor, render } = await this.show(article, answer.annotations, answer.orphans, timed);
    const t = answer.timings;
    const there = Object.values(t.extract ?? {}).reduce((n, ms) => n + ms, 0);
    return {
      timings: {
        mode: 'off-page', extract: snap + there + attach, recognise: t.recognise, linkAndCheck: t.linkAndCheck, roundTrip, anchor, render,
        extractParts: { snapshot: snap, ...t.extract, attach },
      },
    };
  }

  /**
   * Extraction on the page's own thread (clone, Readability, map back: three tasks), then the
   * text to the background. A revisit shows what was stored while the fresh check is out.
   */
  private async checkOnPage(url: string, timed: Timed): Promise<Checked | undefined> {
    const [prepared, prepare] = timed(() => prepareExtraction(this.doc));
    await yieldToPage();
    const [parsed, readability] = timed(() => runReadability(prepared));
    await yieldToPage();
    const [extracted, map] = timed(() => (parsed ? mapToPage(prepared, parsed, url) : null));
    if (!extracted) return undefined;
    const { article, segments } = extracted;
    this.segments = segments;
    this.article = article;

    // Ask for what was stored (a revisit) and for a fresh check at once: one round trip of
    // waiting, not two. What was stored is shown while the check is still out.
    const sent = performance.now();
    let answered = false;
    const checking = this.send('check-article', { article }).finally(() => { answered = true; });
    checking.catch(() => undefined); // its failure is met below, where it is awaited
    const stored = await this.send('get-article', { url, canonical: article.canonical ?? undefined }).catch(() => null);
    let shown: Awaited<ReturnType<PageSession['show']>> | null = null;
    if (!answered && stored?.article && stored.article.annotations.length) {
      shown = await this.show(article, stored.article.annotations, stored.article.orphans ?? [], timed, true);
    }
    const { annotations, orphans, timings: background } = await checking;
    const roundTrip = performance.now() - sent;
    const fresh = await this.show(article, annotations, orphans, timed, false, shown !== null);
    return {
      timings: {
        mode: 'on-page', extract: prepare + readability + map, recognise: background?.recognise, linkAndCheck: background?.linkAndCheck, roundTrip,
        anchor: fresh.anchor + (shown?.anchor ?? 0), render: fresh.render + (shown?.render ?? 0), extractParts: { prepare, readability, map },
      },
    };
  }

  /**
   * Anchor annotations in the article text and draw them, unless the same ones are already
   * drawn (`unlessSame`: a revisit whose stored marks the fresh check confirmed).
   */
  private async show(article: ArticleText, annotations: Annotation[], gone: Annotation[], timed: Timed, rechecking = false, unlessSame = false): Promise<{ anchor: number; render: number }> {
    const [{ anchored, orphans }, anchor] = timed(() => anchorAnnotations(article.text, annotations));
    const render = unlessSame && sameAnnotations([...this.byId.values()], anchored) ? 0 : await this.draw(anchored, timed);
    this.state = {
      status: 'checked', url: article.url, canonical: article.canonical ?? null, title: article.title, published: article.published, annotations: [...this.byId.values()],
      orphans: [...orphans, ...gone], timings: this.timings, rechecking,
    };
    return { anchor, render };
  }

  /** Replace the page's highlights with these, in short slices; returns the time spent drawing. */
  private async draw(annotations: Annotation[], timed: Timed): Promise<number> {
    this.highlighter?.removeAll();
    this.highlighter = new Highlighter(this.doc, this.segments);
    const drawn: Annotation[] = [];
    let spentAll = 0;
    for (let i = 0; i < annotations.length; ) {
      await yieldToPage();
      this.timings.renderStart ??= performance.now();
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

  /** Show a decision the reader made (on the card) on this page's copy of the annotation and its marks. */
  setDecision(id: string, decision: Annotation['decision']): boolean {
    const a = this.byId.get(id);
    if (!a) return false;
    const updated = { ...a, decision };
    this.byId.set(id, updated);
    this.state = { ...this.state, annotations: this.state.annotations.map((x) => (x.id === id ? updated : x)) };
    this.highlighter?.setDecision(id, decision?.verdict);
    return true;
  }

  /** The annotation behind a clicked or focused element, if it is one of ours. */
  annotationAt(target: EventTarget | null): { annotation: Annotation; element: HTMLElement } | null {
    const id = this.highlighter?.idAt(target);
    const annotation = id ? this.byId.get(id) : undefined;
    const element = id ? this.highlighter!.elementsOf(id)[0] : undefined;
    return annotation && element ? { annotation, element } : null;
  }

  /** The elements drawn for an annotation (none when it is not drawn). */
  marksOf(id: string): HTMLElement[] {
    return this.highlighter?.elementsOf(id) ?? [];
  }

  /** Give an annotation's mark the keyboard focus (back to the claim when its card closes). */
  focus(id: string): boolean {
    return this.highlighter?.focus(id) ?? false;
  }

  /** Scroll a highlight into view and focus it (from the popup's list of flags). */
  scrollTo(id: string): boolean {
    const el = this.highlighter?.elementsOf(id)[0];
    if (!el) return false;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return this.highlighter!.focus(id);
  }
}
