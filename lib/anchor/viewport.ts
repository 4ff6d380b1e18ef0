/**
 * Which stretch of the article the reader can see, so its marks are drawn first and a long
 * article shows its highlights where the reader looks at once, the rest following in the
 * background. Found by bisection over the article's text nodes in document order (one
 * layout, a few dozen reads), assuming the text runs top to bottom, as articles do.
 */
import type { TextSegment } from '../extract/article';

/** The article offsets [start, end) of the text on screen, or null when none of it is. */
export function visibleRange(segments: readonly TextSegment[], viewportHeight: number): [number, number] | null {
  if (!segments.length) return null;
  const top = (i: number) => rectOf(segments[i]).top;
  const bottom = (i: number) => rectOf(segments[i]).bottom;
  // The first segment whose bottom is below the top edge, and the last whose top is above the bottom edge.
  const first = firstIndex(segments.length, (i) => bottom(i) > 0);
  const last = firstIndex(segments.length, (i) => top(i) >= viewportHeight) - 1;
  if (first >= segments.length || last < first) return null;
  return [segments[first].start, segments[last].end];
}

/** Where a text node is drawn (its parent's box: measuring the node itself needs a Range). */
function rectOf(s: TextSegment): { top: number; bottom: number } {
  const el = s.node.parentElement;
  if (!el || !s.node.isConnected) return { top: Number.NaN, bottom: Number.NaN };
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom };
}

/** The first index in [0, n) for which `test` holds, assuming it holds from some index on (n when it never does). */
function firstIndex(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The annotations in drawing order: those on screen first, then the rest as they come. */
export function onScreenFirst<A extends { start: number; end: number }>(annotations: readonly A[], range: [number, number] | null): A[] {
  if (!range) return [...annotations];
  const [from, to] = range;
  const seen: A[] = [];
  const rest: A[] = [];
  for (const a of annotations) (a.start < to && from < a.end ? seen : rest).push(a);
  return [...seen, ...rest];
}
