/**
 * Spans of a text looked up by position: which of them overlap a stretch, or lie in it. A
 * list of spans kept sorted by start, searched by bisection, so that asking once per word of
 * a long article stays cheap — scanning every span for every word made a 10,000-paragraph
 * page take a minute.
 */
export interface Span {
  start: number;
  end: number;
}

export class SpanIndex<T extends Span> {
  private readonly items: T[];
  /** The longest span's length: how far before a stretch an overlapping span can start. */
  private longest = 0;

  constructor(spans: Iterable<T> = []) {
    this.items = [...spans].sort((a, b) => a.start - b.start);
    for (const s of this.items) this.longest = Math.max(this.longest, s.end - s.start);
  }

  get size(): number {
    return this.items.length;
  }

  /** Add a span, keeping the order. */
  add(span: T): void {
    this.items.splice(this.firstAtOrAfter(span.start + 1), 0, span);
    this.longest = Math.max(this.longest, span.end - span.start);
  }

  /** Remove a span (the very object). */
  remove(span: T): void {
    for (let i = this.firstAtOrAfter(span.start); i < this.items.length && this.items[i].start === span.start; i++) {
      if (this.items[i] === span) {
        this.items.splice(i, 1);
        return;
      }
    }
  }

  /** Every span that overlaps [start, end), in order. */
  overlapping(start: number, end: number): T[] {
    return this.within(start - this.longest, end).filter((s) => s.start < end && start < s.end);
  }

  /** Whether any span overlaps [start, end) (and passes `test`, when given). */
  overlaps(start: number, end: number, test?: (span: T) => boolean): boolean {
    for (let i = this.firstAtOrAfter(end) - 1; i >= 0 && this.items[i].start > start - this.longest - 1; i--) {
      const s = this.items[i];
      if (s.start < end && start < s.end && (!test || test(s))) return true;
    }
    return false;
  }

  /** Every span that starts in [from, to), in order. */
  within(from: number, to: number): T[] {
    const out: T[] = [];
    for (let i = this.firstAtOrAfter(from); i < this.items.length && this.items[i].start < to; i++) out.push(this.items[i]);
    return out;
  }

  /** Index of the first span starting at or after `offset`. */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
