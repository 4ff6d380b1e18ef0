/**
 * Dates in news text, normalised with their granularity and resolved against the article's
 * publication date. chrono-node finds the absolute and most relative forms; this module adds
 * what news needs on top — bare years in context ("the 2021 shooting"), "earlier this year",
 * month-only and weekday dates read as past — and rejects what chrono misreads as dates
 * (money, fractions, times of day, years inside a name such as "Civil Rights Act of 1871").
 */
import { casual, type ParsedResult } from 'chrono-node/en';
import { formatDate, type CalendarDate, type Granularity } from '../dates/calendar';
import type { Mention } from '../types';

export interface DateMention extends Mention {
  kind: 'date';
  value: string;
  granularity: Granularity;
}

/** Words before a date that make a sentence speak of the future ("will be sentenced in March"). */
const FUTURE_CUE = /\b(will|would|shall|is to|are to|to be|scheduled|set for|set to|slated|next|upcoming|plans? to|expected to|due to)\b/i;
/** Words before a bare year that make it a date: prepositions, determiners, "early", "mid-". */
const YEAR_BEFORE = /(?:^|[\s(—–-])(in|since|during|until|till|by|before|after|from|through|throughout|of|the|a|an|its|his|her|their|early|late|mid|mid-|around|circa|and|or|to|between|spring|summer|fall|autumn|winter|year)\s*$/i;
/** Nouns after a number that make it a count, not a year ("2000 people"). */
const COUNT_NOUNS = /^(people|persons|votes|troops|soldiers|workers|employees|jobs|units|shares|cases|deaths|homes|cars|acres|miles|feet|meters|tons|pounds|dollars|points|students|members|copies|words|times|rounds|pages)\b/i;
const MONTH_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december';

/** Find every date in `text`. `published` (`YYYY-MM-DD`) anchors relative dates; null means today. */
export function recogniseDates(text: string, published: string | null): DateMention[] {
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date();
  const found: DateMention[] = [];

  for (const r of casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const m = fromChrono(text, r, ref);
    if (m) found.push(m);
  }
  for (const m of relativeYears(text, ref)) found.push(m);
  for (const m of bareYears(text)) found.push(m);
  return dropOverlaps(found);
}

function fromChrono(text: string, r: ParsedResult, ref: Date): DateMention | null {
  // chrono keeps a leading preposition ("On Monday"); the date itself starts after it.
  const lead = /^(?:on|at|in|by|since|from|until|of)\s+/i.exec(r.text)?.[0].length ?? 0;
  const start = r.index + lead;
  const end = r.index + r.text.length;
  const c = r.start;
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 20);

  // Times of day alone, money ("625 a share"), fractions and scores ("7/8") are not dates.
  if (!c.isCertain('day') && !c.isCertain('month') && !c.isCertain('year') && !c.isCertain('weekday')) return null;
  if (/[$€£]\s*$/.test(before) || /^\s*(%|percent|a share|cents?)/i.test(after)) return null;
  if (/^\d{1,2}\s*[/-]\s*\d{1,2}$/.test(r.text.trim())) return null;
  if (/^(this|last|next) (year|month)$/i.test(r.text.trim()) || /year/i.test(r.text) && !/\d/.test(r.text)) return null; // relativeYears()
  if (/^(now|today|tonight|yesterday|tomorrow|(this|that) (morning|afternoon|evening))$/i.test(r.text.trim())) return null;

  const future = FUTURE_CUE.test(sentenceBefore(text, start));
  let year = c.get('year')!;
  let month = c.get('month')!;
  let day = c.get('day')!;
  let granularity: Granularity;
  if (c.isCertain('day') || c.isCertain('weekday')) granularity = 'day';
  else if (c.isCertain('month')) granularity = 'month';
  else granularity = 'year';

  // News speaks of the past: a month or weekday without a year is the latest one on or
  // before the publication date, unless the sentence speaks of the future.
  const refDay = { y: ref.getUTCFullYear(), m: ref.getUTCMonth() + 1, d: ref.getUTCDate() };
  if (!c.isCertain('year')) {
    if (c.isCertain('weekday') && !c.isCertain('day')) {
      const target = c.get('weekday')!;
      const delta = (ref.getUTCDay() - target + 7) % 7;
      const shift = future ? (delta === 0 ? 0 : 7 - delta) : -delta;
      const d = new Date(ref.getTime() + shift * 86400000);
      year = d.getUTCFullYear(); month = d.getUTCMonth() + 1; day = d.getUTCDate();
    } else {
      const key = (mo: number, d: number) => mo * 100 + d;
      const here = key(refDay.m, refDay.d);
      const there = key(month, granularity === 'day' ? day : 1);
      if (granularity === 'month') year = future ? (month < refDay.m ? refDay.y + 1 : refDay.y) : (month > refDay.m ? refDay.y - 1 : refDay.y);
      else year = future ? (there < here ? refDay.y + 1 : refDay.y) : (there > here + 7 ? refDay.y - 1 : refDay.y);
    }
  }
  const value = formatDate(year, granularity === 'year' ? null : month, granularity === 'day' ? day : null);
  const mention: DateMention = { start, end, kind: 'date', ...value } as DateMention;
  if (r.end && r.end.isCertain('day')) {
    mention.endValue = formatDate(r.end.get('year') ?? year, r.end.get('month') ?? month, r.end.get('day')!).value;
  }
  return mention;
}

/** "this year", "earlier this year", "last year", "last month" and their kin. */
function relativeYears(text: string, ref: Date): DateMention[] {
  const out: DateMention[] = [];
  const re = /\b(?:(earlier|later|early|late) )?(this|last|next|past) (year|month)\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const which = m[2].toLowerCase();
    if (which === 'past' && !m[1]) continue; // "the past year" is a duration
    const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    let value: CalendarDate;
    if (m[3].toLowerCase() === 'year') value = formatDate(ref.getUTCFullYear() + shift, null, null);
    else {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
      value = formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, null);
    }
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'date', ...value } as DateMention);
  }
  return out;
}

/** Bare years with context that makes them dates: "in 2021", "the 2021 shooting", "2021 death". */
function bareYears(text: string): DateMention[] {
  const out: DateMention[] = [];
  const re = /(?<![\d$€£.,/:-])(1[89]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*(?:%|percent))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + 4;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 20);
    if (new RegExp(`(${MONTH_NAMES})\\.?\\s*(\\d{1,2},?\\s*)?$`, 'i').test(before)) continue; // chrono's
    if (/\b\p{Lu}[\p{L}.]*\s+(of|no\.?)\s*$/u.test(before)) continue; // "Civil Rights Act of 1871", "Chapter of 1999"
    const nextWord = /^\s+([a-z][a-z-]*)/.exec(after)?.[1];
    const contextBefore = YEAR_BEFORE.test(before);
    const adjectival = nextWord !== undefined && !COUNT_NOUNS.test(nextWord);
    if (!contextBefore && !adjectival && !/^\s*[,.;:)]/.test(after)) continue;
    if (nextWord && COUNT_NOUNS.test(nextWord)) continue;
    out.push({ start, end, kind: 'date', value: m[1], granularity: 'year' });
  }
  return out;
}

function sentenceBefore(text: string, offset: number): string {
  const s = text.slice(Math.max(0, offset - 200), offset);
  const cut = Math.max(s.lastIndexOf('. '), s.lastIndexOf('\n'));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

/** Keep the longest of overlapping mentions (earlier first on ties). */
function dropOverlaps(mentions: DateMention[]): DateMention[] {
  const sorted = [...mentions].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const m of sorted) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}
