import { describe, expect, it } from 'vitest';
import { recogniseNames } from '../../lib/recognise/names';

const names = (text: string) => recogniseNames(text).map((m) => [text.slice(m.start, m.end), m.kind]);

describe('recogniseNames', () => {
  it.each([
    ['Actor Alec Baldwin could file a lawsuit.', [['Alec Baldwin', 'person']]],
    ['a lawsuit against the Santa Fe County Sheriff’s Office, after missteps', [['Santa Fe County Sheriff’s Office', 'organization']]],
    ['sent letters to special prosecutor Kari Morrissey and Sheriff Adan Mendoza.', [['Kari Morrissey', 'person'], ['Adan Mendoza', 'person']]],
    ['It targets Special Prosecutor Andrea Reeb and District Attorney Mary Carmack-Altwies.', [['Andrea Reeb', 'person'], ['Mary Carmack-Altwies', 'person']]],
    ['A New Mexico judge threw out the case.', [['New Mexico', 'place']]],
    ['He could sue under the federal Civil Rights Act of 1871.', []],
    ['Joel Souza was wounded. Souza survived.', [['Joel Souza', 'person'], ['Souza', 'person']]],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
