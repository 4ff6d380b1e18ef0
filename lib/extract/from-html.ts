/**
 * Extraction off the page's thread, the extension's half: parse the page's HTML (sent by
 * `snapshotPage`), run the same extraction the page would run on itself, and answer with the
 * article and its text nodes as ordinals (see `orderedTexts`). Runs where a DOM parser lives
 * and no page waits: Chrome's offscreen document, Firefox's background page.
 */
import type { ArticleText } from '../types';
import { extractArticle, type ExtractionTimings } from './article';
import { orderedTexts } from './snapshot';

export interface HtmlExtraction {
  article: ArticleText;
  /** `[ordinal, start, end]` for each text node of the article, flattened. */
  segments: number[];
  /** What each step cost here, in ms: parsing the HTML, then extraction's own three steps. */
  timings: { parse: number } & ExtractionTimings;
}

/** A parser from HTML to an inert document (DOMParser where there is one). */
export type ParseHtml = (html: string) => Document;

export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');

/** Extract the article of a page from its HTML, or null when Readability finds none. */
export function extractFromHtml(html: string, url: string, parse: ParseHtml = parseWithDomParser): HtmlExtraction | null {
  const started = performance.now();
  const doc = parse(html);
  const parsing = performance.now() - started;
  const extracted = extractArticle(doc, url);
  if (!extracted) return null;
  const ordinal = new Map(orderedTexts(doc).map((t, i) => [t, i]));
  const segments: number[] = [];
  for (const s of extracted.segments) {
    const at = ordinal.get(s.node);
    if (at !== undefined) segments.push(at, s.start, s.end);
  }
  return { article: extracted.article, segments, timings: { parse: parsing, ...extracted.timings } };
}
