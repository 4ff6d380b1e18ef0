import { describe, expect, it } from 'vitest';
import { dateForms, matcher } from '../../lib/show/search';

describe('search as a reader types it', () => {
  it.each<[string, string, boolean]>([
    ['Oct 2021', '2021-10', true],
    ['Oct. 2021', '2021-10-21', true], // a month finds the days in it
    ['october 2021', '2021-10', true],
    ['Oct 21, 2021', '2021-10-21', true],
    ['21 October 2021', '2021-10-21', true],
    ['10/21/2021', '2021-10-21', true],
    ['2021-10', '2021-10', true],
    ['Sept 2024', '2024-09', true],
    ['Nov 2021', '2021-10', false],
    ['2022', '2021-10-21', false],
  ])('"%s" against the date %s: %s', (query, value, expected) => {
    expect(matcher(query)([], [value])).toBe(expected);
  });

  it.each<[string, string[], boolean]>([
    ['morrissey', ['Kari T. Morrissey', 'special prosecutor'], true],
    ['special prosecutor kari', ['Kari T. Morrissey', 'special prosecutor'], true],
    ['Gutiérrez', ['Hannah Gutierrez-Reed'], true],
    ['spiro', ['Kari T. Morrissey'], false],
    ['', ['anything'], true],
  ])('"%s" against texts %j: %s', (query, texts, expected) => {
    expect(matcher(query)(texts)).toBe(expected);
  });

  it('words a date every way it is written', () => {
    expect(dateForms('2021-10-21')).toEqual(expect.arrayContaining(['2021-10-21', 'october 21 2021', 'oct 21 2021', '21 oct 2021', '10/21/2021']));
    expect(dateForms('not a date')).toEqual(['not a date']);
  });
});
