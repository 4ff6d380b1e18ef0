/**
 * Sentence boundaries over plain text. Claims are tied to events within a sentence, so a
 * boundary placed after "Mr." or "N.M." would cut a claim in two; blank lines (block
 * boundaries from extraction) always end a sentence.
 */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr jr sr st mt ft gov sen rep det cpl sgt lt col gen capt atty prof rev hon vs v no inc co corp ltd bros dept est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ariz calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont ' +
    'neb nev okla ore pa tenn tex va vt wash wis wyo e.g i.e etc al approx')
    .split(' '),
);

const END = /[.!?]+["'”’)\]]*(?=\s)/g;

/** Split text into sentence spans (trimmed), never across a blank line. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const blocks = /[^\n]+/g;
  for (let b = blocks.exec(text); b; b = blocks.exec(text)) {
    const blockStart = b.index;
    const block = b[0];
    let start = 0;
    END.lastIndex = 0;
    for (let m = END.exec(block); m; m = END.exec(block)) {
      const end = m.index + m[0].length;
      if (!isBoundary(block, m.index, end)) continue;
      push(spans, block, blockStart, start, end);
      start = end;
    }
    push(spans, block, blockStart, start, block.length);
  }
  return spans;
}

function isBoundary(block: string, dot: number, end: number): boolean {
  if (block[dot] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(block.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "T. Glenn Ellington"
  if (/\./.test(word)) return false; // "U.S.", "N.M."
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  const next = /^\s+(\S)/.exec(block.slice(end))?.[1];
  return next === undefined || !/[a-z]/.test(next);
}

function push(spans: Span[], block: string, offset: number, start: number, end: number) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(block[s])) s++;
  while (e > s && /\s/.test(block[e - 1])) e--;
  if (e > s) spans.push({ start: offset + s, end: offset + e });
}

/** The index of the span that contains an offset (binary search), or -1. */
export function spanIndexAt(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid].start) hi = mid - 1;
    else if (offset >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The sentence a span sits in (from the start of the sentence holding `start` to the end of
 * the one holding `end - 1`), so a claim is read in its sentence, not as a two-word quote.
 * `spans` come from `splitSentences` over the same text; null when the span is in none.
 */
export function sentenceAround(spans: Span[], start: number, end: number): Span | null {
  const first = spanIndexAt(spans, start);
  const last = spanIndexAt(spans, Math.max(start, end - 1));
  if (first < 0 && last < 0) return null;
  return { start: spans[first < 0 ? last : first].start, end: spans[last < 0 ? first : last].end };
}
