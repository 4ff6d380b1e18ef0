/**
 * Date claims, precision first. A date is checked only when the sentence says plainly that
 * an event of a known type happened on it: the date must modify an event word of its own
 * clause (see `reader.ts`), and nothing may make the claim reported, scheduled, negated or
 * hypothetical. The date agrees when it fits any event of that type. It conflicts only when
 * it contradicts every event of that type whose participants the sentence names, no event
 * of the case at all falls on it (it may date another action), and every such event is
 * verified. Everything else is unknown, with the reason in the explanation.
 */
import { granularityOf, humanDate, sameAtCoarser, truncate, coarser, isOnOrBefore, type CalendarDate } from '../dates/calendar';
import { checkableDate } from '../dates/periods';
import { isVerified, type CaseEvent } from '../cases/format';
import { spanIndexAt } from '../recognise/sentences';
import type { LinkedMention } from '../link/link';
import type { CheckedClaim } from './claim';
import { shortLabel } from './events';
import { happenedBy, type CheckContext } from './context';
import { insideQuotes, objectClassesOf, readDate, readWords, type DateReading, type Predicate, type Word } from './reader';
import { typesOf } from './lexicon';
import { roleNounPeople, roleNounsIn } from './role-nouns';

/** Check every date mention of an article about the case. */
export function checkDates(ctx: CheckContext): Map<LinkedMention, CheckedClaim> {
  const out = new Map<LinkedMention, CheckedClaim>();
  if (!ctx.aboutCase) return out;
  // Weeks, quarters and seasons are checked at their year; decades and vague references not at all.
  const dates = ctx.mentions.filter((m) => m.kind === 'date' && m.value && m.granularity && checkableDate(m.value, m.granularity));
  const read = new Map<number, ReturnType<typeof readWords>>();
  for (const date of dates) {
    const i = spanIndexAt(ctx.sentences, date.start);
    if (i < 0) continue;
    let sentence = read.get(i);
    if (!sentence) read.set(i, (sentence = readWords(ctx.text, ctx.sentences[i], ctx.index.triggerLexicon)));
    const claim = judgeDate(ctx, i, date, sentence.words, sentence.predicates);
    if (claim) out.set(date, claim);
  }
  return out;
}

function judgeDate(ctx: CheckContext, i: number, date: LinkedMention, words: Word[], predicates: ReturnType<typeof readWords>['predicates']): CheckedClaim | null {
  const di = words.findIndex((w) => w.end > date.start);
  let dj = di;
  while (dj < words.length && words[dj].start < date.end) dj++;
  if (di < 0 || dj <= di) return null;
  const reading = readDate(ctx.text, words, predicates, di, dj);
  if (reading.kind === 'other') return null;
  const said = checkableDate(date.value!, date.granularity!)!;
  const candidates = candidateEvents(ctx, i, reading, words);
  if (!candidates.length) return null;
  if (reading.kind === 'event' && asideAboutStranger(ctx, i, reading.predicate.start, candidates)) return null;
  const fitsAt = (at: CalendarDate) => (e: CaseEvent) => [e.date, ...(e.otherDates ?? [])].some((d) => sameAtCoarser(at, { value: d, granularity: granularityOf(d)! }) || inRange(date, d));
  const base = { start: date.start, end: date.end, value: said.value };
  // "last October" in a November article: this October or the one a year before.
  const alternative = otherYearOf(ctx, date, said);
  const pool = withoutStrangers(ctx, i, candidates);
  const match = pool.find(fitsAt(said)) ?? (alternative ? pool.find(fitsAt(alternative)) : undefined);
  if (match) {
    const asAlternative = !pool.some(fitsAt(said));
    return {
      ...base, verdict: 'consistent', claim: `date of: ${match.label}`, claimKey: `event:${match.id}:date`, event: match.id, expected: match.date,
      sources: match.sources, explanation: `Read as the date of “${shortLabel(match)}” (${reading.why}${asAlternative ? `; “${ctx.text.slice(date.start, date.end)}” read as ${humanDate(alternative!.value)}` : ''}); the case dates it to ${humanDate(match.date)}.`,
    };
  }
  const best = candidates[0];
  const unknown = (why: string): CheckedClaim => ({
    ...base, verdict: 'unknown', claim: `date of: ${best.label}`, claimKey: `event:${best.id}:date`, event: best.id, expected: best.date, sources: best.sources,
    explanation: `Read as the date of “${shortLabel(best)}” (${reading.why}), which the case dates to ${humanDate(best.date)}; not flagged: ${why}.`,
  });
  // An event set aside (about someone charged whom the article never names) that fits the date
  // is no agreement; but when the sentence names one of its participants, it may be the event
  // meant ("Baldwin on Friday sued people involved in handling the gun"): no contradiction either.
  // A fit only at a coarser granularity than the article's (its month for the article's day) is too weak for that.
  const asFine = (e: CaseEvent) => coarser(granularityOf(e.date)!, said.granularity) === said.granularity;
  const setAside = candidates.find((e) => !pool.includes(e) && fitsAt(said)(e) && asFine(e) && namedParticipants(ctx, i, e).length > 0);
  if (setAside) return unknown(`the date fits “${shortLabel(setAside)}”, to the ${said.granularity}, though the article names none of its other participants`);
  // "Baldwin's July trial": a month written without a year is the writer's year, not always the one we guess.
  const yearless = withoutYear(ctx.text.slice(date.start, date.end)) && (said.granularity === 'month' || said.granularity === 'day')
    ? pool.find((e) => [e.date, ...(e.otherDates ?? [])].some((d) => d.length >= said.value.length && d.slice(4, said.value.length) === said.value.slice(4)))
    : undefined;
  if (yearless) return unknown(`the article gives no year, and “${shortLabel(yearless)}” falls in that ${said.granularity === 'day' ? 'day' : 'month'} of ${yearless.date.slice(0, 4)}`);
  // "two years ago", "over two years ago": a rounded distance, one unit either way.
  const written = ctx.text.slice(date.start, date.end);
  if (/\bago\b/i.test(written) && (/\b(?:over|more than|nearly|almost|about|around|roughly|some|at least|less than|under|just)\b/i.test(written) || pool.some((e) => nearBy(said, e.date)))) {
    return unknown(`“${written}” is a rounded distance from the article's date`);
  }
  // "resigned yesterday", "today was the third day": written from the moment of writing, which a
  // page's date (often its update's or the next day's) may miss by a day.
  const fromWriting = /^(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|last night)$/i.test(written.trim());
  if (fromWriting && pool.some((e) => [e.date, ...(e.otherDates ?? [])].some((d) => d.length === 10 && Math.abs(Date.parse(d) - Date.parse(said.value)) <= 86400000))) {
    return unknown(`“${written}” counts from the day it was written, which may be a day off the page's date`);
  }
  // "testimony in her trial on Wednesday, March 6": a day between a trial's opening and its end.
  const dayBefore = fromWriting ? new Date(Date.parse(said.value) - 86400000).toISOString().slice(0, 10) : said.value;
  const during = pool.find((e) => e.type === 'trial' && said.granularity === 'day' && said.value > e.date && dayBefore <= trialEnd(ctx, e));
  if (during) return unknown(`the date falls during “${shortLabel(during)}”, which ran from ${humanDate(during.date)} to ${humanDate(trialEnd(ctx, during))}`);
  if (alternative) return unknown(`“${ctx.text.slice(date.start, date.end)}” may mean ${humanDate(said.value)} or ${humanDate(alternative.value)}`);
  if (reading.kind === 'event' && reading.modality !== 'plain') return unknown(MODALITY[reading.modality]);
  const outsider = outsideActor(ctx, i, reading.predicate);
  if (outsider) return unknown(`the sentence says ${ctx.text.slice(outsider.start, outsider.end)}, whom the case does not know, did it: another matter`);
  if (insideQuotes(ctx.text, ctx.sentences[i], date.start)) return unknown('the sentence quotes someone');
  const compatible = candidates.filter((e) => participantsNamed(ctx, i, e, words));
  if (!compatible.length) return unknown('the sentence names none of its participants');
  // "filed an appeal against the dismissal … in November": the verb the event noun hangs from may own the date.
  const governor = reading.kind === 'event' ? reading.governor : undefined;
  const governed = governor ? governedOn(ctx, said, governor.types) : null;
  if (governor && governed) return unknown(`the date may go with "${ctx.text.slice(governor.predicate.start, governor.predicate.end)}" instead, and the case has “${shortLabel(governed)}” then`);
  const other = eventOn(ctx, said, reading, sentenceTypes(ctx, words, predicates, reading), i);
  if (other) return unknown(`the case has another event on that date (“${shortLabel(other)}”), which the date may belong to`);
  const unverified = compatible.find((e) => !isVerified(e));
  if (unverified) return unknown(`the case marks “${shortLabel(unverified)}” ${unverified.status}`);
  const g = coarser(said.granularity, best.granularity);
  const others = compatible.filter((e) => e !== best).map((e) => `${shortLabel(e)} (${humanDate(e.date)})`);
  return {
    ...base, verdict: 'conflict', claim: `date of: ${best.label}`, claimKey: `event:${best.id}:date`, event: best.id, expected: best.date, sources: best.sources,
    explanation: `Read as the date of “${shortLabel(best)}”: ${reading.why}, and ${participantsWhy(ctx, i, best)}. ` +
      `The article says ${humanDate(truncate(said.value, g))}; the case dates it to ${humanDate(best.date)}.` +
      (others.length ? ` Other events of that kind: ${others.join('; ')} — none on that date either.` : ''),
  };
}

const MODALITY: Record<Exclude<DateReading & { kind: 'event' }, never>['modality'], string> = {
  plain: '',
  reported: 'the date is that of a statement',
  scheduled: 'the sentence speaks of a plan or a schedule, not of what happened',
  negated: 'the sentence denies it',
  hypothetical: 'the sentence supposes it, it does not say it happened',
};

/** Events of the reading's types (or whose own trigger words are in the sentence), as of publication, latest first. */
function candidateEvents(ctx: CheckContext, i: number, reading: Exclude<DateReading, { kind: 'other' }>, words: Word[]): CaseEvent[] {
  const out = new Set<CaseEvent>();
  for (const t of reading.types) {
    if (t.startsWith('#')) {
      const own = ctx.index.events.get(t.slice(1));
      if (own) out.add(own);
    }
    for (const e of ctx.index.eventsByType.get(t) ?? []) out.add(e);
  }
  const keys = words.map((w) => w.key);
  const head = reading.predicate.entry.keys[0];
  for (const id of ctx.index.eventsByTriggerKey.get(head) ?? []) {
    const e = ctx.index.events.get(id)!;
    if (out.has(e) || (e.type && reading.excluded.includes(e.type))) continue;
    if (ctx.index.eventTriggerKeys.get(id)!.some((t) => t.includes(head) && containsRun(keys, t))) out.add(e);
  }
  void i;
  return [...out].filter((e) => !ctx.published || isOnOrBefore(e.date, ctx.published)).sort((a, b) => b.date.localeCompare(a.date));
}

function containsRun(keys: string[], run: string[]): boolean {
  outer: for (let s = 0; s + run.length <= keys.length; s++) {
    for (let k = 0; k < run.length; k++) if (keys[s + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Events that cannot be what the sentence is about: of the kind read, but about someone charged
 * in the case whom the article never names (nor anyone else of their own), while another event
 * of that kind is named by someone it does not share with them. "The judge refused on Friday to reopen the case against Baldwin"
 * is not about a denial of the armorer's motion that month (the same judge's) when the article
 * never names the armorer.
 */
function withoutStrangers(ctx: CheckContext, i: number, candidates: CaseEvent[]): CaseEvent[] {
  const specific = (p: string) => !candidates.every((e) => e.participants?.includes(p));
  // Named by someone of their own: in the sentence, else the sentence before, else the article.
  let named = candidates.filter((e) => namedParticipants(ctx, i, e).some(specific));
  if (!named.length && i > 0) named = candidates.filter((e) => (e.participants ?? []).some((p) => specific(p) && ctx.entitiesIn[i - 1].has(p)));
  if (!named.length) named = candidates.filter((e) => (e.participants ?? []).some((p) => specific(p) && ctx.articleEntities.has(p)));
  if (!named.length) return candidates;
  const shared = new Set(named.flatMap((e) => e.participants ?? []));
  const mentioned = (p: string) => ctx.articleEntities.has(p) || roleNounPeople(ctx).has(p);
  return candidates.filter((e) => {
    if (named.includes(e)) return true;
    const own = (e.participants ?? []).filter((p) => !shared.has(p));
    return !own.some((p) => ctx.index.accused.has(p)) || own.some(mentioned);
  });
}

/** Whether the sentence (or, when it names no case entity, the one before) names a participant of the event. */
function participantsNamed(ctx: CheckContext, i: number, e: CaseEvent, _words: Word[]): boolean {
  if (namedParticipants(ctx, i, e).length) return true;
  if (sentenceNames(ctx, i) || (i > 0 && ctx.entitiesIn[i - 1].size)) return false;
  // A sentence naming nobody: only the one event of its kind the article can be about.
  const ofKind = (ctx.index.eventsByType.get(e.type ?? '') ?? []).filter((x) => happenedBy(ctx, x.date));
  const possible = withoutStrangers(ctx, i, ofKind);
  return possible.length === 1 && possible[0] === e && (e.participants ?? []).some((p) => ctx.articleEntities.has(p));
}

/** Whether the sentence names a case entity other than a work, by name or by a role noun ("the armorer"). */
function sentenceNames(ctx: CheckContext, i: number): boolean {
  return [...ctx.entitiesIn[i]].some((id) => ctx.index.entities.get(id)?.kind !== 'work') || roleNounsIn(ctx, i).length > 0;
}

/** The event's participants the sentence names as actors (or, when it names none, the sentence before names). */
function namedParticipants(ctx: CheckContext, i: number, e: CaseEvent): string[] {
  const list = e.participants ?? [];
  if (sentenceNames(ctx, i)) {
    const here = actorsIn(ctx, i);
    return list.filter((p) => here.has(p));
  }
  return i > 0 ? list.filter((p) => ctx.entitiesIn[i - 1].has(p)) : [];
}

/**
 * A person the case does not know named as who did the event: the agent of a passive ("was
 * sued by script supervisor X") or the subject right before the verb ("X sued …"). The event
 * is then most likely one the case does not hold, so its date is no claim about the case's.
 */
function outsideActor(ctx: CheckContext, i: number, p: Predicate): LinkedMention | null {
  for (const m of ctx.mentionsIn[i]) {
    if (m.kind !== 'person') continue;
    const agent = m.start >= p.end && /^\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w’'-]*,?\s+){0,3}$/.test(ctx.text.slice(p.end, m.start));
    const subject = m.end <= p.start && /^\s+(?:(?:has|had|have|was|were|also|then|later|first|initially|previously)\s+)*$/.test(ctx.text.slice(m.end, p.start));
    if ((agent || subject) && !m.entity) return m;
  }
  return null;
}

/**
 * Entities a sentence names as actors: a name only ever written as a possessor of something
 * other than an event ("Baldwin's stunt double fired") is not one.
 */
function actorsIn(ctx: CheckContext, i: number): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.mentionsIn[i]) {
    if (!m.entity) continue;
    const after = ctx.text.slice(m.end, m.end + 40);
    const possessor = /^(?:['’]s?)\s+(?:[\w-]+\s+){0,1}(double|lawyer|lawyers|attorney|attorneys|spokesperson|spokesman|spokeswoman|family|team|representative|representatives|wife|husband|widow|widower|son|daughter|mother|father|friend|assistant|publicist|stand-in)\b/i.test(after);
    if (!possessor) out.add(m.entity);
  }
  for (const r of roleNounsIn(ctx, i)) out.add(r.person);
  return out;
}

function participantsWhy(ctx: CheckContext, i: number, e: CaseEvent): string {
  const nouns = new Set(roleNounsIn(ctx, i).map((r) => r.person));
  const named = (e.participants ?? []).filter((p) => ctx.entitiesIn[i].has(p) || nouns.has(p) || (i > 0 && ctx.entitiesIn[i - 1].has(p)));
  const names = named.map((p) => ctx.index.entities.get(p)?.name ?? p);
  return names.length ? `the sentence names ${names.join(', ')}` : 'it is the only event of that kind in the case';
}

/**
 * Types of event the sentence's other words name ("filed a lawsuit … over the shooting"): a
 * date may belong to one of them rather than to the event it was read with.
 */
function sentenceTypes(ctx: CheckContext, words: Word[], predicates: Predicate[], reading: Exclude<DateReading, { kind: 'other' }>): Set<string> {
  const out = new Set<string>();
  const classes = objectClassesOf(words);
  for (const p of predicates) {
    if (p === reading.predicate) continue;
    for (const t of typesOf(p.entry.sense, classes)) out.add(t);
  }
  void ctx;
  return out;
}

/**
 * Another event of the case on the stated date (at the coarser granularity) that the sentence
 * may be talking about: one of a type its other words name, with a participant it names.
 */
function eventOn(ctx: CheckContext, said: { value: string; granularity: 'year' | 'month' | 'day' }, reading: Exclude<DateReading, { kind: 'other' }>, types: Set<string>, i: number): CaseEvent | null {
  const actors = ctx.entitiesIn[i];
  // Only events of the types the sentence names can be it: looked up by type, not all scanned.
  for (const type of types) {
    // Events of a kind the sentence's own words rule out ("the manslaughter charge", not the lawsuit).
    if (reading.excluded.includes(type) || reading.types.includes(type)) continue;
    for (const e of ctx.index.eventsByType.get(type) ?? []) {
      if (!(e.participants ?? []).some((p) => actors.has(p))) continue;
      if ([e.date, ...(e.otherDates ?? [])].some((d) => sameAtCoarser(said, { value: d, granularity: granularityOf(d)! }))) return e;
    }
  }
  return null;
}

/** An event of the given types on the stated date (at the coarser granularity), as of publication. */
function governedOn(ctx: CheckContext, said: { value: string; granularity: 'year' | 'month' | 'day' }, types: string[]): CaseEvent | null {
  for (const t of types) {
    for (const e of ctx.index.eventsByType.get(t) ?? []) {
      if (ctx.published && !isOnOrBefore(e.date, ctx.published)) continue;
      if ([e.date, ...(e.otherDates ?? [])].some((d) => sameAtCoarser(said, { value: d, granularity: granularityOf(d)! }))) return e;
    }
  }
  return null;
}


function inRange(date: LinkedMention, eventDate: string): boolean {
  return !!date.endValue && date.value! <= eventDate && eventDate <= date.endValue;
}

/** "last October", "last summer": a month or season named with "last" and no year. */
const LAST_PERIOD = /^last\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|fall|autumn|winter)$/i;
/** The month a season ends in (its value is written "2023-SU"). */
const SEASON_END: Record<string, number> = { SP: 5, SU: 8, FA: 11, WI: 2 };

/**
 * The other year a relative month or season may mean. "Last July" in an October article is
 * this year's July (the usual reading, and the one fact-checkers hold writers to); only when
 * that month or season ended just before the article ("last October" in a November article,
 * where "last month" would be the natural words for this year's) may it mean the one a year
 * before. Such a date never makes a conflict, and agrees if either year fits.
 */
function otherYearOf(ctx: CheckContext, date: LinkedMention, said: CalendarDate): CalendarDate | null {
  if (!ctx.published || !LAST_PERIOD.test(ctx.text.slice(date.start, date.end).trim())) return null;
  if (said.value.slice(0, 4) !== ctx.published.slice(0, 4)) return null;
  const part = date.value!.slice(5, 7);
  const endMonth = SEASON_END[part] ?? Number(part);
  if (Number(ctx.published.slice(5, 7)) - endMonth !== 1) return null;
  return { value: `${Number(said.value.slice(0, 4)) - 1}${said.value.slice(4)}`, granularity: said.granularity };
}

/** A written date naming a month with no year and no word placing it ("in July", "on March 3"; not "last July"). */
function withoutYear(written: string): boolean {
  return /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(written) && !/\d{4}|['’]\d{2}\b|\b(?:last|this|next|ago|earlier|later|previous|coming|past)\b/i.test(written);
}

/**
 * "The Baldwins (premiering Feb. 23)": a predicate inside parentheses tells of the words just
 * before them; unless they name the case's work or a participant of the events read, the date
 * is about something the case does not know.
 */
function asideAboutStranger(ctx: CheckContext, i: number, at: number, candidates: CaseEvent[]): boolean {
  const s = ctx.sentences[i];
  const before = ctx.text.slice(s.start, at);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return false;
  const end = s.start + ctx.text.slice(s.start, s.start + open).trimEnd().length;
  const head = ctx.mentionsIn[i].find((m) => m.entity && m.end === end);
  if (!head) return true;
  return ctx.index.entities.get(head.entity!)?.kind !== 'work' && !candidates.some((e) => e.participants?.includes(head.entity!));
}

/** Whether a date one unit (its granularity's) away from `said` fits the event's date. */
function nearBy(said: CalendarDate, eventDate: string): boolean {
  if (said.granularity === 'year') return Math.abs(Number(said.value) - Number(eventDate.slice(0, 4))) <= 1;
  if (said.granularity === 'month') {
    const months = (v: string) => Number(v.slice(0, 4)) * 12 + Number(v.slice(5, 7));
    return eventDate.length >= 7 && Math.abs(months(said.value) - months(eventDate)) <= 1;
  }
  return false;
}

/** The last day of a trial: the first verdict, dismissal or mistrial of one of its participants after it opened (else 60 days on). */
function trialEnd(ctx: CheckContext, trial: CaseEvent): string {
  const ends = ['verdict', 'dismissal', 'mistrial', 'charges-dropped'].flatMap((t) => ctx.index.eventsByType.get(t) ?? []);
  const after = ends.filter((e) => e.date >= trial.date && (e.participants ?? []).some((p) => trial.participants?.includes(p) && ctx.index.accused.has(p))).map((e) => e.date).sort();
  if (after.length) return after[0];
  const d = new Date(`${trial.date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 60);
  return d.toISOString().slice(0, 10);
}
