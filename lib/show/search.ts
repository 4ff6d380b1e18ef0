/**
 * Search as a reader types it: "Oct 2021" must find a date stored as "2021-10", and
 * "october 21 2021" one stored as "2021-10-21". Each searchable value is matched in every
 * form a person might type — its stored form, its words ("October 21, 2021"), short month
 * names with or without a dot, day before month, and US numeric forms — after folding case,
 * accents and punctuation. Used by the popup's case browser and the side panel.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Lowercase, accents dropped, punctuation (. , ’) as nothing and runs of space as one. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.,’'"“”()]/g, '').replace(/\s+/g, ' ').trim();
}

/** Every form a reader might type for a date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); the value alone for anything else. */
export function dateForms(value: string): string[] {
  const m = DATE.exec(value);
  if (!m) return [value];
  const [, y, mo, d] = m;
  if (!mo) return [y];
  const month = MONTHS[Number(mo) - 1];
  if (!month) return [value];
  const names = [month, month.slice(0, 3), ...(month === 'september' ? ['sept'] : [])];
  const n = Number(mo);
  if (!d) return [value, ...names.map((name) => `${name} ${y}`), `${n}/${y}`, `${mo}/${y}`];
  const day = Number(d);
  return [value, ...names.flatMap((name) => [`${name} ${day} ${y}`, `${day} ${name} ${y}`, `${name} ${day}`]), `${n}/${day}/${y}`, `${mo}/${d}/${y}`];
}

/**
 * A matcher for a query: true when every word of the query is found in one of the texts or
 * in a form of one of the dates — or the query as a whole in a date form ("oct 2021").
 */
export function matcher(query: string): (texts: (string | null | undefined)[], dates?: (string | null | undefined)[]) => boolean {
  const q = fold(query);
  if (!q) return () => true;
  const words = q.split(' ');
  return (texts, dates = []) => {
    const haystack = [...texts, ...dates.flatMap((d) => (d ? dateForms(d) : []))].filter((t): t is string => !!t).map(fold);
    return haystack.some((h) => h.includes(q)) || words.every((w) => haystack.some((h) => h.includes(w)));
  };
}
