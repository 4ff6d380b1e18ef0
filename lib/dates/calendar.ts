/**
 * Calendar values as the case format and the exports write them: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`, each with a granularity. Kept as strings (not Date objects) so that a
 * month-only date never pretends to be the first of the month.
 */
export type Granularity = 'year' | 'month' | 'day';

/** A calendar value with its precision, e.g. `{value: '2021-10', granularity: 'month'}`. */
export interface CalendarDate {
  value: string;
  granularity: Granularity;
}

const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The granularity a value's length implies, or null when it is not a real calendar date. */
export function granularityOf(value: string): Granularity | null {
  const m = DATE_VALUE.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo === undefined) return 'year';
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return 'month';
  const day = Number(d);
  if (day < 1 || day > daysInMonth(Number(y), month)) return null;
  return 'day';
}

/** Days in a month of the proleptic Gregorian calendar (February 2024 has 29). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a string is a real calendar date value (2024-02-30 is not). */
export function isDateValue(value: string): boolean {
  return granularityOf(value) !== null;
}

const RANK: Record<Granularity, number> = { year: 0, month: 1, day: 2 };
const LENGTH: Record<Granularity, number> = { year: 4, month: 7, day: 10 };

/** The coarser of two granularities: claims are compared at the precision both sides have. */
export function coarser(a: Granularity, b: Granularity): Granularity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Cut a value down to a granularity (`2021-10-21` at month is `2021-10`). */
export function truncate(value: string, granularity: Granularity): string {
  return value.slice(0, LENGTH[granularity]);
}

/** Whether two dated values agree at the coarser of their granularities. */
export function sameAtCoarser(a: CalendarDate, b: CalendarDate): boolean {
  const g = coarser(a.granularity, b.granularity);
  return truncate(a.value, g) === truncate(b.value, g);
}

/**
 * Compare a value against a day (`YYYY-MM-DD`), by the value's first moment: used for
 * "as of the publication date" — a month-only event in the article's month counts as known.
 */
export function isOnOrBefore(value: string, day: string): boolean {
  return truncate(day, granularityOf(value) ?? 'day') >= value;
}

/** Format a Date's UTC calendar day as `YYYY-MM-DD`. */
export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Format a value at a granularity from year, month, day numbers. */
export function formatDate(year: number, month: number | null, day: number | null): CalendarDate {
  const y = String(year).padStart(4, '0');
  if (month === null) return { value: y, granularity: 'year' };
  const m = `${y}-${String(month).padStart(2, '0')}`;
  if (day === null) return { value: m, granularity: 'month' };
  return { value: `${m}-${String(day).padStart(2, '0')}`, granularity: 'day' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A value as a person reads it: "October 21, 2021", "April 2023", "2021". */
export function humanDate(value: string): string {
  const m = DATE_VALUE.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1];
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}
