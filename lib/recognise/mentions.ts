/**
 * Everything the page sends to be checked: names, and the dates worth a highlight. Vague
 * references ("now", "recently") are recognised but left out: they name no day to check.
 * Names a reader would not call names (headlines, bylines, photo credits, sentence-initial
 * common words) are left out too (see `name-filter.ts`).
 */
import type { Mention } from '../types';
import { recogniseDates } from './dates';
import { filterNames } from './name-filter';
import { recogniseNames } from './names';

export function recogniseMentions(text: string, published: string | null): Mention[] {
  const dates = recogniseDates(text, published).filter((d) => d.granularity !== 'ref');
  return [...filterNames(text, recogniseNames(text), dates), ...dates];
}
