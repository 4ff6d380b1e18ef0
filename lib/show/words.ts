/**
 * How Casefile words what it found, in one place, so that the card, the popup, the side
 * panel and every export say the same thing: a dataset value as a reader reads it, the
 * labels of kinds and verdicts, what the user decided, and a claim's assessment in a
 * sentence. A reporter who reads "the case says cannot be refiled" on the card must not read
 * "the case says **false**" in the Markdown export.
 */
import { humanDate } from '../dates/calendar';
import type { Annotation, Decision } from '../types';

/** A dataset value as a reader reads it: dates in words, durations in months, booleans as sentences. */
export function readable(value: string | null, a?: Pick<Annotation, 'claimKey'>): string {
  if (value === null) return '—';
  if (/^\d{4}(-\d{2}){0,2}$/.test(value)) return humanDate(value);
  const d = /^P(\d+)([DWMY])$/.exec(value);
  if (d) return `${d[1]} ${{ D: 'days', W: 'weeks', M: 'months', Y: 'years' }[d[2] as 'D']}`;
  if (a?.claimKey?.endsWith('can be refiled')) return value === 'true' ? 'can be refiled' : 'cannot be refiled';
  return value;
}

export const KIND_LABEL: Record<string, string> = {
  person: 'Person', organization: 'Organisation', place: 'Place', date: 'Date', fact: 'Fact',
};

export const VERDICT_LABEL: Record<string, string> = {
  conflict: 'Conflicts with the case', consistent: 'Consistent with the case', unknown: 'Not checked',
};

/** A count with its noun, singular or plural: "1 flag", "3 flags", "1 article read". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** What the user decided, as a sentence (empty when nothing was decided). */
export function decisionWords(d: Pick<Decision, 'verdict'> | null | undefined): string {
  if (d?.verdict === 'wrong') return 'You marked the checker wrong here.';
  if (d?.verdict === 'confirmed') return 'You confirmed this flag.';
  return '';
}

/**
 * The claim's assessment as a sentence another tool can show as it is: the verdict, what
 * the case says (worded as on the card) and which case; null for a bare name or date that
 * was not checked.
 */
export function assessment(a: Pick<Annotation, 'verdict' | 'claim' | 'claimKey' | 'expected' | 'caseTitle'>): string | null {
  if (a.verdict === 'unknown') return null;
  const what = a.claim ? ` (${a.claim})` : '';
  const says = a.expected ? `: the case ${a.verdict === 'conflict' ? 'says' : 'records'} ${readable(a.expected, a)}` : '';
  return `${VERDICT_LABEL[a.verdict]}${a.caseTitle ? ` “${a.caseTitle}”` : ''}${what}${says}.`;
}

/**
 * The claim card's accessible name, specific to its claim: "Casefile: date of Fatal shooting
 * on the Rust set — conflicts with the case", "Casefile: Alec Baldwin (person) — in your case".
 */
export function cardName(a: Pick<Annotation, 'claim' | 'exact' | 'entityName' | 'entity' | 'kind' | 'verdict'>): string {
  const what = a.claim ? a.claim.replace(/ of: /, ' of ') : `${a.entityName ?? a.exact} (${KIND_LABEL[a.kind].toLowerCase()})`;
  const verdict = a.verdict !== 'unknown' ? VERDICT_LABEL[a.verdict].toLowerCase() : a.entity ? 'in your case' : a.kind === 'date' ? 'not checked' : 'not in your cases';
  return `Casefile: ${what.replace(/\s+/g, ' ').trim()} — ${verdict}`;
}
