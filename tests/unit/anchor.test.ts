import { describe, expect, it } from 'vitest';
import { anchorSelectors, describe as describeSpan, matchQuote } from '../../lib/anchor/quote';
import { Highlighter } from '../../lib/anchor/highlighter';
import { extractArticle } from '../../lib/extract/article';
import { htmlDocument } from '../helpers/pipeline';

describe('matchQuote', () => {
  const text = 'Baldwin said no. Later, Baldwin said yes. Then Baldwin left.';
  it.each([
    ['Baldwin', { prefix: 'Later, ', suffix: ' said yes' }, 24],
    ['Baldwin', { prefix: 'Then ', suffix: ' left' }, 47],
    ['Baldwin', { hint: 45 }, 47],
    ['Baldwin', {}, 0],
  ])('finds %s by its context %j', (quote, context, start) => {
    expect(matchQuote(text, quote, context)?.start).toBe(start);
  });
  it('returns null for a quote that is gone (an orphan, not a wrong anchor)', () => {
    expect(matchQuote(text, 'Morrissey')).toBeNull();
  });
  it('re-anchors by position first, then by quote when the text moved', () => {
    const [q, p] = describeSpan(text, 24, 31);
    expect(anchorSelectors(text, q, p)).toMatchObject({ start: 24, score: 1 });
    expect(anchorSelectors(`Intro. ${text}`, q, p)?.start).toBe(31);
  });
});

describe('Highlighter', () => {
  const page = () => {
    const doc = htmlDocument(`<html><head><title>t</title></head><body><nav>Alec Baldwin menu</nav><article><h1>Title</h1>
      <p>The lawsuit, filed in <b>federal</b> court, targets Andrea Reeb. ${'Words of the article go on here. '.repeat(30)}</p>
      <p>Second paragraph with Alec Baldwin. ${'More words of the article. '.repeat(30)}</p></article></body></html>`);
    return { doc, extracted: extractArticle(doc)! };
  };

  it('wraps nested and overlapping spans without changing the text', () => {
    const { doc, extracted } = page();
    const before = doc.body.textContent;
    const text = extracted.article.text;
    const fact = text.indexOf('filed in federal court');
    const org = text.indexOf('federal court');
    const h = new Highlighter(doc, extracted.segments);
    expect(h.highlight({ id: 'org', start: org, end: org + 13, kind: 'organization', verdict: 'unknown', entity: 'fed' })).not.toBeNull();
    expect(h.highlight({ id: 'fact', start: fact, end: fact + 22, kind: 'fact', verdict: 'conflict', entity: null })).not.toBeNull();
    expect(doc.body.textContent).toBe(before);
    expect(h.elementsOf('fact').map((e) => e.textContent).join('')).toBe('filed in federal court');
    expect(h.elementsOf('org').map((e) => e.textContent).join('')).toBe('federal court');
    // The flag is a Tab stop (inside its mark's closed shadow root) and wins a click on the nested name.
    expect(h.focus('fact')).toBe(true);
    const innermost = [...doc.querySelectorAll('casefile-mark')].filter((m) => m.textContent === 'federal').pop()!;
    expect(h.idAt(innermost)).toBe('fact');
    expect([...doc.querySelectorAll('casefile-mark')].every((m) => m.attributes.length === 0 && m.shadowRoot === null)).toBe(true);
    h.removeAll();
    expect(doc.querySelectorAll('casefile-mark').length).toBe(0);
    expect(doc.body.textContent).toBe(before);
  });

  it('never highlights outside the article', () => {
    const { doc, extracted } = page();
    const h = new Highlighter(doc, extracted.segments);
    const text = extracted.article.text;
    let at = -1;
    while ((at = text.indexOf('Alec Baldwin', at + 1)) >= 0) h.highlight({ id: `p${at}`, start: at, end: at + 12, kind: 'person', verdict: 'unknown', entity: 'a' });
    expect(doc.querySelector('nav casefile-mark')).toBeNull();
    expect(doc.querySelectorAll('article casefile-mark').length).toBe(1);
  });
});
