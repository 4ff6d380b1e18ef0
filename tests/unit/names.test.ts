import { describe, expect, it } from 'vitest';
import { recogniseNames } from '../../lib/recognise/names';
import { checkText } from '../helpers/claims';

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

/** Names an article highlights, after the article filter (what a reader sees). */
const highlighted = (text: string) => checkText(text, '2024-07-13').filter((a) => a.kind === 'person' || a.kind === 'organization' || a.kind === 'place').map((a) => a.exact);

describe('the article filter', () => {
  it.each<[shape: string, text: string, absent: string[], present: string[]]>([
    ['a preposition opening a sentence is no name', 'By Monday, Alec Baldwin had left Santa Fe.', ['By'], ['Alec Baldwin', 'Santa Fe']],
    ['an interjection opening a sentence is no name', 'Alas, Alec Baldwin had left Santa Fe by then.', ['Alas'], ['Alec Baldwin']],
    ['a one-word title after "the set of" is a work, not a place', 'Alec Baldwin went back to the set of Ranger in Montana last spring.', ['Ranger'], ['Alec Baldwin', 'Montana']],
    ['a judicial district keeps its last word', 'Alec Baldwin had to appear before the Second Judicial District in Aztec.', ['Second Judicial'], ['Second Judicial District']],
  ])('%s', (_shape, text, absent, present) => {
    const names = highlighted(text);
    for (const a of absent) expect(names).not.toContain(a);
    for (const p of present) expect(names).toContain(p);
  });
});

it('a publication named by its last word is an organisation, not a person', () => {
  const text = 'Records obtained Tuesday by Daily Mail suggest that Alec Baldwin\'s suit stalled.';
  const found = checkText(text, '2024-07-13').filter((a) => a.exact === 'Daily Mail');
  expect(found.map((a) => a.kind)).toEqual(['organization']);
});
