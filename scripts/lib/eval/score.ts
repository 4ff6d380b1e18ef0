/**
 * Span scoring as the standard evaluations count it: exact match (same start, end and
 * type, as conlleval does) and overlap match (any shared character, type still required).
 * Each gold span is matched at most once, so a split name cannot score twice.
 */
export interface Span {
  start: number;
  end: number;
  type: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function addCounts(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

/** Match predicted spans to gold spans; returns counts and, for each matched gold index, its prediction. */
export function matchSpans<G extends Span, P extends Span>(
  gold: G[],
  predicted: P[],
  mode: 'exact' | 'overlap',
): { counts: Counts; pairs: [G, P][] } {
  const used = new Set<number>();
  const pairs: [G, P][] = [];
  for (const p of predicted) {
    let best = -1;
    let bestOverlap = 0;
    gold.forEach((g, i) => {
      if (used.has(i) || g.type !== p.type) return;
      if (mode === 'exact') {
        if (g.start === p.start && g.end === p.end) { best = i; bestOverlap = Infinity; }
        return;
      }
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestOverlap) { best = i; bestOverlap = overlap; }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push([gold[best], p]);
    }
  }
  return { counts: { tp: pairs.length, fp: predicted.length - pairs.length, fn: gold.length - pairs.length }, pairs };
}

/** Percent with one decimal, as the figures are reported. */
export function pct(x: number): string {
  return (100 * x).toFixed(1);
}
