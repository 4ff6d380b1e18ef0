/**
 * Calendar periods beyond year, month and day, written as TimeML writes them: ISO weeks
 * (`2024-W28`, weekend `2024-W28-WE`), quarters (`2024-Q3`), halves (`2024-H1`), seasons
 * (`2024-SU`), decades (`202`), centuries (`20`), and the vague references `PAST_REF`,
 * `PRESENT_REF`, `FUTURE_REF`. A recognised date keeps the precision the writer gave it.
 */
import type { CalendarDate, Granularity } from './calendar';

export type DateGranularity = Granularity | 'week' | 'quarter' | 'half' | 'season' | 'decade' | 'century' | 'ref';

/** A day as plain numbers, free of time zones. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dayValue(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function monthValue(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** The day `n` days after `day` (negative for before). */
export function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Day of the week, 0 = Sunday. */
export function weekday(day: Day): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

/** The ISO 8601 week a day falls in (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Day): string {
  const thursday = addDays(day, 3 - ((weekday(day) + 6) % 7));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const week = 1 + Math.floor((Date.UTC(thursday.y, thursday.m - 1, thursday.d) - jan1) / (7 * 86400000));
  return `${pad(thursday.y, 4)}-W${pad(week)}`;
}

export function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}

/**
 * The calendar date a claim can be checked at: day, month and year as they are; a week,
 * quarter, half or season at its year; decades, centuries and vague references not at all.
 */
export function checkableDate(value: string, granularity: DateGranularity): CalendarDate | null {
  if (granularity === 'day' || granularity === 'month' || granularity === 'year') return { value, granularity };
  if (granularity === 'week' || granularity === 'quarter' || granularity === 'half' || granularity === 'season') return { value: value.slice(0, 4), granularity: 'year' };
  return null;
}
