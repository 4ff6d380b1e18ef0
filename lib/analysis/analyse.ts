/**
 * The pure half of checking a page, run where a DOM parser lives and no page waits (Chrome's
 * offscreen document, Firefox's background page): extract the article from the page's HTML
 * and recognise its names and dates. Linking, checking and storing stay with the background,
 * which owns the cases.
 */
import { extractFromHtml, type HtmlExtraction, type ParseHtml } from '../extract/from-html';
import { recogniseMentions } from '../recognise/mentions';
import type { ArticleText, Mention } from '../types';

export interface PageAnalysis {
  article: ArticleText;
  /** `[ordinal, start, end]` for each text node of the article (see `orderedTexts`). */
  segments: number[];
  mentions: Mention[];
  /** ms spent here: parsing the HTML, extraction's three steps, recognising. */
  timings: HtmlExtraction['timings'] & { recognise: number };
}

/** Analyse a page from its HTML; null when it holds no article. */
export function analyseHtml(html: string, url: string, parse?: ParseHtml): PageAnalysis | null {
  const extracted = extractFromHtml(html, url, parse);
  if (!extracted) return null;
  const started = performance.now();
  const mentions = recogniseMentions(extracted.article.text, extracted.article.published);
  return { article: extracted.article, segments: extracted.segments, mentions, timings: { ...extracted.timings, recognise: performance.now() - started } };
}
