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
    // Reuters-style text, as the tagger was trained on.
    ['West Indian all-rounder Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset.',
      [['Phil Simmons', 'person'], ['Leicestershire', 'organization'], ['Somerset', 'organization']]],
    ['General Motors Corp. said it would close its plant in Detroit.', [['General Motors Corp.', 'organization'], ['Detroit', 'place']]],
    ['The U.N. Security Council met in New York on Tuesday.', [['U.N. Security Council', 'organization'], ['New York', 'place']]],
    // Titles are not part of names; possessives are not either.
    ['President Bill Clinton met Prime Minister Benjamin Netanyahu.', [['Bill Clinton', 'person'], ['Benjamin Netanyahu', 'person']]],
    ["Alec Baldwin's lawyers said the gun was faulty.", [['Alec Baldwin', 'person']]],
    // A word the document writes in lowercase elsewhere is no name at a sentence start.
    ['Rust resumed filming in Montana. The rust on the gun was old.', [['Montana', 'place']]],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
