import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../lib/anchor/quote';
import { toCSV } from '../../lib/export/csv';
import { toMarkdown } from '../../lib/export/markdown';
import { toW3C } from '../../lib/export/w3c';
import { runPipeline } from '../helpers/pipeline';
import { SEEDS_DIR } from '../helpers/seeds';

const run = runPipeline(readFileSync(resolve(SEEDS_DIR, '000_ed7fe8675b0af3e5.html'), 'utf8'))!;
const page = { url: run.article.url, title: run.article.title, published: run.article.published, annotations: run.annotations };

describe('exports', () => {
  it('W3C JSON-LD parses and its selectors round-trip to the same text', () => {
    const doc = JSON.parse(JSON.stringify(toW3C(page)));
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.items.length).toBe(run.annotations.length);
    for (const item of doc.first.items) {
      const [quote, position] = item.target.selector;
      expect(run.article.text.slice(position.start, position.end)).toBe(quote.exact);
      const found = anchorSelectors(run.article.text, quote, undefined)!;
      expect(run.article.text.slice(found.start, found.end)).toBe(quote.exact);
      expect(found.start).toBe(position.start);
    }
    const flag = doc.first.items.find((i: any) => i.body.verdict === 'conflict');
    expect(flag.body.sources.length).toBeGreaterThan(0);
  });

  it('CSV quotes cells and neutralises formulas', () => {
    const csv = toCSV([{ ...page, annotations: [{ ...run.annotations[0], exact: '=HYPERLINK("x")', claim: 'a, "b"' }] }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a, ""b"""');
    expect(csv.split('\r\n')[0]).toBe('url,title,published,start,end,exact,kind,entity,value,granularity,verdict,claim,expected,sources');
  });

  it('Markdown lists the flags with what the case says and its sources', () => {
    const md = toMarkdown([page]);
    expect(md).toMatch(/## Flags \(3\)/);
    expect(md).toContain('“filed in federal court”');
    expect(md).toContain('First Judicial District Court');
  });
});
