/** Small display helpers shared by the card and the popup. */
import { humanDate } from '../lib/dates/calendar';
import type { Annotation } from '../lib/types';

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

/**
 * Text from a page or a case file, made safe to show: the invisible controls that reorder
 * text (right-to-left overrides, embeddings, isolates, marks) are shown as their code points,
 * so a name cannot display as something it is not; callers also wrap it in `<bdi>`, so it
 * cannot reorder the words around it.
 */
export function visible(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
