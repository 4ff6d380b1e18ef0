/**
 * Age claims: "42-year-old Joel Souza", "Joel Souza, 48,". The age written next to a linked
 * person is compared with the ages the case records (each on a day) or the birth date: any
 * age between the one on the recorded day and the one at publication agrees, so a story told
 * years later may give the age at the time; someone who died keeps the age at death.
 */
import { humanDate, isOnOrBefore } from '../dates/calendar';
import { isVerified, type Person } from '../cases/format';
import type { CheckedClaim } from './claim';
import type { CheckContext } from './context';
import { insideQuotes } from './reader';
import { spanIndexAt } from '../recognise/sentences';

const BEFORE = /\b(\d{1,3})-year-old\s+(?:[a-z][\w'-]*\s+){0,3}$/;
const AFTER = /^,\s+(\d{1,3}),/;

/** Check the ages written next to linked people. */
export function checkAges(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase || !ctx.published) return [];
  const out: CheckedClaim[] = [];
  for (const m of ctx.mentions) {
    if (m.kind !== 'person' || !m.entity) continue;
    const person = ctx.index.entities.get(m.entity)?.person;
    if (!person?.ages?.length && !person?.born) continue;
    const i = spanIndexAt(ctx.sentences, m.start);
    if (i < 0 || insideQuotes(ctx.text, ctx.sentences[i], m.start)) continue;
    const left = ctx.text.slice(Math.max(ctx.sentences[i].start, m.start - 50), m.start);
    const before = BEFORE.exec(left);
    const after = before ? null : AFTER.exec(ctx.text.slice(m.end, m.end + 8));
    const written = before ?? after;
    if (!written) continue;
    const age = Number(written[1]);
    const start = before ? m.start - left.length + before.index : m.end + after!.index + after![0].indexOf(after![1]);
    const end = before ? start + before[0].trimEnd().split(/\s+/)[0].length : start + after![1].length;
    const range = expectedAges(ctx, person);
    if (!range) continue;
    const agrees = age >= range.low && age <= range.high;
    const said = range.low === range.high ? `${range.low}` : `${range.low}–${range.high}`;
    out.push({
      start, end, value: String(age), claim: `age of ${person.name}`, claimKey: `person:${m.entity}:age`, expected: said,
      verdict: agrees ? 'consistent' : isVerified(person) ? 'conflict' : 'unknown',
      sources: range.sources,
      explanation: `Read as the age of ${person.name}. The case records ${range.basis}; by this article (${humanDate(ctx.published)}) that makes ${said}.`,
    });
  }
  return out;
}

/** The ages a person can truthfully be given in an article, from the records and the publication day. */
function expectedAges(ctx: CheckContext, person: Person): { low: number; high: number; sources: string[]; basis: string } | null {
  let until = ctx.published!;
  // The dead keep their age at death.
  for (const e of ctx.index.eventsByType.get('death') ?? []) {
    if ((e.participants ?? []).includes(person.id) && isOnOrBefore(e.date, until)) until = e.date.length === 10 ? e.date : until;
  }
  const record = person.ages?.[0];
  if (record) {
    const years = yearsBetween(record.on, until);
    const low = record.age + Math.min(0, Math.floor(years));
    const high = record.age + Math.max(0, Math.ceil(years));
    return { low, high, sources: record.sources, basis: `${person.name} as ${record.age} on ${humanDate(record.on)}` };
  }
  if (person.born) {
    const born = Number(person.born.slice(0, 4));
    const y = Number(until.slice(0, 4));
    const exact = person.born.length === 10 ? Math.floor(yearsBetween(person.born, until)) : null;
    return { low: exact ?? y - born - 1, high: exact ?? y - born, sources: person.sources, basis: `${person.name} born ${humanDate(person.born)}` };
  }
  return null;
}

function yearsBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / (365.2425 * 86400000);
}
