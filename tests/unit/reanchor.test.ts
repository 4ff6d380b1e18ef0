import { describe, expect, it } from 'vitest';
import { anchorAnnotations, describe as describeSpan } from '../../lib/anchor/quote';

const TEXT = 'Special prosecutor Kari Morrissey said on Friday that the charges against Alec Baldwin would be refiled.';

function stored(text: string, exact: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  const [quote] = describeSpan(text, start, start + exact.length);
  return { id: exact, start, end: start + exact.length, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

describe('re-anchoring stored annotations', () => {
  it.each([
    ['unchanged text: the same place', TEXT, 'Alec Baldwin', 'Alec Baldwin'],
    ['text inserted before: moved with it', `Updated. ${TEXT}`, 'Alec Baldwin', 'Alec Baldwin'],
    ['a corrected typo inside the quote: re-attached by context', TEXT.replace('Kari Morrissey', 'Kari Morisey'), 'Kari Morrissey', 'Kari Morisey'],
    ['curly quotes straightened around it: still found', TEXT.replace('said', '“said”'), 'Friday', 'Friday'],
  ])('%s', (_, newText, exact, found) => {
    const { anchored, orphans } = anchorAnnotations(newText, [stored(TEXT, exact)]);
    expect(orphans).toEqual([]);
    expect(newText.slice(anchored[0].start, anchored[0].end)).toBe(found);
  });

  it('makes an orphan of words that are gone, never a match elsewhere', () => {
    const rewritten = 'The prosecutor said the charges against the actor would not be refiled.';
    const { anchored, orphans } = anchorAnnotations(rewritten, [stored(TEXT, 'Kari Morrissey'), stored(TEXT, 'Alec Baldwin')]);
    expect(anchored).toEqual([]);
    expect(orphans.map((o) => o.exact)).toEqual(['Kari Morrissey', 'Alec Baldwin']);
  });

  it('chooses the occurrence whose context matches when the quote repeats', () => {
    const text = 'Baldwin spoke. Later, Baldwin was charged. Baldwin denied it.';
    const second = stored(text, 'Baldwin', 1);
    const shifted = `Breaking: ${text}`;
    const { anchored } = anchorAnnotations(shifted, [second]);
    expect(shifted.slice(anchored[0].start - 7, anchored[0].end)).toBe('Later, Baldwin');
  });
});
