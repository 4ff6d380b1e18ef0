/**
 * Dates in news text, normalised with their granularity and resolved against the article's
 * publication date — the forms news uses: "July 12", "Oct. 21, 2021", "July 9–12", "in 2021",
 * "the 2021 shooting", "last Friday", "earlier this year", "the third quarter", "a year
 * ago", "last summer", "the 1990s", "recently". A month or weekday without a year is read as
 * the latest one before publication, unless the sentence speaks of the future.
 *
 * Written as one small grammar rather than on chrono-node: measured in Node, chrono's casual
 * parser took 40–80 ms before its first result (200 ms for some phrases on first use), and
 * still needed these news rules on top; this grammar starts in under a millisecond.
 * Money, fractions, scores, times of day and years inside names ("Civil Rights Act of
 * 1871") are not dates.
 */
import { addDays, dayValue, isoWeek, monthValue, quarterOf, weekday, type DateGranularity, type Day } from '../dates/periods';
import type { Mention } from '../types';

export interface DateMention extends Mention {
  kind: 'date';
  value: string;
  granularity: DateGranularity;
}

interface Candidate {
  start: number;
  end: number;
  value: string;
  granularity: DateGranularity;
  endValue?: string;
  /** Quarters compared with the latest quarter the text named ("the year-earlier quarter"). */
  anchor?: 'year-before-quarter';
  /** With `anchor`: the quarter the text names ("the year-ago third quarter"); else the anchor's. */
  anchorQuarter?: number;
}

interface Context {
  text: string;
  ref: Day;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const FULL_MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** The month each season starts in, to tell whether this year's has begun. */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Words before a date that make a sentence speak of the future ("will be sentenced in March"). */
const FUTURE_CUE = /\b(will|would|shall|is to|are to|to be|scheduled|set for|set to|slated|next|upcoming|plans? to|expected to|due to|expects?)\b/i;
/** A deadline right before the date ("by March", "until the end of June"); "by an Arizona man … in March" is none. */
const DEADLINE = /\b(until|till|by)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?(?:early\s+|late\s+|mid-?\s*)?$/i;
/** Words before a bare year that make it a date: prepositions, determiners, "early", "mid-". */
const YEAR_BEFORE = /(?:^|[\s(—–-])(in|since|during|until|till|by|before|after|from|through|throughout|of|the|a|an|its|his|her|their|early|late|mid|mid-|around|circa|and|or|to|between|spring|summer|fall|autumn|winter|year|fiscal|calendar)\s*$/i;
/** Nouns after a number that make it a count, not a year ("2000 people"). */
const COUNT_NOUNS = /^(people|persons|votes|troops|soldiers|workers|employees|jobs|units|shares|cases|deaths|homes|cars|acres|miles|feet|meters|tons|pounds|dollars|points|students|members|copies|words|times|rounds|pages|barrels|tonnes|yards|metres|kilometres|kilometers)\b/i;

/**
 * A rule: words one of which the text must contain for the rule to run ('#' for any digit),
 * the pattern, and what a match means. The hints spare a page the patterns it cannot match:
 * each regular expression costs a compile on its first use.
 */
type Rule = [string[], RegExp, (m: RegExpExecArray, ctx: Context) => Candidate | null];
const MONTH_WORDS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const RULES: Rule[] = [
  // 2021-10-21
  [['#'], /\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => day(m, +m[1], +m[2], +m[3])],
  // 19980114 (wire-service datelines)
  [['#'], /\b((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)\b/g, (m) => day(m, +m[1], +m[2], +m[3])],
  // 10/21/2021, 10/21/21 — a year is required, so "7/8" stays a fraction
  [['/'], /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b(?!\/)/g, (m) => day(m, fullYear(m[3]), +m[1], +m[2])],
  // July 12, Oct. 21, 2021, July 9–12
  [['#'], new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*(?:-|–|—|to|through)\\s*(\\d{1,2})\\b)?(?:,?\\s+(\\d{4})\\b)?(?!\\s*(?::|%|percent|[ap]\\.?m\\b|cents?|million|billion|points?)|,\\d|\\.\\d)`, 'g'),
    (m, ctx) => monthDay(m, ctx, m[1], +m[2], m[3] ? +m[3] : null, m[4] ? +m[4] : null)],
  // 12 July 2021, the 12th of July
  [['#'], new RegExp(`\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    (m, ctx) => monthDay(m, ctx, m[2], +m[1], null, m[3] ? +m[3] : null)],
  // October 2021, early October 2021, October of 2021
  [['#'], new RegExp(`\\b(?:(?:early|mid|late|the middle of|the end of|the beginning of|the start of)[\\s-]+)?${MONTH},?\\s+(?:of\\s+)?(\\d{4})\\b(?!\\s*(?:%|percent)|,\\d|\\.\\d)`, 'gi'),
    (m) => (capitalised(m[1]) ? span(m, monthValue(+m[2], MONTHS[monthKey(m[1])]), 'month') : null)],
  // March, last March, early March, January this year, the middle of October
  [MONTH_WORDS, new RegExp(`\\b(?:(last|this|next|early|mid|late|the middle of|the end of|the beginning of|the start of)[\\s-]+)?${FULL_MONTH}\\b(?:\\s+(this|last|next)\\s+year\\b)?`, 'gi'), bareMonth],
  // Friday, last Friday, earlier Sunday
  [['day'], /\b(?:(last|this|next|earlier|late|early|later)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b(?!s)/gi, weekdayDate],
  // today, yesterday, late yesterday
  [['today', 'yesterday', 'tomorrow', 'tonight'], /\b(?:(late|early|earlier|later)\s+)?(today|yesterday|tomorrow|tonight)\b/gi, (m, ctx) => {
    const shift = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[m[2].toLowerCase() as 'today']!;
    return span(m, dayValue(addDays(ctx.ref, shift)), 'day');
  }],
  // this year, last month, earlier this week, the coming winter, the previous year
  [['this ', 'last ', 'next ', 'coming', 'current', 'previous'], /\b(?:(earlier|later|early|late)\s+)?(this|last|next|this past|the coming|the current|the previous|the last)\s+(year|month|week|weekend|quarter|summer|spring|fall|autumn|winter|decade)\b(?!-)/gi, relativePeriod],
  // the third quarter, third-quarter, the fiscal first quarter of 1989, the latest quarter
  [['quarter', 'period'], /\b(?:(this|last|next)\s+year['’]s\s+|the\s+)?(?:(?:fiscal|calendar)\s+)?(?:((?:19|20)\d\d|year-ago|year-earlier)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|latest|year-earlier|year-ago|same|comparable|recent)[-\s]+(?:fiscal[-\s]+)?(quarter|period)\b(?:\s+of\s+(?:(\d{4})|(this|last|next)\s+year|fiscal\s+(\d{4})))?/gi, quarter],
  [['quarter'], /\b(?:the|this|that)\s+quarter\b/gi, (m, ctx) => span(m, previousQuarter(ctx.ref), 'quarter')],
  // first half of 1998, the second half
  [['half'], /\b(?:the\s+)?(first|second)\s+half\s+of\s+(?:(\d{4})|(this|last|next)\s+year)\b/gi, (m, ctx) => {
    const y = m[2] ? +m[2] : ctx.ref.y + shiftOf(m[3]);
    return span(m, `${y}-H${m[1].toLowerCase() === 'first' ? 1 : 2}`, 'half');
  }],
  // a year ago, two weeks ago, nearly four years ago, a year earlier
  [['ago', 'earlier'], /\b(?:(?:about|nearly|almost|some|more than|over|roughly|less than|just)\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|several|a few|few|many)\s+(year|month|week|day|decade)s?\s+(ago|earlier)\b/gi, ago],
  // last summer, summer 2021, the winter of 1994
  [['spring', 'summer', 'fall', 'autumn', 'winter'], /\b(?:(this|last|next|this past|the early|the late|the)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?\b/gi, season],
  // year-end, the end of the year, the full year, the fiscal year
  [['end'], /\b(?:the\s+end\s+of\s+the\s+year|year[-\s]end|year['’]s\s+end)\b/gi, (m, ctx) => {
    const since = /\bsince\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index));
    const y = since ? ctx.ref.y - 1 : ctx.ref.y;
    return /^year-end$/i.test(m[0]) ? span(m, `${y}-12-31`, 'day') : span(m, String(y), 'year');
  }],
  [['year'], /\bthe\s+(full|fiscal|current fiscal|current|latest fiscal)\s+year\b(?!\s+(?:before|after|earlier|ago)\b)/gi, (m, ctx) =>
    span(m, String(/latest/i.test(m[1]) ? ctx.ref.y - 1 : ctx.ref.y), 'year')],
  [['year'], /(?<=\b(?:for|of|during|through|throughout|earlier in|later in)\s+)the\s+year\b(?!['’]s|\s+(?:before|after|earlier|ago|that|when|in which)\b)/gi, (m, ctx) => span(m, String(ctx.ref.y), 'year')],
  // the weekend: the one just past, or the coming one in a sentence that looks ahead
  [['weekend'], /\bthe\s+weekend\b/gi, (m, ctx) => {
    const dow = weekday(ctx.ref);
    const shift = futureAt(ctx.text, m.index) ? (dow === 0 ? 0 : 7) : dow === 6 || dow === 0 ? 0 : -7;
    return span(m, `${isoWeek(addDays(ctx.ref, shift - (dow === 0 ? 1 : 0)))}-WE`, 'week');
  }],
  // year-earlier, year-ago (as in "year-earlier results")
  [['year-'], /\b(?:the\s+)?(year-earlier|year-ago)\b(?![-\s]+(?:\w+[-\s]+)?(?:quarter|period))/gi, (m, ctx) => {
    const c = span(m, String(ctx.ref.y - 1), 'year');
    if (/\bquarter\b/i.test(ctx.text.slice(Math.max(0, m.index - 400), m.index))) c.anchor = 'year-before-quarter';
    return c;
  }],
  // the 1990s, the late 1980s, the '90s
  [['0s'], /\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(1\d|20)(\d)0['’]?s\b/gi, (m) => span(m, `${m[1]}${m[2]}`, 'decade')],
  [['0s'], /(?:\bthe\s+)?['’](\d)0s\b/gi, (m, ctx) => {
    const century = Math.floor(ctx.ref.y / 100);
    const decade = +m[1];
    return span(m, `${decade * 10 > ctx.ref.y % 100 ? century - 1 : century}${decade}`, 'decade');
  }],
  [['century'], /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b/gi, (m) => span(m, String(+m[1] - 1).padStart(2, '0'), 'century')],
  // fiscal 1989, mid-1990, early 2021, the end of 2021
  [['#'], /\b(?:(?:fiscal|calendar|early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+|mid-)((?:1[89]|20)\d\d)\b(?![\d%]|,\d|\.\d|\s*(?:%|percent))/gi, (m) => span(m, m[1], 'year')],
  // now, recently, the past, the future, soon
  [['now', 'current', 'these days', 'at present', 'at the moment'], /\b(now|currently|these days|nowadays|at present|at the moment)\b(?!\s+that\b)/gi, (m) => span(m, 'PRESENT_REF', 'ref')],
  [['recent', 'past'], /\b(recently|recent\s+(?:years|months|weeks|days)|the\s+past)\b(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade|century))/gi, (m) => span(m, 'PAST_REF', 'ref')],
  [['future', 'coming'], /\b(the\s+(?:near\s+)?future|(?:the\s+)?coming\s+(?:years|months|weeks|days|quarters))\b/gi, (m) => span(m, 'FUTURE_REF', 'ref')],
];

/** Find every date in `text`. `published` (`YYYY-MM-DD`) anchors relative dates; null means today. */
export function recogniseDates(text: string, published: string | null): DateMention[] {
  const ctx: Context = { text, ref: referenceDay(published) };
  const found: Candidate[] = [];
  const lower = text.toLowerCase();
  const digits = /\d/.test(text);
  for (const [hints, re, make] of RULES) {
    if (!hints.some((h) => (h === '#' ? digits : lower.includes(h)))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const c = make(m, ctx);
      if (c && !rejected(text, c)) found.push(c);
    }
  }
  for (const c of bareYears(text)) found.push(c);
  return anchorQuarters(withoutNamedDays(dropOverlaps(found), text), ctx).map(({ anchor: _anchor, anchorQuarter: _quarter, ...c }) => ({ ...c, kind: 'date' as const }));
}

function referenceDay(published: string | null): Day {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (m) return { y: +m[1], m: +m[2], d: +m[3] };
  const now = new Date();
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

function span(m: RegExpExecArray, value: string, granularity: DateGranularity, endValue?: string): Candidate {
  // A leading preposition is not part of the date ("on Monday" is "Monday").
  const lead = /^(?:on|in|at|by|since|from|until|of)\s+/i.exec(m[0])?.[0].length ?? 0;
  return { start: m.index + lead, end: m.index + m[0].length, value, granularity, ...(endValue ? { endValue } : {}) };
}

function day(m: RegExpExecArray, y: number, mo: number, d: number): Candidate | null {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return span(m, dayValue({ y, m: mo, d }), 'day');
}

function fullYear(y: string): number {
  return y.length === 4 ? +y : +y + (+y > 30 ? 1900 : 2000);
}

function capitalised(word: string): boolean {
  return /^[A-Z]/.test(word);
}

function monthKey(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

function shiftOf(word: string | undefined): number {
  const w = word?.toLowerCase();
  return w === 'last' || w === 'this past' || w === 'the previous' || w === 'the last' ? -1 : w === 'next' || w === 'the coming' || w === 'the following' ? 1 : 0;
}

/**
 * Whether the sentence before an offset speaks of the future. A plan told in the past tense
 * ("was scheduled for Tuesday") is past; a weak cue ("by", "until") counts only where nothing
 * in the sentence is in the past tense ("found guilty by a jury in March" is last March).
 */
function futureAt(text: string, offset: number): boolean {
  const s = text.slice(Math.max(0, offset - 160), offset);
  const cut = Math.max(s.lastIndexOf('. '), s.lastIndexOf('\n'));
  const before = (cut >= 0 ? s.slice(cut + 1) : s).replace(PAST_PLAN, ' ');
  // "will be held for X, who was killed … on Thursday": a past verb nearer the date than the future cue wins.
  if (lastIndexOf(STRONG_FUTURE_ALL, before) > lastIndexOf(PAST_TENSE_ALL, before)) return true;
  if (PAST_CUE.test(sentenceAround(text, offset))) return false;
  return FUTURE_CUE.test(before) || DEADLINE.test(before);
}

/** Where the last match of a global pattern starts in a text, or -1. */
function lastIndexOf(pattern: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(pattern)) last = m.index!;
  return last;
}

/** A finite verb in the past tense ("who was killed"), unlike a participle after "will be" ("will be sentenced"). */
const PAST_TENSE_ALL = /\b(was|were|had|did|happened|occurred|died)\b/gi;

/** Cues that a date is ahead whatever else the sentence says. */
const STRONG_FUTURE_ALL = /\b(will|shall|is to|are to|scheduled|set for|set to|slated|upcoming|plans? to|expected to|due to|next)\b/gi;
/** A plan told in the past tense: no longer a cue for the future. */
const PAST_PLAN = /\b(?:was|were|had been)\s+(?:\w+ly\s+)?(?:scheduled|set|slated|expected|due|planned)\b(?:\s+(?:for|to))?/gi;

/** Words near a date that place it in the past ("was sentenced on Dec. 7"). */
const PAST_CUE = /\b(was|were|had|did|happened|occurred|died|killed|shot|began|ended|last|ago|earlier|found|convicted|sentenced|dismissed|pleaded|indicted|filed)\b/i;
/** How far ahead a date without a year may fall when nothing in the sentence says which way. */
const NEAR_FUTURE_DAYS = 90;

/**
 * The year of a month (and day) given without one: the next occurrence when the sentence
 * looks ahead or the date is at most three months away and nothing marks the past (business
 * news announces "Dec. 7" deadlines in October); otherwise the latest before publication.
 */
function yearFor(ctx: Context, month: number, dayOfMonth: number | null, at: number): number {
  const { ref } = ctx;
  const refTime = Date.UTC(ref.y, ref.m - 1, ref.d);
  const thisYear = Date.UTC(ref.y, month - 1, dayOfMonth ?? 1);
  const lastDay = dayOfMonth ?? new Date(Date.UTC(ref.y, month, 0)).getUTCDate();
  const inProgress = dayOfMonth === null && month === ref.m;
  if (inProgress || (thisYear <= refTime && Date.UTC(ref.y, month - 1, lastDay) >= refTime - (dayOfMonth ? 0 : 1))) return ref.y;
  const next = thisYear > refTime ? ref.y : ref.y + 1;
  const ahead = (Date.UTC(next, month - 1, dayOfMonth ?? 1) - refTime) / 86400000;
  const sentence = sentenceAround(ctx.text, at);
  if (futureAt(ctx.text, at) || (ahead <= NEAR_FUTURE_DAYS && !PAST_CUE.test(sentence))) return next;
  return next - 1;
}

function sentenceAround(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 160), at);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const after = text.slice(at, at + 120);
  const stop = after.search(/\.\s|\n/);
  return (cut >= 0 ? before.slice(cut + 1) : before) + (stop >= 0 ? after.slice(0, stop) : after);
}

function monthDay(m: RegExpExecArray, ctx: Context, monthWord: string, d: number, endDay: number | null, year: number | null): Candidate | null {
  if (!capitalised(monthWord)) return null;
  const month = MONTHS[monthKey(monthWord)];
  if (d < 1 || d > 31) return null;
  // "May 5" is a date; "may 5" is not, and neither is a bare "May" followed by a count.
  const y = year ?? yearFor(ctx, month, d, m.index);
  const c = day(m, y, month, d);
  if (!c) return null;
  if (endDay !== null && endDay > d && endDay <= 31) c.endValue = dayValue({ y, m: month, d: endDay });
  else if (endDay !== null) return span({ ...m, 0: m[0].slice(0, m[0].search(/\s*(?:-|–|—|to|through)\s*\d/)) } as RegExpExecArray, c.value, 'day');
  return c;
}

function bareMonth(m: RegExpExecArray, ctx: Context): Candidate | null {
  const [, modifier, monthWord, yearWord] = m;
  if (!capitalised(monthWord)) return null;
  const month = MONTHS[monthKey(monthWord)];
  const before = ctx.text.slice(Math.max(0, m.index - 12), m.index);
  // "May" and "March" are words too: alone they need a preposition or modifier to be months.
  if (!modifier && !yearWord && /^(May|March)$/.test(monthWord) && !/\b(in|since|until|by|during|from|of|through|before|after|last|this|next|early|late|mid)\s+$/i.test(before)) return null;
  let y: number;
  if (yearWord) y = ctx.ref.y + shiftOf(yearWord);
  else if (modifier && /^(last|this|next)$/i.test(modifier)) {
    const w = modifier.toLowerCase();
    y = w === 'this' ? ctx.ref.y : w === 'last' ? (month >= ctx.ref.m ? ctx.ref.y - 1 : ctx.ref.y) : month <= ctx.ref.m ? ctx.ref.y + 1 : ctx.ref.y;
  } else y = yearFor(ctx, month, null, m.index);
  return span(m, monthValue(y, month), 'month');
}

/**
 * "on Thursday, October 21, 2021": a weekday written before the date it names is part of that
 * date, not the Thursday nearest the article (the date after it says which day it is).
 */
function withoutNamedDays<T extends { start: number; end: number }>(found: T[], text: string): T[] {
  const out: T[] = [];
  for (let k = 0; k < found.length; k++) {
    const [c, next] = [found[k], found[k + 1]];
    // One date, "Thursday, October 21, 2021", with the value the date after the weekday gives.
    if (next && WEEKDAYS.includes(text.slice(c.start, c.end).toLowerCase()) && /^,?\s+$/.test(text.slice(c.end, next.start))) {
      out.push({ ...next, start: c.start });
      k++;
    } else out.push(c);
  }
  return out;
}

function weekdayDate(m: RegExpExecArray, ctx: Context): Candidate | null {
  const [, modifier, name] = m;
  if (!capitalised(name)) return null;
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const today = weekday(ctx.ref);
  const back = (today - target + 7) % 7;
  const w = modifier?.toLowerCase();
  let shift: number;
  if (w === 'next' || (!w && futureAt(ctx.text, m.index))) shift = back === 0 ? (w ? 7 : 0) : 7 - back;
  else if (w === 'last') shift = back === 0 ? -7 : -back;
  else if (w === 'this') shift = target >= today || target === 0 ? (target - today + 7) % 7 : -back;
  else shift = -back;
  return span(m, dayValue(addDays(ctx.ref, shift)), 'day');
}

function relativePeriod(m: RegExpExecArray, ctx: Context): Candidate | null {
  const [, , which, unitWord] = m;
  const unit = unitWord.toLowerCase();
  const w = which.toLowerCase();
  if (w === 'the last' && unit !== 'decade') return null; // "the last year" is a duration
  const shift = shiftOf(which);
  const { ref } = ctx;
  switch (unit) {
    case 'year': return span(m, String(ref.y + shift), 'year');
    case 'month': {
      const t = new Date(Date.UTC(ref.y, ref.m - 1 + shift, 1));
      return span(m, monthValue(t.getUTCFullYear(), t.getUTCMonth() + 1), 'month');
    }
    case 'week': return span(m, isoWeek(addDays(ref, 7 * shift)), 'week');
    case 'weekend': {
      // "this weekend" early in the week is the one just past.
      const back = w === 'this' && weekday(ref) >= 1 && weekday(ref) <= 3 ? -7 : 0;
      return span(m, `${isoWeek(addDays(ref, 7 * shift + back))}-WE`, 'week');
    }
    case 'quarter': {
      const q = quarterOf(ref.m) - 1 + shift;
      const y = ref.y + Math.floor(q / 4);
      return span(m, `${y}-Q${((q % 4) + 4) % 4 + 1}`, 'quarter');
    }
    case 'decade': {
      const decade = Math.floor(ref.y / 10) + (w === 'the last' ? -1 : shift);
      return span(m, String(decade), 'decade');
    }
    default: return seasonValue(m, ctx, SEASONS[unit], w);
  }
}

function seasonValue(m: RegExpExecArray, ctx: Context, code: string, which: string | undefined): Candidate {
  const { ref } = ctx;
  const begun = ref.m >= SEASON_START[code];
  let y = ref.y;
  if (which === 'last' || which === 'this past' || which === 'the previous') y = begun && ref.m > SEASON_START[code] + 2 ? ref.y : ref.y - 1;
  else if (which === 'next' || which === 'the coming' || which === 'the following') y = begun ? ref.y + 1 : ref.y;
  return span(m, `${y}-${code}`, 'season');
}

function season(m: RegExpExecArray, ctx: Context): Candidate | null {
  const [, modifier, name, year] = m;
  const code = SEASONS[name.toLowerCase()];
  if (year) return span(m, `${year}-${code}`, 'season');
  const w = modifier?.toLowerCase();
  if (!w) return null; // "summer" alone is a season of any year
  if (w === 'the' || w === 'early' || w === 'late') {
    // "over the summer": the latest one that has begun.
    return span(m, `${ctx.ref.m >= SEASON_START[code] ? ctx.ref.y : ctx.ref.y - 1}-${code}`, 'season');
  }
  return seasonValue(m, ctx, code, w);
}

function previousQuarter(ref: Day): string {
  const q = quarterOf(ref.m) - 1;
  return q === 0 ? `${ref.y - 1}-Q4` : `${ref.y}-Q${q}`;
}

function quarter(m: RegExpExecArray, ctx: Context): Candidate | null {
  const [, yearsWord, before, which, unit, year, yearRel, fiscalYear] = m;
  const w = which.toLowerCase();
  const n = ORDINALS[w];
  if (unit.toLowerCase() === 'period' && n) return null; // "the first period" of a match
  if (n) {
    let y: number;
    if (before && /^\d/.test(before)) y = +before;
    else if (before) return { ...span(m, `${ctx.ref.y}-Q${n}`, 'quarter'), anchor: 'year-before-quarter', anchorQuarter: n };
    else if (year || fiscalYear) y = +(year || fiscalYear);
    else if (yearRel || yearsWord) y = ctx.ref.y + shiftOf(yearRel || yearsWord);
    else y = n <= quarterOf(ctx.ref.m) || futureAt(ctx.text, m.index) ? ctx.ref.y : ctx.ref.y - 1;
    return span(m, `${y}-Q${n}`, 'quarter');
  }
  if (before && /^\d/.test(before)) return span(m, `${before}-Q${quarterOf(ctx.ref.m) - 1 || 4}`, 'quarter');
  if (w === 'year-earlier' || w === 'year-ago' || w === 'same' || w === 'comparable') {
    return { ...span(m, previousQuarter(ctx.ref), 'quarter'), anchor: 'year-before-quarter' };
  }
  return span(m, previousQuarter(ctx.ref), 'quarter');
}

function ago(m: RegExpExecArray, ctx: Context): Candidate | null {
  const [, countWord, unitWord, direction] = m;
  const count = /^\d+$/.test(countWord) ? +countWord : NUMBERS[countWord.toLowerCase()];
  if (count === undefined) return span(m, 'PAST_REF', 'ref');
  const unit = unitWord.toLowerCase();
  const { ref } = ctx;
  if (unit === 'year') {
    // In a quarterly report, "a year earlier" is the same quarter of the year before.
    const c = span(m, String(ref.y - count), 'year');
    if (count === 1 && /\bquarter|\bperiod\b/i.test(ctx.text.slice(Math.max(0, m.index - 300), m.index))) c.anchor = 'year-before-quarter';
    return direction.toLowerCase() === 'earlier' && !c.anchor ? null : c;
  }
  if (direction.toLowerCase() === 'earlier') return null; // "two days earlier" counts from another event
  if (unit === 'month') {
    const t = new Date(Date.UTC(ref.y, ref.m - 1 - count, 1));
    return span(m, monthValue(t.getUTCFullYear(), t.getUTCMonth() + 1), 'month');
  }
  if (unit === 'week') return span(m, isoWeek(addDays(ref, -7 * count)), 'week');
  if (unit === 'day') return span(m, dayValue(addDays(ref, -count)), 'day');
  return span(m, String(Math.floor((ref.y - 10 * count) / 10)), 'decade');
}

/** Quarters compared with the latest named quarter take that quarter's value a year back. */
function anchorQuarters(found: Candidate[], ctx: Context): Candidate[] {
  let latest: string | null = null;
  for (const c of found) {
    if (c.anchor) {
      const base = latest ?? previousQuarter(ctx.ref);
      c.value = `${+base.slice(0, 4) - 1}-Q${c.anchorQuarter ?? base.slice(6)}`;
      c.granularity = 'quarter';
    } else if (c.granularity === 'quarter') latest = c.value;
  }
  return found;
}

/** Bare years with context that makes them dates: "in 2021", "the 2021 shooting", "2021 death". */
function bareYears(text: string): Candidate[] {
  const out: Candidate[] = [];
  const re = /(?<![\d$€£.,/:-])(1[89]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*(?:%|percent)|-\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + 4;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 20);
    if (/\b\p{Lu}[\p{L}.]*\s+(of|no\.?)\s*$/u.test(before)) continue; // "Civil Rights Act of 1871", "Chapter of 1999"
    if (/\b(No|Nos|Number|Room|Route|Flight|Article|Section|Rule|Model|page|pp?)\.?\s*$/i.test(before)) continue;
    if (/(§|§§|\bU\.\s?S\.\s?C\.?|\bsec\.|\bstatute)\s*$/i.test(before) || /^\s*(statute|U\.S\.C\.)/.test(after)) continue; // "42 U.S.C. § 1983" is a statute
    const nextWord = /^\s+([a-z][a-z-]*)/.exec(after)?.[1];
    if (nextWord && COUNT_NOUNS.test(nextWord)) continue;
    const contextBefore = YEAR_BEFORE.test(before);
    const adjectival = nextWord !== undefined;
    if (!contextBefore && !adjectival && !/^\s*[,.;:)'’]/.test(after) && !/^\s*$/.test(after)) continue;
    out.push({ start, end, value: m[1], granularity: 'year' });
  }
  return out;
}

/** A clock time next to a day makes the whole a time of day, which TimeML and the checker treat apart. */
const CLOCK_BEFORE = /\b(?:noon|midnight|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|local time))?,?)\s*$/i;
const CLOCK_AFTER = /^\s+(?:morning|afternoon|evening|night|at\s+(?:noon|midnight|\d))/i;

/** Money, measures and times of day are not dates ("$2021", "2021 percent", "5 p.m. Friday"). */
function rejected(text: string, c: Candidate): boolean {
  if (/[$€£]\s*$/.test(text.slice(Math.max(0, c.start - 2), c.start))) return true;
  if (c.granularity !== 'day') return false;
  return CLOCK_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start)) || CLOCK_AFTER.test(text.slice(c.end, c.end + 16));
}

/** Keep the longest of overlapping candidates (earlier first on ties). */
function dropOverlaps(found: Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

