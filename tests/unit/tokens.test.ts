import { describe, expect, it } from 'vitest';
import { normaliseWord, tokenize } from '../../lib/link/tokens';

describe('normaliseWord', () => {
  it.each([
    ['Baldwin', 'baldwin'],
    ["Baldwin's", 'baldwin'],
    ['BALDWIN’S', 'baldwin'],
    ["O'Brien's", "o'brien"],
    ['O’Brien', "o'brien"],
    ['U.S.', 'u.s'],
    ['Toruń', 'torun'],
    ['Gutiérrez-Reed', 'gutierrez-reed'],
    ['Émile', 'emile'],
    ["s'", "s'"],
    ['2021', '2021'],
  ])('%s → %s', (word, key) => {
    expect(normaliseWord(word)).toBe(key);
  });
});

describe('tokenize', () => {
  it('keeps a possessive outside the token and says which words are capitalised', () => {
    const text = "Hannah Gutierrez-Reed’s lawyer, in Santa Fe on 3 March, said Émile's view was élitist.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hannah', 'Gutierrez-Reed', 'lawyer', 'in', 'Santa', 'Fe', 'on', '3', 'March', 'said', 'Émile', 'view', 'was', 'élitist']);
    expect(tokens.filter((t) => t.capitalised).map((t) => t.key)).toEqual(['hannah', 'gutierrez-reed', 'santa', 'fe', '3', 'march', 'emile']);
  });
});
