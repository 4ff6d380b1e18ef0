/**
 * The page side of the pipeline, run by the content script: extract → recognise → (link and
 * check in the background) → anchor → highlight. It holds this tab's state for the popup and
 * times each stage. Only the highlighter writes to the page. Checks run one at a time; what
 * makes a page be checked again (it changed, it navigated) is `lib/page/follow.ts`'s call.
 */
import { aboutACase } from '../check/about';
import { canonicalOf, looksLikeArticle, mapToPage, prepareExtraction, runReadability } from '../extract/article';
import { Highlighter } from '../anchor/highlighter';
import { onScreenFirst, visibleRange } from '../anchor/viewport';
import { anchorSteps } from '../anchor/quote';
import { runInSlices, SLICE_MS, yieldToPage } from './yield';
import { MAX_HTML, type PageState, type StageTimings } from '../messaging/protocol';
import type { Messages } from '../background/table';
import { attachSteps, snapshotSteps, withoutCanonical } from '../extract/snapshot';
import type { ReadingMode } from './settings';
import { annotationKey, type Annotation, type ArticleText } from '../types';
import type { TextSegment } from '../extract/article';

/** Runs one synchronous slice of work, recording it, and returns its result and duration. */
type Timed = <T>(work: () => T) => [T, number];

/** What a check cost, stage by stage (the run adds its start and end). */
interface Checked {
  timings: Omit<StageTimings, 'scriptStart' | 'mainStart' | 'runStart' | 'total' | 'work' | 'end' | 'slices'>;
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
  /** Run stepped work in the current run's slices (each recorded with the run's timings). */
  private stepped: <T>(steps: Iterator<unknown, T>) => Promise<[T, number]> = (steps) => runInSlices(steps);
  /** The article's text nodes as last extracted (a node's first piece once split by highlighting). */
  get textSegments(): readonly TextSegment[] {
    return this.segments;
  }
  /** Whether names and dates are drawn on every article, or only on articles about a case. */
  mode: ReadingMode = 'about-a-case';
  /** Called after each of the session's own writes to the page (a watcher forgets them: they are not the page changing). */
  ownWrites: () => void = () => undefined;
  /** Checks in turn: a check asked for while one runs starts when it is done. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Canonical links of articles read before a same-document navigation: a page that leaves its link behind does not file the next article under it. */
  private readonly staleCanonicals = new Set<string>();
  /** The element holding the article's text, and that text, as last drawn (to tell when the page changed it). */
  private drawnText: { container: Node; text: string } | null = null;
  /** This article only: draw its names and dates even if it is about no case (the reader asked). */
  private everythingHere = false;

  constructor(private readonly doc: Document, private readonly send: SendToBackground, private readonly clock: { scriptStart?: number; mainStart?: number } = {}) {
    this.state = { status: 'idle', url: doc.location.href, title: doc.title, published: null, annotations: [] };
  }

  /**
   * Check the page. Pages that do not look like articles are left alone unless `force`.
   * The page is sent as HTML to be extracted, recognised and checked off its thread; where
   * the browser cannot do that, it is extracted here, in separate short tasks. Highlighting
   * is split into short slices either way.
   */
  run(force = false, options: { everything?: boolean } = {}): Promise<PageState> {
    const next = this.queue.catch(() => undefined).then(() => this.runOnce(force, options));
    this.queue = next;
    return next;
  }

  private async runOnce(force: boolean, { everything }: { everything?: boolean }): Promise<PageState> {
    if (everything) this.everythingHere = true;
    const slices: [number, number][] = [];
    this.stepped = (steps) => runInSlices(steps, (start, end) => slices.push([start, end]));
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
    this.state = { ...this.state, status: 'checking', changed: false };
    this.highlighter?.removeAll();
    this.ownWrites();
    await yieldToPage();
    const checked = (await this.checkOffPage(url, timed)) ?? (await this.checkOnPage(url, timed));
    // A page that says it is an article but has no article text yet is still loading it.
    if (!checked) return this.skipped(url, 'no-article', 'No article text was found on this page yet.', 'waiting');
    const end = performance.now();
    this.timings = {
      scriptStart, mainStart: this.clock.mainStart, runStart, ...checked.timings, renderStart: this.timings.renderStart, firstFlag: this.timings.firstFlag, total: end - scriptStart, work: end - runStart, end, slices,
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

  private async skipped(url: string, reason: string, message: string, status: 'not-article' | 'waiting' = 'not-article'): Promise<PageState> {
    this.clear({ status, message, url, title: this.doc.title, timings: this.timings });
    await this.send('page-skipped', { url, reason }).catch(() => undefined);
    return this.state;
  }

  /** Take every highlight off the page and start the state afresh (a page with no article, or Casefile turned off). */
  clear(state: Partial<PageState> & Pick<PageState, 'status'>): void {
    this.highlighter?.removeAll();
    this.ownWrites();
    this.highlighter = null;
    this.byId = new Map();
    this.segments = [];
    this.article = null;
    this.drawnText = null;
    this.state = { url: this.doc.location.href, title: this.doc.title, published: null, annotations: [], ...state };
  }

  /**
   * The page moved to another address without loading (`history.pushState`, back and
   * forward in a single-page site): the old article's highlights go, and its canonical link
   * stops counting for what comes next unless the page changes it.
   */
  navigated(): void {
    const canonical = this.article?.canonical;
    if (canonical) this.staleCanonicals.add(canonical);
    this.everythingHere = false;
    this.clear({ status: 'checking' });
  }

  /** The canonical link the page shows now, when it is left over from an article read before a navigation (and names another address). */
  private staleCanonical(url: string): string | null {
    if (!this.staleCanonicals.size) return null;
    const canonical = canonicalOf(this.doc, url);
    return canonical && this.staleCanonicals.has(canonical) && canonical !== url.split('#')[0] ? canonical : null;
  }

  /**
   * The page as HTML to the extension, which extracts, recognises and checks it on its own
   * threads; the answer's text nodes are found again here. Null when the browser cannot, or
   * when fewer than half of the article's nodes are found again (the caller then extracts on
   * the page); undefined when the page holds no article.
   */
  private async checkOffPage(url: string, timed: Timed): Promise<Checked | null | undefined> {
    const stale = this.staleCanonical(url);
    const [snapshot, snap] = await this.stepped(snapshotSteps(this.doc));
    if (snapshot.html.length > MAX_HTML) return null;
    const html = stale ? withoutCanonical(snapshot.html) : snapshot.html;
    const sent = performance.now();
    const answer = await this.send('check-html', { url, html }).catch((error) => ({ unavailable: String(error) }));
    const roundTrip = performance.now() - sent;
    if ('unavailable' in answer) return null;
    if (!answer.article) return undefined;
    const { article } = answer;
    const [segments, attach] = await this.stepped(attachSteps(article.text, answer.segments, snapshot.texts));
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
    if (article.canonical && article.canonical === this.staleCanonical(url)) article.canonical = null;
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
    const [{ anchored, orphans }, anchor] = await this.stepped(anchorSteps(article.text, annotations));
    // In the default mode, an article about no case gets no highlights (flags make it about one).
    const about = this.mode === 'everything' || this.everythingHere || aboutACase(anchored);
    const shown = about ? anchored : [];
    const render = unlessSame && sameAnnotations([...this.byId.values()], shown) ? 0 : await this.draw(shown, timed);
    this.drawnText = this.articleText();
    this.state = {
      status: 'checked', url: article.url, canonical: article.canonical ?? null, title: article.title, published: article.published, annotations: inReadingOrder([...this.byId.values()]),
      orphans: [...orphans, ...gone], timings: this.timings, rechecking, ...(about ? {} : { quiet: { withheld: anchored.length } }),
    };
    return { anchor, render };
  }

  /** The nearest element holding every text node of the article, and its text now. */
  private articleText(): { container: Node; text: string } | null {
    const first = this.segments.find((x) => x.node.isConnected)?.node;
    const last = this.segments.findLast((x) => x.node.isConnected)?.node;
    if (!first || !last) return null;
    let container: Node | null = first.parentNode;
    while (container && !container.contains(last)) container = container.parentNode;
    return container ? { container, text: container.textContent ?? '' } : null;
  }

  /**
   * Whether the page has changed what was drawn: marks it took out of the document (a
   * framework re-rendering paragraphs), or the article's text itself (text that arrived
   * late, a correction). Called in idle time, never from a MutationObserver's callback.
   */
  changes(): { missing: string[]; textChanged: boolean } {
    const missing = this.highlighter?.missing() ?? [];
    const drawn = this.drawnText;
    const textChanged = !!drawn && (!drawn.container.isConnected || drawn.container.textContent !== drawn.text);
    return { missing, textChanged };
  }

  /** The page changed since the check: say so until the next check is done. */
  markChanged(): void {
    if (this.state.status === 'checked') this.state = { ...this.state, changed: true };
  }

  /**
   * The page keeps removing these highlights: stop drawing them, and list them as no longer
   * shown (the popup and the side panel do), rather than point at nothing.
   */
  giveUp(ids: string[]): void {
    const hidden = ids.map((id) => this.byId.get(id)).filter((a): a is Annotation => !!a);
    for (const a of hidden) this.byId.delete(a.id);
    this.state = { ...this.state, changed: false, annotations: [...this.byId.values()], hidden: [...(this.state.hidden ?? []), ...hidden] };
  }

  /** Replace the page's highlights with these, in short slices; returns the time spent drawing. */
  private async draw(annotations: Annotation[], timed: Timed): Promise<number> {
    this.highlighter?.removeAll();
    this.ownWrites();
    this.highlighter = new Highlighter(this.doc, this.segments);
    this.byId = new Map();
    let spentAll = 0;
    let order: Annotation[] = annotations;
    // What the reader can see is drawn first (a layout read, in a slice of its own, before anything is drawn).
    if (order.length > 200) [order] = timed(() => onScreenFirst(annotations, visibleRange(this.segments, this.doc.defaultView?.innerHeight ?? 0)));
    for (let i = 0; i < order.length; ) {
      await yieldToPage();
      this.timings.renderStart ??= performance.now();
      const [, spent] = timed(() => {
        const until = performance.now() + SLICE_MS;
        for (; i < order.length && performance.now() < until; i++) {
          if (this.highlighter!.highlight(order[i])) {
            // Known as drawn at once: a click on a mark of a long article works before the last is drawn.
            this.byId.set(order[i].id, order[i]);
            if (order[i].verdict === 'conflict') this.timings.firstFlag ??= performance.now();
          }
        }
        this.ownWrites();
      });
      spentAll += spent;
    }
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
  scrollTo(id: string, behavior: ScrollBehavior = 'smooth'): boolean {
    const el = this.highlighter?.elementsOf(id)[0];
    if (!el?.isConnected) return false;
    el.scrollIntoView({ block: 'center', behavior });
    return this.highlighter!.focus(id);
  }

  /** Where an annotation is drawn (one box per line), in viewport pixels. */
  rectsOf(id: string): DOMRect[] {
    return this.highlighter?.rectsOf(id) ?? [];
  }

  /**
   * Go to the next (or previous) flag after the one the reader is on — the focused mark's,
   * else the last one gone to — in reading order, round from the end; scrolls it into view
   * and focuses it. Answers where it went, or null when the page has no flag drawn.
   */
  focusFlag(direction: 'next' | 'previous', from: EventTarget | null): { id: string; index: number; of: number } | null {
    const flags = [...this.byId.values()].filter((a) => a.verdict === 'conflict' && this.highlighter?.elementsOf(a.id)[0]?.isConnected).sort((a, b) => a.start - b.start);
    if (!flags.length) return null;
    const current = this.highlighter?.idAt(from) ?? this.lastFlag;
    const at = current ? this.byId.get(current) : undefined;
    const on = at ? flags.findIndex((a) => a.id === at.id) : -1;
    let index: number;
    if (on >= 0) index = (on + (direction === 'next' ? 1 : -1) + flags.length) % flags.length;
    else if (at) index = direction === 'next' ? flags.findIndex((a) => a.start > at.start) : flags.findLastIndex((a) => a.start < at.start);
    else index = -1;
    if (index < 0) index = direction === 'next' ? 0 : flags.length - 1;
    const flag = flags[index];
    this.lastFlag = flag.id;
    this.scrollTo(flag.id, 'instant');
    return { id: flag.id, index, of: flags.length };
  }

  private lastFlag: string | null = null;
}

/** Annotations as the article reads (drawing may have begun with those on screen). */
function inReadingOrder(annotations: Annotation[]): Annotation[] {
  return annotations.sort((a, b) => a.start - b.start || b.end - a.end);
}
