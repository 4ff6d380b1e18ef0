import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Highlighter } from '../../lib/anchor/highlighter';
import { articleRangeToPage, isPageTextMap, mapArticleToPage, pageQuote } from '../../lib/anchor/page-text';
import { textNodes } from '../../lib/extract/article';
import { runPipeline } from '../helpers/pipeline';
import { SEED_PAGES, SEEDS_DIR } from '../helpers/seeds';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(SEED_PAGES)('page offsets on seed %s', (name) => {
  const run = runPipeline(readFileSync(resolve(SEEDS_DIR, name), 'utf8'))!;
  const body = run.doc.body;

  it.each([['before highlighting', false], ['after highlighting (text nodes split)', true]])('map every annotation to the body text %s', (_, draw) => {
    if (draw) {
      const highlighter = new Highlighter(run.doc, run.segments);
      for (const a of run.annotations) highlighter.highlight(a);
    }
    const map = mapArticleToPage(run.segments, textNodes(body), run.article.text.length);
    expect(isPageTextMap(JSON.parse(JSON.stringify(map)))).toBe(true);
    const page = body.textContent!;
    for (const a of run.annotations) {
      const range = articleRangeToPage(map, a.start, a.end)!;
      expect(range, a.exact).not.toBeNull();
      expect(squash(page.slice(range.start, range.end))).toBe(squash(a.exact));
      const quote = pageQuote(map, range)!;
      expect(quote.exact).toBe(page.slice(range.start, range.end));
      expect(page.slice(range.start - quote.prefix.length, range.end + quote.suffix.length)).toBe(quote.prefix + quote.exact + quote.suffix);
    }
  });
});

describe('page text map', () => {
  // Three nodes: "Alec Baldwin" (article 0-12), "\n  " (page only), "said on Oct. 21." (article 14-30).
  const nodes = [{ data: 'Menu ' }, { data: 'Alec Baldwin' }, { data: '\n  ' }, { data: 'said on Oct. 21.' }];
  const segments = [{ node: nodes[1], start: 0, end: 12 }, { node: nodes[3], start: 14, end: 30 }];
  const map = mapArticleToPage(segments, nodes, 30);

  it.each<[string, number, number, { start: number; end: number } | null]>([
    ['a word in one node', 5, 12, { start: 10, end: 17 }],
    ['a span over two nodes covers what lies between them', 5, 21, { start: 10, end: 27 }],
    ['a span ending at a node\'s end', 14, 30, { start: 20, end: 36 }],
    ['a span starting on the blank line between blocks', 12, 16, null],
    ['an empty span', 3, 3, null],
    ['beyond the article', 28, 40, null],
  ])('%s', (_, start, end, expected) => {
    expect(articleRangeToPage(map, start, end)).toEqual(expected);
  });

  it('quotes the page with its own context, and keeps no excerpt past its limit', () => {
    expect(pageQuote(map, { start: 10, end: 22 })).toEqual({ type: 'TextQuoteSelector', exact: 'Baldwin\n  sa', prefix: 'Menu Alec ', suffix: 'id on Oct. 21.' });
    expect(mapArticleToPage(segments, nodes, 30, 10).excerpt).toBeUndefined();
    expect(pageQuote(mapArticleToPage(segments, nodes, 30, 10), { start: 10, end: 17 })).toBeNull();
  });

  it.each<[string, unknown]>([
    ['not an object', 'x'],
    ['segments not triples', { articleLength: 30, segments: [0, 1] }],
    ['segments out of order', { articleLength: 30, segments: [14, 20, 16, 0, 5, 12] }],
    ['a segment past the article', { articleLength: 10, segments: [0, 5, 12] }],
    ['a negative offset', { articleLength: 30, segments: [0, -1, 12] }],
    ['an excerpt without text', { articleLength: 30, segments: [0, 5, 12], excerpt: { start: 0 } }],
  ])('refuses a malformed map: %s', (_, value) => {
    expect(isPageTextMap(value)).toBe(false);
  });
});
