/**
 * The linker, one row per way real coverage names the case's people (written in our own
 * words), against the bundled case: who the quoted words link to, or null.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, misspeltPerson } from '../../lib/link/fuzzy';
import { buildCaseIndex } from '../../lib/link/case-index';
import { generateCase } from '../../scripts/lib/bench-data';
import { bundledIndex } from '../helpers/pipeline';
import { checkText, over } from '../helpers/claims';

const linkedAt = (text: string, quote: string) => over(text, checkText(text, '2024-07-13'), quote).filter((a) => a.kind === 'person' || a.kind === 'organization' || a.kind === 'place');

type Row = [shape: string, text: string, quote: string, entity: string | null];

describe('linking names to the case', () => {
  it.each<Row>([
    ['a full name', 'Alec Baldwin spoke outside the court.', 'Alec Baldwin', 'alec_baldwin'],
    ['a surname after the full name', 'Alec Baldwin spoke outside the court. Baldwin left soon after.', 'Baldwin left', 'alec_baldwin'],
    ['a misspelt given name ("Alex")', 'Alex Baldwin was charged after the shooting of Halyna Hutchins.', 'Alex Baldwin', 'alec_baldwin'],
    ['a misspelt surname ("Sousa")', 'Alec Baldwin shot Halyna Hutchins and wounded Joel Sousa on the set.', 'Joel Sousa', 'joel_souza'],
    ['a wrong middle initial and a given name heard wrong', 'Alec Baldwin sued special prosecutor Carrie T. Morrissey this week.', 'Morrissey', 'kari_morrissey'],
    ['a surname with a letter too many', 'Alec Baldwin was charged by special prosecutor Andrea Reebe in January.', 'Andrea Reebe', 'andrea_reeb'],
    ['the parts of a double surname swapped', 'Alec Baldwin blamed the armorer, Hannah Reed-Gutierrez, for the live round.', 'Hannah Reed-Gutierrez', 'hannah_gutierrez_reed'],
    ['a given name after its surname ("Hutchins\' widower, Matthew")', 'Alec Baldwin settled with Halyna Hutchins\' widower, Matthew, last year.', 'Matthew', 'matthew_hutchins'],
    ['a shared surname goes to the one named just before', 'Alec Baldwin met Matthew Hutchins in New York. Hutchins said the talks went well.', 'Hutchins said', 'matthew_hutchins'],
    ['a shared surname with nobody named in full goes to the one the case lists it for', 'Alec Baldwin fired the gun that killed Hutchins on the set.', 'Hutchins on', 'halyna_hutchins'],
    ['a surname alone that one case person carries', 'Alec Baldwin blamed the props master. Zachry did not answer calls.', 'Zachry', 'sarah_zachry'],
    ['a surname with two letters swapped, written possessive', 'Alec Baldwin spoke to reporters. The FBI report contradicts Bladwin’s statement.', 'Bladwin', 'alec_baldwin'],
    ['a misspelt double surname the recogniser did not take for a name', 'Hannah Gutierrez-Reed was tried in Santa Fe. The jury found that Guiterrez-Reed was negligent.', 'Guiterrez-Reed was', 'hannah_gutierrez_reed'],
    ['a double surname written with a space, and misspelt', 'Alec Baldwin sued District Attorney Mary Carmack Altwis and others.', 'Mary Carmack Altwis', 'mary_carmack_altwies'],
    ['a name glued to a participle by a hyphen ("Souza-helmed")', 'Alec Baldwin starred in the Joel Souza-helmed Western.', 'Joel Souza', 'joel_souza'],
    ['another given name before the case\'s surname is someone else ("his wife Hilaria Baldwin")', 'Alec Baldwin arrived with his wife Hilaria Baldwin and his brother Stephen Baldwin.', 'Hilaria Baldwin', null],
    ['…and so is the brother', 'Alec Baldwin arrived with his wife Hilaria Baldwin and his brother Stephen Baldwin.', 'Stephen Baldwin', null],
    ['a surname alone in a story not about the case', 'Baldwin Park opened a new library on Monday.', 'Baldwin', null],
    ['a misspelling outside a story about the case', 'Joel Sousa won the regional chess open on Sunday.', 'Joel Sousa', null],
  ])('%s', (_shape, text, quote, entity) => {
    const found = linkedAt(text, quote);
    if (entity === null) expect(found.every((a) => a.entity === null)).toBe(true);
    else expect(found.map((a) => a.entity)).toContain(entity);
  });

  it.each<[shape: string, text: string, whole: string, entity: string]>([
    ['a double surname without a hyphen after an honorific', 'Alec Baldwin was not in court when Ms Gutierrez Reed was sentenced.', 'Ms Gutierrez Reed', 'hannah_gutierrez_reed'],
    ['a given name the recogniser left apart from a misspelt surname', 'Alec Baldwin\'s case went before Judge Mary Marlow Sommer in Santa Fe.', 'Mary Marlow Sommer', 'mary_marlowe_sommer'],
  ])('one person, not two: %s', (_shape, text, whole, entity) => {
    const people = linkedAt(text, whole).filter((a) => a.kind === 'person');
    expect(people.map((a) => [a.exact, a.entity])).toEqual([[whole, entity]]);
  });

  it('marks a probable misspelling on the card', () => {
    const text = 'Alec Baldwin shot Halyna Hutchins and wounded Joel Sousa on the set.';
    const [sousa] = linkedAt(text, 'Joel Sousa');
    expect(sousa.explanation).toMatch(/misspelling of Joel Souza/);
  });

  it('never highlights the film\'s title as a name', () => {
    const text = 'Alec Baldwin returned to finish Rust in Montana.';
    expect(linkedAt(text, 'Rust')).toEqual([]);
  });
});

describe('edit distance', () => {
  it.each([
    ['souza', 'sousa', 1],
    ['reeb', 'reebe', 1],
    ['kari', 'carrie', 3],
    ['baldwin', 'baldwin', 0],
    ['baldwin', 'bladwin', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('misspellings in a large case', () => {
  // The bundled case and 3,000 people more: the names a misspelling is compared with are
  // found through an index of letter pairs, and must be the same ones a full scan finds.
  const generated = generateCase(6000);
  // Two-word names, as people have (the generator numbers its names to keep them apart).
  const big = { ...generated, people: generated.people.map((p) => (p.id.startsWith('gen_') ? { ...p, name: p.name.split(' ').slice(0, 2).join(' ') } : p)) };
  const index = buildCaseIndex(big);
  const small = bundledIndex();

  it.each([
    ['Alex Baldwin'], ['Alec Baldwyn'], ['Joel Sousa'], ['Hannah Reed-Gutierrez'], ['Carrie T. Morrissey'], ['Halyna Hutchens'], ['Andrea Reebe'], ['Mary Carmack Altwis'], ['Nobody Atall'],
  ])('links "%s" as the bundled case alone does', (written) => {
    expect(misspeltPerson(index, written)).toBe(misspeltPerson(small, written));
  });

  it('finds a generated person misspelt by one letter, among thousands', () => {
    const named = (name: string) => big.people.filter((p) => p.name === name).length;
    const person = big.people.filter((p) => p.id.startsWith('gen_') && named(p.name) === 1 && p.name.split(' ')[1].length >= 8).at(-1)!;
    const [given, surname] = person.name.split(' ');
    const typo = `${given} ${surname.slice(0, 3)}x${surname.slice(4)}`;
    expect(misspeltPerson(index, typo)).toBe(person.id);
  });
});
