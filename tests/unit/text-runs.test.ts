/**
 * The runs the highlighter cuts text nodes into: marks drawn in any order, overlapping or
 * nested, each covering exactly its own words, with the page's text unchanged.
 */
import { describe, expect, it } from 'vitest';
import { Highlighter } from '../../lib/anchor/highlighter';
import { TextRuns } from '../../lib/anchor/text-runs';
import { extractArticle } from '../../lib/extract/article';
import { htmlDocument } from '../helpers/pipeline';

const page = () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} has <b>bold words</b>, <i>an italic phrase</i> and plain text that goes on for a while.</p>`).join('');
  const doc = htmlDocument(`<html><head><title>t</title></head><body><article><h1>Title</h1>${paragraphs}</article></body></html>`);
  return { doc, extracted: extractArticle(doc)! };
};

describe('TextRuns', () => {
  it('draws hundreds of overlapping spans in a scrambled order, each over exactly its words', () => {
    const { doc, extracted } = page();
    const text = extracted.article.text;
    const before = doc.body.textContent;
    const h = new Highlighter(doc, extracted.segments);
    let seed = 11;
    const spans: { id: string; start: number; end: number }[] = [];
    for (let i = 0; i < 400; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const start = seed % (text.length - 30);
      spans.push({ id: `s${i}`, start, end: start + 1 + (seed % 29) });
    }
    for (const s of spans) h.highlight({ ...s, kind: 'person', verdict: 'unknown', entity: null });
    expect(doc.body.textContent).toBe(before);
    for (const s of spans) {
      const drawn = h.elementsOf(s.id).map((e) => e.textContent).join('');
      // A span over the gap between two blocks draws the words on either side, not the gap.
      expect(drawn).toBe(text.slice(s.start, s.end).replace(/\n/g, ''));
    }
  });

  it.each([
    ['a node the page changed', (t: Text) => { t.data = `${t.data} (edited)`; }],
    ['a node the page removed', (t: Text) => t.remove()],
  ])('refuses to cut %s', (_case, change) => {
    const { extracted } = page();
    const runs = new TextRuns(extracted.segments);
    const [s, other] = extracted.segments.filter((x) => x.end - x.start > 10);
    change(s.node);
    expect(runs.cutAt(s.start + 2)).toBe(false);
    expect(runs.cutAt(other.start + 2)).toBe(true);
  });
});
