import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapArticleToPage } from '../../lib/anchor/page-text';
import { anchorSelectors } from '../../lib/anchor/quote';
import { toCSV } from '../../lib/export/csv';
import { toMarkdown } from '../../lib/export/markdown';
import { fromW3C, toW3C, type CasefileBody } from '../../lib/export/w3c';
import { textNodes } from '../../lib/extract/article';
import type { Annotation } from '../../lib/types';
import { runPipeline } from '../helpers/pipeline';
import { SEEDS_DIR } from '../helpers/seeds';

const run = runPipeline(readFileSync(resolve(SEEDS_DIR, '000_ed7fe8675b0af3e5.html'), 'utf8'))!;
const pageText = mapArticleToPage(run.segments, textNodes(run.doc.body), run.article.text.length);
const flagged = run.annotations.findIndex((a) => a.verdict === 'conflict');
const named = run.annotations.findIndex((a) => a.kind === 'person');
/** The reader's work on two annotations: a confirmed flag with a note, and a note on a name. */
const annotations: Annotation[] = run.annotations.map((a, i) => (
  i === flagged ? { ...a, decision: { verdict: 'confirmed', note: 'Checked the docket, line 4.', at: '2025-01-02T03:04:05.000Z' } }
    : i === named ? { ...a, decision: { verdict: null, note: 'Ask his lawyer', at: '2025-01-02T03:04:05.000Z' } } : a));
const page = { url: run.article.url, title: run.article.title, published: run.article.published, text: run.article.text, annotations };
const dataOf = (item: { body: { type: string }[] }) => item.body.find((b) => b.type === 'Dataset') as CasefileBody;

describe('W3C export', () => {
  it('keeps the article selectors in Casefile\'s body, where they round-trip to the same text', () => {
    const doc = JSON.parse(JSON.stringify(toW3C(page)));
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.items.length).toBe(annotations.length);
    for (const item of doc.first.items) {
      const [quote, position] = dataOf(item).article.selector;
      expect(run.article.text.slice(position.start, position.end)).toBe(quote.exact);
      const found = anchorSelectors(run.article.text, quote, undefined)!;
      expect(found.start).toBe(position.start);
    }
    expect(dataOf(doc.first.items.find((i: any) => dataOf(i).verdict === 'conflict')).sources.length).toBeGreaterThan(0);
  });

  it('targets the page\'s own text (document.body.textContent) when the page\'s map is known, and the quote alone when not', () => {
    const body = run.doc.body.textContent!;
    const items = toW3C({ ...page, pageText }).first.items;
    for (const item of items) {
      const [quote, position] = item.target.selector as [any, any];
      expect(position.type).toBe('TextPositionSelector');
      expect(body.slice(position.start, position.end)).toBe(quote.exact);
      expect(body.slice(position.start - quote.prefix.length, position.end + quote.suffix.length)).toBe(quote.prefix + quote.exact + quote.suffix);
    }
    // Without the page, article offsets would point at other words in another client: none are given.
    for (const item of toW3C(page).first.items) expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    // A map made for another version of the text is not used.
    expect(toW3C({ ...page, pageText: { ...pageText, articleLength: 1 } }).first.items[0].target.selector).toHaveLength(1);
  });

  it('gives other clients the verdict and the case\'s value as an assessment, the entity, and the note as a comment', () => {
    const items = toW3C(page).first.items;
    const flag = items[flagged];
    const assessing = flag.body.find((b) => b.type === 'TextualBody' && b.purpose === 'assessing')!;
    expect(assessing).toMatchObject({ id: `${flag.id}/assessment`, format: 'text/plain' });
    expect((assessing as { value: string }).value).toMatch(/^Conflicts with the case .*: the case says .+\. You confirmed this flag\.$/);
    expect(flag.body).toContainEqual(expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: 'Checked the docket, line 4.' }));
    expect(items[named].body).toContainEqual(expect.objectContaining({ purpose: 'identifying', value: annotations[named].entityName }));
    expect(items[named].body).toContainEqual(expect.objectContaining({ purpose: 'commenting', value: 'Ask his lawyer' }));
  });

  it('reads its own files back, the current ones and those from before page selectors', () => {
    const back = fromW3C(JSON.parse(JSON.stringify(toW3C({ ...page, pageText }))));
    if (!back.ok) throw new Error(back.problems.join('\n'));
    const strip = (a: Annotation) => ({ start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, kind: a.kind, verdict: a.verdict, claimKey: a.claimKey, decision: a.decision ?? null });
    expect(back.pages[0].annotations.map(strip)).toEqual(annotations.map(strip));
    const a = annotations[flagged];
    const old = {
      type: 'AnnotationCollection', label: 'Old', first: { items: [{
        type: 'Annotation', id: 'urn:casefile:x#a1', generator: { name: 'Casefile' },
        body: { type: 'Dataset', kind: a.kind, verdict: a.verdict, claimKey: a.claimKey, decision: a.decision, sources: [] },
        target: { source: page.url, selector: [{ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix }, { type: 'TextPositionSelector', start: a.start, end: a.end }] },
      }] },
    };
    const oldBack = fromW3C(old);
    expect(oldBack.ok && oldBack.pages[0].annotations[0]).toMatchObject({ id: 'a1', start: a.start, end: a.end, exact: a.exact, decision: { note: 'Checked the docket, line 4.' } });
  });
});

describe('CSV export', () => {
  it('quotes cells and neutralises formulas', () => {
    const csv = toCSV([{ ...page, annotations: [{ ...run.annotations[0], exact: '=HYPERLINK("x")', claim: 'a, "b"' }] }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"a, ""b"""');
    expect(csv.split('\r\n')[0]).toBe('url,title,published,start,end,exact,kind,entity,value,granularity,verdict,claim,expected,sources,case_says,decision,note,decided_at,sentence');
  });

  it('carries each decision and note, what the case says in words, and the claim\'s sentence', () => {
    const rows = toCSV([page]).trim().split('\r\n');
    const flagRow = rows[flagged + 1];
    expect(flagRow).toContain(',confirmed,"Checked the docket, line 4.",');
    expect(flagRow).toContain('2025-01-02T03:04:05.000Z');
    expect(rows[named + 1]).toContain(',Ask his lawyer,');
    const sentence = rows.find((r) => r.includes('filed in federal court'))!;
    expect(sentence).toMatch(/"[^"]*filed in federal court[^"]*\."/);
  });
});

describe('Markdown export', () => {
  const md = toMarkdown([page]);

  it('lists the flags with what the case says, worded as the card words it, and its sources', () => {
    expect(md).toMatch(/## Flags \(3\)/);
    expect(md).toContain('“filed in federal court”');
    expect(md).toContain('First Judicial District Court');
    expect(md).not.toMatch(/\*\*(true|false)\*\*/);
    expect(md).toMatch(/says \*\*(can|cannot) be refiled\*\*/);
  });

  it('carries the reader\'s decisions and notes, and each claim\'s sentence', () => {
    expect(md).toContain('*You confirmed this flag.*');
    expect(md).toContain('Your note: Checked the docket, line 4.');
    expect(md).toContain('Your note: Ask his lawyer');
    expect(md).toMatch(/\n {2}> [^\n]*filed in federal court[^\n]*\./);
  });

  it.each(['Flags', 'Consistent with the case', 'Names', 'Dates'])('counts under "%s" what it lists', (heading) => {
    const section = md.split(`## ${heading} (`)[1];
    const count = Number(section.slice(0, section.indexOf(')')));
    const listed = section.split('\n## ')[0].split('\n').filter((l) => l.startsWith('- ')).length;
    expect(listed).toBe(count);
  });
});
