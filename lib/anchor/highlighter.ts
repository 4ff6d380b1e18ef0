/**
 * The highlighter: the only module that writes to the page's DOM. It wraps the text of each
 * annotation in `<casefile-mark>` elements (a custom element name, so page CSS written for
 * spans and marks does not reach it), styled without changing layout — backgrounds,
 * underlines and shadows only, never padding, borders or font changes.
 *
 * It keeps the article's text segments up to date as it splits text nodes, so that
 * overlapping and nested annotations can be drawn in any order.
 */
import type { TextSegment } from '../extract/article';
import type { Annotation } from '../types';

export const MARK_TAG = 'casefile-mark';
const STYLE_ID = 'casefile-highlight-style';

/**
 * Layout-neutral styles: nothing here changes a box's size or position. Kinds differ by more
 * than hue — fill lightness, stripes, an underline's shape — since their fills alone were
 * 1.01–1.16:1 apart in contrast. The legend (components/legend.ts) describes these.
 */
const STYLES = `
${MARK_TAG}{all:unset;display:inline!important;background-color:var(--cf-bg)!important;background-image:var(--cf-pattern,none)!important;box-shadow:inset 0 -2px 0 var(--cf-line,transparent)!important;border-radius:2px!important;color:inherit!important;font:inherit!important;cursor:pointer!important;}
${MARK_TAG}[data-kind=person]{--cf-bg:rgba(255,193,7,.32);}
${MARK_TAG}[data-kind=organization]{--cf-bg:rgba(46,125,50,.40);}
${MARK_TAG}[data-kind=place]{--cf-bg:rgba(33,150,243,.10);--cf-pattern:repeating-linear-gradient(135deg,rgba(33,150,243,.45) 0 2px,transparent 2px 5px);}
${MARK_TAG}[data-kind=date]{--cf-bg:transparent;--cf-line:#7b1fa2;}
${MARK_TAG}[data-kind=fact]{--cf-bg:transparent;}
${MARK_TAG}[data-entity=""]:not([data-kind=date]):not([data-kind=fact]){--cf-bg:transparent;--cf-pattern:none;text-decoration:underline dashed #616161 1px!important;text-underline-offset:3px!important;}
${MARK_TAG}[data-verdict=consistent]{--cf-line:#2e7d32;}
${MARK_TAG}[data-verdict=conflict]{--cf-bg:rgba(229,57,53,.30);--cf-pattern:none;--cf-line:#c62828;text-decoration:underline wavy #c62828 1.5px!important;text-underline-offset:3px!important;}
${MARK_TAG}[data-decision=wrong]{--cf-bg:rgba(120,120,120,.14);--cf-pattern:none;--cf-line:transparent;text-decoration:underline dotted #757575 1.5px!important;}
${MARK_TAG}[data-decision=confirmed]{--cf-line:#b71c1c;}
${MARK_TAG}:focus-visible{outline:2px solid #1565c0!important;outline-offset:1px!important;}
`;

export class Highlighter {
  private readonly doc: Document;
  private segments: TextSegment[];
  private readonly marks = new Map<string, HTMLElement[]>();

  constructor(doc: Document, segments: TextSegment[]) {
    this.doc = doc;
    this.segments = segments.slice();
  }

  /** Draw one annotation; returns its elements, or null when its text is gone (an orphan). */
  highlight(a: Pick<Annotation, 'id' | 'start' | 'end' | 'kind' | 'verdict' | 'entity' | 'decision'>): HTMLElement[] | null {
    this.ensureStyle();
    if (!this.splitAt(a.start) || !this.splitAt(a.end)) return null;
    const covered: TextSegment[] = [];
    for (let i = this.firstAtOrAfter(a.start); i < this.segments.length && this.segments[i].end <= a.end; i++) {
      const s = this.segments[i];
      if (s.end > s.start && s.node.isConnected) covered.push(s);
    }
    if (!covered.length) return null;
    const elements: HTMLElement[] = [];
    for (const s of covered) {
      const mark = this.doc.createElement(MARK_TAG);
      mark.dataset.id = a.id;
      mark.dataset.kind = a.kind;
      mark.dataset.verdict = a.verdict;
      mark.dataset.entity = a.entity ?? '';
      if (a.decision?.verdict) mark.dataset.decision = a.decision.verdict;
      if (a.verdict === 'conflict' && elements.length === 0) {
        mark.tabIndex = 0;
        mark.setAttribute('role', 'button');
        mark.setAttribute('aria-description', 'Casefile: conflicts with the case. Press Enter for details.');
      }
      s.node.parentNode!.insertBefore(mark, s.node);
      mark.appendChild(s.node);
      elements.push(mark);
    }
    this.marks.set(a.id, [...(this.marks.get(a.id) ?? []), ...elements]);
    return elements;
  }

  /** The elements drawn for an annotation. */
  elementsOf(id: string): HTMLElement[] {
    return this.marks.get(id) ?? [];
  }

  /** Remove every highlight, restoring the page's text nodes. */
  removeAll(): void {
    for (const els of this.marks.values()) {
      for (const mark of els) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
        parent.normalize?.();
      }
    }
    this.marks.clear();
    this.doc.getElementById(STYLE_ID)?.remove();
  }

  private ensureStyle() {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = STYLES;
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
  }

  /** Index of the first segment starting at or after `offset` (binary search: pages can have thousands). */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Make `offset` fall on a segment boundary by splitting the text node there. */
  private splitAt(offset: number): boolean {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (offset <= s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else {
        if (!s.node.isConnected || s.node.length !== s.end - s.start) return false;
        const tail = s.node.splitText(offset - s.start);
        this.segments.splice(mid, 1, { node: s.node, start: s.start, end: offset }, { node: tail, start: offset, end: s.end });
        return true;
      }
    }
    return true;
  }
}
