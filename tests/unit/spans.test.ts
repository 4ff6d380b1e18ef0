/** The span index answers as scanning every span would. */
import { describe, expect, it } from 'vitest';
import { SpanIndex, type Span } from '../../lib/util/spans';

/** A deterministic scatter of spans of mixed lengths, overlapping some of the time. */
function spans(n: number, seed = 7): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const start = seed % 5000;
    out.push({ start, end: start + 1 + (seed % 37) });
  }
  return out;
}

describe('SpanIndex', () => {
  const all = spans(400);
  const index = new SpanIndex(all);
  const overlapping = (a: number, b: number) => all.filter((s) => s.start < b && a < s.end).sort((x, y) => x.start - y.start);

  it.each([[0, 1], [100, 140], [2500, 2501], [4990, 5100], [-50, 0], [37, 37]])('finds the spans overlapping [%i, %i) as a full scan does', (a, b) => {
    expect(index.overlapping(a, b).map((s) => all.indexOf(s)).sort()).toEqual(overlapping(a, b).map((s) => all.indexOf(s)).sort());
    expect(index.overlaps(a, b)).toBe(overlapping(a, b).length > 0);
  });

  it('keeps answering right as spans are added and removed', () => {
    const grown = new SpanIndex<Span>();
    const kept: Span[] = [];
    for (const s of spans(200, 99)) {
      grown.add(s);
      kept.push(s);
    }
    for (const s of kept.splice(0, 50)) grown.remove(s);
    for (const [a, b] of [[0, 5000], [1000, 1010], [3000, 3300]]) {
      expect(grown.overlapping(a, b).length).toBe(kept.filter((s) => s.start < b && a < s.end).length);
    }
    expect(grown.size).toBe(150);
  });

  it('lists the spans that start in a stretch, and tests what it finds', () => {
    expect(index.within(100, 300)).toEqual(all.filter((s) => s.start >= 100 && s.start < 300).sort((x, y) => x.start - y.start));
    expect(index.overlaps(0, 5100, (s) => s.end - s.start > 36)).toBe(all.some((s) => s.end - s.start > 36));
  });
});
