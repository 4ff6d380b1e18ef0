/**
 * Misspellings of case people that no alias lists ("Alex Baldwin", "Joel Sousa", "Carrie T.
 * Morrissey", "Hannah Reed-Gutierrez"): a recognised person's name is compared token by token
 * with every case person's name. Used only in an article about the case, and only for names
 * the recogniser already took for a person, so that a near spelling alone never makes a link.
 */
import { nameTokens, type CaseIndex, type PersonName } from './case-index';

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("Bladwin" for
 * "Baldwin", "Guiterrez" for "Gutierrez": the commonest slip of a typing hand), giving up
 * (returning max + 1) once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
      if (row[j] < best) best = row[j];
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How far a surname may drift: one letter, two in long names. */
const surnameSlack = (s: string) => (s.length >= 8 ? 2 : s.length >= 4 ? 1 : 0);
/** A given name may drift further ("Carrie" for "Kari") when the surname is the case's. */
const givenSlack = (s: string) => Math.max(1, Math.floor(s.length / 2));

/** The case person a written full name misspells, or null (also null when two people fit). */
export function misspeltPerson(index: CaseIndex, written: string): string | null {
  const tokens = nameTokens(written);
  if (tokens.length < 2) return null;
  const fits = new Set<string>();
  for (const name of namesNear(index, tokens)) if (matches(tokens, name)) fits.add(name.entity);
  return fits.size === 1 ? [...fits][0] : null;
}

/**
 * Names whose surname a written surname could misspell — every name, for a small case; for a
 * large one (a newsroom's case of thousands of people), only those sharing enough of its
 * letter pairs to lie within reach (each edit breaks at most two of a word's pairs), and
 * those with the same parts in another order.
 */
function namesNear(index: CaseIndex, tokens: string[]): Iterable<PersonName> {
  if (index.personNames.length <= 500) return index.personNames;
  let near = nearby.get(index);
  if (!near) nearby.set(index, (near = new SurnamePairs(index.personNames)));
  return near.candidates(tokens);
}

const nearby = new WeakMap<CaseIndex, SurnamePairs>();

const pairsOf = (word: string): string[] => Array.from({ length: Math.max(0, word.length - 1) }, (_, i) => word.slice(i, i + 2));
const partsKey = (tokens: string[]) => tokens.flatMap((w) => w.split('-')).sort().join(' ');

/** An inverted index of surnames' letter pairs, and of names' parts in any order. */
class SurnamePairs {
  private readonly byPair = new Map<string, number[]>();
  private readonly byParts = new Map<string, number[]>();

  constructor(private readonly names: PersonName[]) {
    names.forEach((name, i) => {
      for (const pair of new Set(pairsOf(name.tokens.at(-1) ?? ''))) push(this.byPair, pair, i);
      push(this.byParts, partsKey(name.tokens), i);
    });
  }

  candidates(tokens: string[]): PersonName[] {
    const surname = tokens.at(-1) ?? '';
    // A surname of up to 5 letters is only within reach of surnames of up to 7 (one edit allowed).
    const edits = surname.length >= 6 ? 2 : 1;
    // Each edit breaks at most two of the pairs (counted once each) the written surname has.
    const pairs = new Set(pairsOf(surname));
    const need = pairs.size - 2 * edits;
    if (need <= 0) return this.names;
    const shared = new Map<number, number>();
    for (const pair of pairs) for (const i of this.byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const out = new Set<number>(this.byParts.get(partsKey(tokens)) ?? []);
    for (const [i, count] of shared) if (count >= need) out.add(i);
    return [...out].map((i) => this.names[i]);
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matches(written: string[], name: PersonName): boolean {
  // A double surname written with a space or a hyphen ("Carmack Altwis" for "Carmack-Altwies").
  const split = (x: string[]) => x.flatMap((w) => w.split('-'));
  const [tokens, t] = written.length === name.tokens.length ? [written, name.tokens] : [split(written), split(name.tokens)];
  if (tokens.length !== t.length) return false;
  // The same parts in another order ("Reed-Gutierrez" for "Gutierrez-Reed").
  const parts = (x: string[]) => x.flatMap((w) => w.split('-')).sort().join(' ');
  if (parts(tokens) === parts(t)) return tokens.join(' ') !== t.join(' ');
  const last = tokens.length - 1;
  const surname = editDistance(tokens[last], t[last], 2);
  if (surname > surnameSlack(t[last])) return false;
  let total = surname;
  for (let k = 0; k < last; k++) {
    // The distance is counted up to the slack itself: a capped count ("more than 3") must not pass a slack of 4.
    const slack = surname === 0 ? givenSlack(t[k]) : 1;
    const d = editDistance(tokens[k], t[k], slack);
    if (d > slack) return false;
    total += d;
  }
  return total > 0;
}

/** A single written surname that misspells the surname of someone the article names in full ("Reed" for "Reeb"). */
export function misspeltSurname(index: CaseIndex, written: string, namedInFull: Iterable<string>, timesNamed: (id: string) => number = () => 0): string | null {
  const w = nameTokens(written);
  if (w.length !== 1 || w[0].length < 4) return null;
  const fits = new Set<string>();
  for (const id of namedInFull) {
    const person = index.entities.get(id)?.person;
    if (!person) continue;
    const surname = nameTokens(person.name).at(-1);
    const slack = surname ? surnameSlack(surname) : 0;
    if (surname && surname !== w[0] && editDistance(w[0], surname, slack) <= slack) fits.add(id);
  }
  if (fits.size === 1) return [...fits][0];
  // A surname two people share: the one the article names far more often.
  const ranked = [...fits].sort((a, b) => timesNamed(b) - timesNamed(a));
  return ranked.length > 1 && timesNamed(ranked[0]) >= 2 * timesNamed(ranked[1]) ? ranked[0] : null;
}
