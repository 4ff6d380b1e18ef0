/**
 * Selectors over plain text, with no DOM: what an annotation stores so it can be found again
 * (W3C TextQuoteSelector and TextPositionSelector), and `matchQuote`, which finds a quote
 * in a text that may have changed since. Positions are UTF-16 offsets, as JavaScript counts.
 */
import { drain } from '../util/steps';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 1 for an exact quote with its context and position; lower as context or position differ. */
  score: number;
}

const CONTEXT = 32;

/** The selectors that describe `text[start, end)`. */
export function describe(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Length of the common suffix of a and b (for prefixes) or common prefix (for suffixes). */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Find `quote` in `text`, choosing among occurrences by how much of the prefix and suffix
 * agree and how near the expected position is. Returns null when the quote is absent: the
 * caller then has an orphan, never a wrong anchor.
 */
export function matchQuote(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number } = {}): QuoteMatch | null {
  if (!quote) return null;
  let best: QuoteMatch | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const prefix = context.prefix ?? '';
    const suffix = context.suffix ?? '';
    const pre = prefix ? commonEnd(text.slice(Math.max(0, at - prefix.length), at), prefix) / prefix.length : 1;
    const suf = suffix ? commonStart(text.slice(end, end + suffix.length), suffix) / suffix.length : 1;
    const near = context.hint === undefined ? 1 : 1 - Math.min(1, Math.abs(context.hint - at) / Math.max(1, text.length));
    const score = 0.5 + 0.2 * pre + 0.2 * suf + 0.1 * near;
    if (!best || score > best.score) best = { start: at, end, score };
  }
  return best;
}

/** The least similarity a changed quote must keep to be re-attached (below it: an orphan). */
export const MIN_FUZZY_SCORE = 0.85;

/**
 * Re-anchor stored selectors in `text`: the position if it still holds the quote, else the
 * exact quote chosen by its context, else a slightly changed quote (a corrected typo, a
 * changed quotation mark) found next to its old context with similarity ≥ MIN_FUZZY_SCORE.
 */
export function anchorSelectors(text: string, quote: TextQuoteSelector, position?: TextPositionSelector): QuoteMatch | null {
  if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, score: 1 };
  return matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start })
    ?? fuzzyQuote(text, quote, position?.start);
}

/** Edit distance between two short strings (one row of memory). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * A changed quote, looked for only where its old context still is (after the prefix's end,
 * before the suffix's start, or at the old position): never a guess over the whole text.
 */
export function fuzzyQuote(text: string, quote: TextQuoteSelector, hint?: number): QuoteMatch | null {
  const exact = quote.exact;
  if (!exact || exact.length > 500) return null;
  const starts = new Set<number>();
  const ends = new Set<number>();
  const tail = quote.prefix.slice(-12);
  const head = quote.suffix.slice(0, 12);
  if (tail.length >= 6) for (let at = text.indexOf(tail); at >= 0 && starts.size < 50; at = text.indexOf(tail, at + 1)) starts.add(at + tail.length);
  if (head.length >= 6) for (let at = text.indexOf(head); at >= 0 && ends.size < 50; at = text.indexOf(head, at + 1)) ends.add(at);
  if (hint !== undefined && hint <= text.length) starts.add(hint);
  const slack = Math.max(2, Math.ceil(exact.length * (1 - MIN_FUZZY_SCORE)));
  let best: QuoteMatch | null = null;
  const consider = (start: number, end: number) => {
    if (start < 0 || end > text.length || end <= start) return;
    const candidate = text.slice(start, end);
    const similarity = 1 - distance(candidate, exact) / Math.max(candidate.length, exact.length);
    if (similarity < MIN_FUZZY_SCORE) return;
    // Between both pieces of the old context beats next to one of them.
    const score = 0.4 * similarity + (starts.has(start) && ends.has(end) ? 0.1 : 0);
    if (!best || score > best.score) best = { start, end, score };
  };
  for (const start of starts) {
    for (const end of ends) if (end - start >= exact.length - slack && end - start <= exact.length + slack) consider(start, end);
    for (let d = -slack; d <= slack; d++) consider(start, start + exact.length + d);
  }
  for (const end of ends) for (let d = -slack; d <= slack; d++) consider(end - exact.length - d, end);
  return best;
}

/** What an annotation carries to be found again: its quote, context and offsets. */
export interface Anchorable {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Place annotations in a text: each where its selectors still hold, moved where the text
 * has shifted, or an orphan where its quote is gone — never attached to other words.
 */
export function anchorAnnotations<A extends Anchorable>(text: string, annotations: A[]): { anchored: A[]; orphans: A[] } {
  return drain(anchorSteps(text, annotations));
}

/** `anchorAnnotations` in steps of a few hundred annotations (a long page can have tens of thousands). */
export function* anchorSteps<A extends Anchorable>(text: string, annotations: A[]): Generator<void, { anchored: A[]; orphans: A[] }> {
  const anchored: A[] = [];
  const orphans: A[] = [];
  for (const [i, a] of annotations.entries()) {
    if (i % 300 === 299) yield;
    const match = anchorSelectors(
      text,
      { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: 'TextPositionSelector', start: a.start, end: a.end },
    );
    if (!match) orphans.push(a);
    else anchored.push(match.start === a.start && match.end === a.end ? a : { ...a, start: match.start, end: match.end, exact: text.slice(match.start, match.end) });
  }
  return { anchored, orphans };
}
