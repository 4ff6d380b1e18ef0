/**
 * The article's text as the page holds it while marks are drawn: each of the article's text
 * nodes (a segment) is cut into runs where a mark begins or ends. Runs are kept per segment,
 * so a cut touches one short list — one list for the whole article made each cut move every
 * run after it, and a page of 40,000 marks took over a minute to draw.
 */
import type { TextSegment } from '../extract/article';

export class TextRuns {
  /** Per segment of the article, in order: its runs, in order (one until something cuts it). */
  private readonly segments: { start: number; end: number; runs: TextSegment[] }[];

  constructor(segments: readonly TextSegment[]) {
    this.segments = segments.map((s) => ({ start: s.start, end: s.end, runs: [{ ...s }] }));
  }

  /**
   * Make `offset` fall between two runs, splitting the text node there. False when the node
   * holding it has changed or left the page (what it held can no longer be marked).
   */
  cutAt(offset: number): boolean {
    const seg = this.segments[this.segmentAt(offset)];
    if (!seg || offset <= seg.start || offset >= seg.end) return true;
    const k = seg.runs.findIndex((r) => r.start < offset && offset < r.end);
    if (k < 0) return true;
    const r = seg.runs[k];
    if (!r.node.isConnected || r.node.length !== r.end - r.start) return false;
    const tail = r.node.splitText(offset - r.start);
    seg.runs.splice(k, 1, { node: r.node, start: r.start, end: offset }, { node: tail, start: offset, end: r.end });
    return true;
  }

  /** The runs that lie wholly within [start, end), in order, still on the page. */
  within(start: number, end: number): TextSegment[] {
    const out: TextSegment[] = [];
    for (let i = Math.max(0, this.segmentAt(start)); i < this.segments.length && this.segments[i].start < end; i++) {
      for (const r of this.segments[i].runs) {
        if (r.start >= start && r.end <= end && r.end > r.start && r.node.isConnected) out.push(r);
      }
    }
    return out;
  }

  /** Index of the segment holding `offset` (the one starting last at or before it), by bisection. */
  private segmentAt(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
