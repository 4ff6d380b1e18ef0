/**
 * From the extracted article's offsets to the page's own text, as other annotation clients
 * count it. Casefile's offsets index the article text it extracted (blocks joined by blank
 * lines, layout whitespace written as spaces, page chrome left out); Hypothesis, Apache
 * Annotator and dom-anchor-text-position count the characters of every text node under
 * `document.body` in document order, i.e. `document.body.textContent`. A W3C
 * TextPositionSelector another client can use must count that way.
 *
 * The page side builds a `PageTextMap` once, from the article's text segments (each a live
 * text node and the article offsets it covers) and the body's text nodes; everything after
 * is pure arithmetic on the map, with no DOM, so exports can be made later from storage.
 */
import type { TextQuoteSelector } from './quote';

/**
 * Where the article's characters sit in `document.body.textContent`: `segments` holds one
 * `[articleStart, pageStart, length]` triple per article text node, in article order, and
 * `excerpt` the page's text from a little before the article's first node to a little after
 * its last (for quotes with the page's own context), unless that stretch is too large.
 */
export interface PageTextMap {
  /** The article text's length when the map was made: a map is only used with that text. */
  articleLength: number;
  segments: number[];
  excerpt?: { start: number; text: string };
}

/** Characters of context kept on each side of a quote, as in `describe`. */
const CONTEXT = 32;

/** The most of the page's text a map keeps as its excerpt (as much as an article's text may hold). */
export const MAX_EXCERPT = 2_000_000;
/** The most numbers a map holds (three per text node of the article). */
export const MAX_SEGMENT_NUMBERS = 600_000;

/** Anything with a node's identity; only the text nodes' lengths are read. */
interface Segment<N> {
  node: N;
  start: number;
  end: number;
}

/**
 * Build the map. `bodyTexts` are the body's text nodes in document order (what
 * `textContent` concatenates). A segment's node may have been split since (the highlighter
 * splits nodes; the pieces stay in place), so its page offset is that of its first piece and
 * its characters follow on. Segments whose node is no longer under the body are left out.
 */
export function mapArticleToPage<N extends { data: string }>(segments: readonly Segment<N>[], bodyTexts: readonly N[], articleLength: number, maxExcerpt = Math.min(MAX_EXCERPT, Math.max(50_000, 3 * articleLength))): PageTextMap {
  const offsets = new Map<N, number>();
  const parts: string[] = [];
  let at = 0;
  for (const node of bodyTexts) {
    offsets.set(node, at);
    parts.push(node.data);
    at += node.data.length;
  }
  const triples: number[] = [];
  let lastArticle = -1;
  for (const s of segments) {
    const page = offsets.get(s.node);
    if (page === undefined || s.start < lastArticle || s.end <= s.start) continue;
    triples.push(s.start, page, s.end - s.start);
    lastArticle = s.end;
  }
  const map: PageTextMap = { articleLength, segments: triples };
  if (triples.length) {
    let first = Infinity;
    let last = 0;
    for (let i = 0; i < triples.length; i += 3) {
      first = Math.min(first, triples[i + 1]);
      last = Math.max(last, triples[i + 1] + triples[i + 2]);
    }
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(at, last + CONTEXT);
    if (end - start <= maxExcerpt) map.excerpt = { start, text: parts.join('').slice(start, end) };
  }
  return map;
}

/** The triple index (a multiple of 3) of the segment holding article offset `offset`, or -1. */
function segmentAt(map: PageTextMap, offset: number, endExclusive = false): number {
  const s = map.segments;
  let lo = 0;
  let hi = s.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = s[mid * 3];
    const end = start + s[mid * 3 + 2];
    const inside = endExclusive ? offset > start && offset <= end : offset >= start && offset < end;
    if (inside) return mid * 3;
    if (offset < start || (endExclusive && offset === start)) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

/**
 * The page-text range of the article range `[start, end)`, or null when either end falls
 * outside the mapped text (a blank line between blocks, or a node that was gone). A range
 * over several nodes also covers whatever the page holds between them.
 */
export function articleRangeToPage(map: PageTextMap, start: number, end: number): { start: number; end: number } | null {
  if (end <= start) return null;
  const a = segmentAt(map, start);
  const b = segmentAt(map, end, true);
  if (a < 0 || b < 0) return null;
  const s = map.segments;
  return { start: s[a + 1] + (start - s[a]), end: s[b + 1] + (end - s[b]) };
}

/** A quote of the page's own text (exact, and up to 32 characters either side), when the map kept an excerpt that holds it. */
export function pageQuote(map: PageTextMap, range: { start: number; end: number }): TextQuoteSelector | null {
  const ex = map.excerpt;
  if (!ex || range.start < ex.start || range.end > ex.start + ex.text.length) return null;
  const from = range.start - ex.start;
  const to = range.end - ex.start;
  return { type: 'TextQuoteSelector', exact: ex.text.slice(from, to), prefix: ex.text.slice(Math.max(0, from - CONTEXT), from), suffix: ex.text.slice(to, to + CONTEXT) };
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Whether a value (from a message, a backup or storage) is a well-formed map: ascending, non-overlapping, within bounds. */
export function isPageTextMap(v: unknown, maxText = MAX_EXCERPT): v is PageTextMap {
  if (!v || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  if (!isCount(m.articleLength) || !Array.isArray(m.segments) || m.segments.length % 3 !== 0 || m.segments.length > MAX_SEGMENT_NUMBERS) return false;
  let lastArticle = 0;
  for (let i = 0; i < m.segments.length; i += 3) {
    const [a, p, n] = [m.segments[i], m.segments[i + 1], m.segments[i + 2]];
    if (!isCount(a) || !isCount(p) || !isCount(n) || n === 0 || a < lastArticle || a + n > m.articleLength) return false;
    lastArticle = a + n;
  }
  if (m.excerpt === undefined) return true;
  const e = m.excerpt as Record<string, unknown> | null;
  return !!e && typeof e === 'object' && isCount(e.start) && typeof e.text === 'string' && e.text.length <= maxText;
}
