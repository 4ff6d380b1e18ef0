/**
 * The whole check of one page without a browser: HTML → article → mentions → annotations,
 * through the very functions the extension's host runs (`analyseHtml`, `checkArticle`). Only
 * the HTML parser is injected, so the same code runs under Node (linkedom), in tests
 * (happy-dom) and in the extension (DOMParser). `npm run eval -- --claims` scores on it, and
 * `npm run check -- --engine node` runs it in worker threads.
 */
import { analyseHtml } from '../analysis/analyse';
import { checkArticle } from '../check/check';
import type { ParseHtml } from '../extract/from-html';
import type { CaseIndex } from '../link/case-index';
import type { Annotation, ArticleText, Mention } from '../types';

export interface EngineResult {
  article: ArticleText;
  mentions: Mention[];
  annotations: Annotation[];
  /** ms: parsing and extraction, recognising, linking and checking. */
  timings: { extract: number; recognise: number; check: number };
}

/** Check one page's HTML against one case; null when the page holds no article. */
export function checkHtml(html: string, url: string, index: CaseIndex, parse: ParseHtml): EngineResult | null {
  const analysis = analyseHtml(html, url, parse);
  if (!analysis) return null;
  const { parse: parsing, prepare, readability, map, recognise } = analysis.timings;
  const started = performance.now();
  const annotations = checkArticle(analysis.article, analysis.mentions, index);
  return {
    article: analysis.article,
    mentions: analysis.mentions,
    annotations,
    timings: { extract: parsing + prepare + readability + map, recognise, check: performance.now() - started },
  };
}

/**
 * The `--format json` object for one page: the contract outside checks rely on (see README,
 * `npm run check`). Date and fact annotations carry `event`, the case event they were read as.
 */
export function pageJson(a: { url: string; title: string; published: string | null; annotations: Annotation[] }) {
  return {
    url: a.url,
    title: a.title,
    published: a.published,
    annotations: a.annotations.map((x) => ({
      exact: x.exact, prefix: x.prefix, suffix: x.suffix, start: x.start, end: x.end, kind: x.kind, entity: x.entity,
      value: x.value, granularity: x.granularity, verdict: x.verdict, expected: x.verdict === 'conflict' ? x.expected : null,
      ...(x.kind === 'date' || x.kind === 'fact' ? { event: x.event ?? null } : {}),
      sources: x.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, published: s.published })),
    })),
  };
}
