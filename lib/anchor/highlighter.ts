/**
 * The highlighter: the only module that writes to the page's DOM. It wraps the text of each
 * annotation in `<casefile-mark>` elements (a custom element name, so page CSS written for
 * spans and marks does not reach it), styled without changing layout — backgrounds,
 * underlines and shadows only, never padding, borders or font changes.
 *
 * What a mark means stays out of the page's reach: a mark carries no attribute at all. Its
 * look (kind, verdict, linked or not, the reader's decision) and, for a conflict, its focus
 * stop, live in the mark's closed shadow root, around a slot that shows the page's own text
 * node; page scripts see a bare element and computed styles that say nothing, and page CSS
 * cannot restyle it. Which annotation a mark shows is known here only (a WeakMap).
 *
 * It keeps the article's text segments up to date as it splits text nodes, so that
 * overlapping and nested annotations can be drawn in any order.
 */
import type { TextSegment } from '../extract/article';
import { TextRuns } from './text-runs';
import type { Annotation } from '../types';

export const MARK_TAG = 'casefile-mark';

/** What a mark shows. */
export type Markable = Pick<Annotation, 'id' | 'start' | 'end' | 'kind' | 'verdict' | 'entity' | 'decision'>;

/** What decides a mark's look (the legend draws its samples from these). */
export type Look = Pick<Markable, 'kind' | 'verdict' | 'entity' | 'decision'>;

/**
 * Layout-neutral styles, inside each mark's shadow root: nothing here changes a box's size
 * or position. `:host` rules marked important win over any page rule on the element. Kinds
 * differ by more than hue — fill lightness, stripes, an underline's shape — since their fills
 * alone were 1.01–1.16:1 apart in contrast. The legend (components/legend.ts) draws its
 * samples with this sheet and these classes (`paintSample`), so it shows what the page shows.
 */
const STYLES = `
:host{all:unset!important;display:inline!important}
span{background-color:var(--cf-bg);background-image:var(--cf-pattern,none);box-shadow:inset 0 -2px 0 var(--cf-line,transparent);border-radius:2px;cursor:pointer}
.person{--cf-bg:rgba(255,193,7,.32)}
.organization{--cf-bg:rgba(46,125,50,.40)}
.place{--cf-bg:rgba(33,150,243,.10);--cf-pattern:repeating-linear-gradient(135deg,rgba(33,150,243,.45) 0 2px,transparent 2px 5px)}
.date{--cf-bg:transparent;--cf-line:#7b1fa2}
.fact{--cf-bg:transparent}
.unlinked:not(.date):not(.fact){--cf-bg:transparent;--cf-pattern:none;text-decoration:underline dashed #616161 1px;text-underline-offset:3px}
.consistent{--cf-line:#2e7d32}
.conflict{--cf-bg:rgba(229,57,53,.30);--cf-pattern:none;--cf-line:#c62828;text-decoration:underline wavy #c62828 1.5px;text-underline-offset:3px}
.wrong{--cf-bg:rgba(120,120,120,.14);--cf-pattern:none;--cf-line:transparent;text-decoration:underline dotted #757575 1.5px}
.confirmed{--cf-line:#b71c1c}
span:focus-visible{outline:2px solid #1565c0;outline-offset:1px}
`;

/** One drawn piece of an annotation: the element in the page, and its look inside the closed root. */
interface Piece {
  host: HTMLElement;
  look: HTMLElement;
}

export class Highlighter {
  private readonly doc: Document;
  private readonly runs: TextRuns;
  private readonly marks = new Map<string, Piece[]>();
  private readonly drawn = new Map<string, Markable>();
  /** Which annotation each mark element shows: known to this module, not written on the page. */
  private readonly idOf = new WeakMap<Element, string>();

  /** One stylesheet shared by every mark's root where the browser allows it (a `<style>` in each otherwise). */
  private sheet: CSSStyleSheet | null | undefined;

  constructor(doc: Document, segments: TextSegment[]) {
    this.doc = doc;
    this.runs = new TextRuns(segments);
  }

  /** Draw one annotation; returns its elements, or null when its text is gone (an orphan). */
  highlight(a: Markable): HTMLElement[] | null {
    if (!this.runs.cutAt(a.start) || !this.runs.cutAt(a.end)) return null;
    const covered = this.runs.within(a.start, a.end);
    if (!covered.length) return null;
    const pieces: Piece[] = [];
    for (const s of covered) {
      const piece = this.mark(a, pieces.length === 0);
      s.node.parentNode!.insertBefore(piece.host, s.node);
      piece.host.appendChild(s.node);
      pieces.push(piece);
    }
    this.marks.set(a.id, [...(this.marks.get(a.id) ?? []), ...pieces]);
    this.drawn.set(a.id, a);
    return pieces.map((p) => p.host);
  }

  /** The elements drawn for an annotation. */
  elementsOf(id: string): HTMLElement[] {
    return (this.marks.get(id) ?? []).map((p) => p.host);
  }

  /**
   * The annotation behind a clicked or focused element, if it is one of ours. Nested marks
   * (a name inside a fact): the flag wins, else the innermost.
   */
  idAt(target: EventTarget | null): string | null {
    const el = (target as Element | null)?.closest?.(MARK_TAG) ?? null;
    let best: string | null = null;
    for (let p: Element | null = el; p && p.localName === MARK_TAG; p = p.parentElement) {
      const id = this.idOf.get(p);
      if (!id) continue;
      best ??= id;
      if (this.drawn.get(id)?.verdict === 'conflict') return id;
    }
    return best;
  }

  /** Show the reader's decision on an annotation's marks (a wrong flag turns grey and dotted). */
  setDecision(id: string, verdict: 'wrong' | 'confirmed' | null | undefined): void {
    const a = this.drawn.get(id);
    if (!a) return;
    const updated = { ...a, decision: verdict ? { verdict, note: '', at: '' } : null };
    this.drawn.set(id, updated);
    for (const p of this.marks.get(id) ?? []) p.look.className = lookOf(updated);
  }

  /** Move the keyboard focus to an annotation's first mark (every mark's first piece is a Tab stop). */
  focus(id: string): boolean {
    const first = this.marks.get(id)?.[0];
    if (!first || !first.host.isConnected) return false;
    first.look.focus({ preventScroll: true });
    return true;
  }

  /** Where an annotation is drawn: the boxes of its pieces (one per line it spans), in viewport pixels. */
  rectsOf(id: string): DOMRect[] {
    return (this.marks.get(id) ?? []).flatMap((p) => (p.host.isConnected ? Array.from(p.host.getClientRects()) : []));
  }

  /** Annotations drawn here whose marks the page has since taken out of the document (a framework re-rendering its text). */
  missing(): string[] {
    const gone: string[] = [];
    for (const [id, pieces] of this.marks) if (pieces.some((p) => !p.host.isConnected)) gone.push(id);
    return gone;
  }

  /** Remove every highlight, restoring the page's text nodes. */
  removeAll(): void {
    for (const pieces of this.marks.values()) {
      for (const { host } of pieces) {
        const parent = host.parentNode;
        if (!parent) continue;
        while (host.firstChild) parent.insertBefore(host.firstChild, host);
        parent.removeChild(host);
        parent.normalize?.();
      }
    }
    this.marks.clear();
    this.drawn.clear();
  }

  /** A mark element: bare in the page, its look and (for a flag's first piece) its focus stop in a closed shadow root. */
  private mark(a: Markable, first: boolean): Piece {
    const host = this.doc.createElement(MARK_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    if (!this.adopt(root)) {
      const style = this.doc.createElement('style');
      style.textContent = STYLES;
      root.append(style);
    }
    const look = this.doc.createElement('span');
    look.className = lookOf(a);
    // Every highlight is a Tab stop (its first piece), so each card can be reached without a
    // mouse; what it is is said to assistive technology only, inside the closed root.
    if (first) {
      look.tabIndex = 0;
      look.setAttribute('role', 'button');
      look.setAttribute('aria-description', `Casefile: ${describeLook(a)}. Press Enter for details.`);
    }
    look.appendChild(this.doc.createElement('slot'));
    root.append(look);
    this.idOf.set(host, a.id);
    return { host, look };
  }

  /** Give a mark's root the shared stylesheet; false where constructed stylesheets cannot be adopted here. */
  private adopt(root: ShadowRoot): boolean {
    try {
      if (this.sheet === undefined) {
        const Sheet = this.doc.defaultView?.CSSStyleSheet ?? (typeof CSSStyleSheet === 'function' ? CSSStyleSheet : undefined);
        this.sheet = Sheet && 'replaceSync' in Sheet.prototype ? new Sheet() : null;
        this.sheet?.replaceSync(STYLES);
      }
      if (!this.sheet) return false;
      root.adoptedStyleSheets = [this.sheet];
      return root.adoptedStyleSheets.length === 1;
    } catch {
      this.sheet = null;
      return false;
    }
  }
}

/** What a mark is, in words, for assistive technology (inside the closed root only). */
function describeLook(a: Look): string {
  if (a.verdict === 'conflict') return 'conflicts with the case';
  if (a.verdict === 'consistent') return 'consistent with the case';
  const kind = a.kind === 'organization' ? 'organisation' : a.kind;
  return a.kind === 'date' || a.kind === 'fact' || a.entity ? kind : `${kind}, not in your cases`;
}

/** The classes of a mark's look (inside its closed root only). */
function lookOf(a: Look): string {
  return [a.kind, a.verdict, a.entity ? 'linked' : 'unlinked', a.decision?.verdict ?? ''].filter(Boolean).join(' ');
}

/**
 * A legend's sample: `host` shows its own text as a mark of this look shows the page's, with
 * the same sheet and classes in its own shadow root (open: the legend lives on the
 * extension's pages, not in a web page), so the legend cannot show what the page does not.
 */
export function paintSample(host: HTMLElement, look: Look): void {
  const doc = host.ownerDocument;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLES;
  const span = doc.createElement('span');
  span.className = lookOf(look);
  span.append(doc.createElement('slot'));
  root.replaceChildren(style, span);
}
