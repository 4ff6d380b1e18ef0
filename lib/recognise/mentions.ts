/**
 * Everything the page sends to be checked: names, and the dates worth a highlight. Vague
 * references ("now", "recently") are recognised but left out: they name no day to check.
 */
import type { Mention } from '../types';
import { recogniseDates } from './dates';
import { recogniseNames } from './names';

export function recogniseMentions(text: string, published: string | null): Mention[] {
  const dates = recogniseDates(text, published).filter((d) => d.granularity !== 'ref');
  return [...recogniseNames(text), ...dates];
}
