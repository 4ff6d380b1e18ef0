/**
 * Who did what, for judges: "Judge Bryan Biedscheid … dismissed the lawsuit" (another judge
 * did), "A judge today ruled Baldwin will be charged" (a district attorney announced it). The
 * event a judge's verb names is found as date claims find theirs (its kind, the people the
 * sentence names, the date it gives), and compared with who the case records taking part:
 * a named judge conflicts when every such event had another judge and not them; "a judge" when
 * no such event had a judge or a court at all. Anything less certain says nothing.
 */
import { granularityOf, sameAtCoarser } from '../dates/calendar';
import { isVerified, type CaseEvent } from '../cases/format';
import type { CheckedClaim } from './claim';
import { shortLabel } from './events';
import { happenedBy, sentenceDates, type CheckContext } from './context';
import { insideQuotes, objectClassesOf, readWords, type Predicate, type Word } from './reader';
import { typesOf } from './lexicon';
import { actorsOf, type Actor } from './actors';
import { isPastForm } from './lemma';

/** A relative clause set off by commas after the agent ("Judge X, who oversees the case, …"). */
const RELATIVE = /^,\s+(?:who|whom|whose)\b[^,]{0,120},/i;
/** Words that open another clause between the agent and a verb: the verb is someone else's. */
const OTHER_CLAUSE = /\b(?:that|which|when|after|before|because|while|since|although|though|but|if|as|once|until|whereas|saying|according|said|says|told|tells|wrote|writes|noted|argued|found|finds|ruled|added|stated|claimed|explained|believed|thought)\b|[;:()—–]/i;
/** A judge's ruling that announces what will happen ("ruled Baldwin will be charged"). */
const ANNOUNCING = /^\s+(?:\w+ly\s+|today\s+|on\s+\w+\s+)?(?:ruled|decided|determined|announced|declared|said)\b(?:\s+that)?\s+([^,;:.]{0,80}?)\b(?:will|would)\s+be\s+$/i;
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$/i;

/** Check who a sentence says did an event, where that is a judge. */
export function checkAgents(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase) return [];
  const judges = judgesOf(ctx);
  const out: CheckedClaim[] = [];
  ctx.sentences.forEach((s, i) => {
    const all = actorsOf(ctx, i);
    const actors = all.filter((a) => a.title === 'judge' || (a.person && judges.has(a.person)));
    if (!actors.length) return;
    const { words, predicates } = readWords(ctx.text, s, ctx.index.triggerLexicon);
    for (const agent of actors) {
      if (insideQuotes(ctx.text, s, agent.start)) continue;
      const found = eventOf(ctx, words, predicates, all, agent);
      if (!found) continue;
      const claim = judge(ctx, i, words, agent, found.predicate, found.types, judges);
      if (claim) out.push(claim);
    }
  });
  return out;
}

/** The event predicate the agent is the subject of, with the types it names. */
function eventOf(ctx: CheckContext, words: Word[], predicates: Predicate[], all: Actor[], agent: Actor): { predicate: Predicate; types: string[] } | null {
  const classes = objectClassesOf(words);
  for (const p of predicates) {
    if (p.start < agent.end || p.entry.sense.nounOnly) continue;
    let between = ctx.text.slice(agent.end, p.start);
    const relative = RELATIVE.exec(between);
    if (relative) between = between.slice(relative[0].length);
    const first = words.find((w) => w.start === p.start)!;
    // "ruled Baldwin will be charged": the judge announces it.
    const announced = ANNOUNCING.exec(between);
    if (announced) {
      const types = typesOf(p.entry.sense, classes).includes('charge') ? ['charges-announced'] : [];
      return types.length ? { predicate: p, types } : null;
    }
    if (OTHER_CLAUSE.test(between) || all.some((a) => a.start >= agent.end + (relative?.[0].length ?? 0) && a.end <= p.start)) return null;
    if (!isPastForm(first.lower) || PASSIVE_BEFORE.test(between) || /\b(?:not|never|n['’]t|could|would|might|may|should|asked|sought|wanted|to)\s+$/i.test(between)) return null;
    const types = typesOf(p.entry.sense, classes);
    return types.length ? { predicate: p, types } : null;
  }
  return null;
}

function judge(ctx: CheckContext, i: number, words: Word[], agent: Actor, p: Predicate, types: string[], judges: Set<string>): CheckedClaim | null {
  let events = types.flatMap((t) => ctx.index.eventsByType.get(t) ?? []).filter((e) => happenedBy(ctx, e.date));
  if (!events.length) return null;
  // The people the sentence names besides the agent, and the dates it gives, narrow the events.
  const others = new Set(actorsOf(ctx, i).filter((a) => a !== agent && a.person).map((a) => a.person!));
  const withOthers = events.filter((e) => (e.participants ?? []).some((x) => others.has(x)));
  if (withOthers.length) events = withOthers;
  const dated = events.filter((e) => sentenceDates(ctx, i).some((d) => [e.date, ...(e.otherDates ?? [])].some((v) => sameAtCoarser(d, { value: v, granularity: granularityOf(v)! }))));
  if (dated.length) events = dated;
  const courts = (e: CaseEvent) => (e.participants ?? []).filter((x) => judges.has(x) || /\bcourt\b/i.test(ctx.index.entities.get(x)?.name ?? ''));
  const what = ctx.text.slice(p.start, p.end);
  const base = { start: agent.start, end: agent.end, event: events[0].id, sources: events[0].sources };
  if (agent.title === 'judge') {
    // "a judge": no event of that kind had a judge or a court.
    if (events.some((e) => courts(e).length)) return null;
    const who = [...new Set(events.flatMap((e) => (e.participants ?? []).filter((x) => ctx.index.entities.get(x)?.kind === 'person' && !ctx.index.accused.has(x))))];
    const names = who.map((x) => ctx.index.entities.get(x)?.name ?? x);
    return {
      ...base, verdict: events.every(isVerified) ? 'conflict' : 'unknown', value: 'judge', expected: names.join(', ') || null,
      claim: `who ${what}`, claimKey: `event:${events[0].id}:agent`,
      explanation: `Read as saying a judge ${what} (“${shortLabel(events[0])}”). The case records no judge or court in it` + (names.length ? `: it was ${names.join(', ')}.` : '.'),
    };
  }
  const person = agent.person!;
  if (events.some((e) => e.participants?.includes(person))) return null;
  const theirs = events.map((e) => courts(e).filter((x) => judges.has(x)));
  if (theirs.some((list) => !list.length)) return null;
  const names = [...new Set(theirs.flat())].map((x) => ctx.index.entities.get(x)?.name ?? x);
  const name = ctx.index.entities.get(person)?.name ?? person;
  return {
    ...base, verdict: events.every(isVerified) ? 'conflict' : 'unknown', value: person, expected: names.join(', '),
    claim: `who ${what}`, claimKey: `event:${events[0].id}:agent`,
    explanation: `Read as saying Judge ${name} ${what} (“${shortLabel(events[0])}”). The case records Judge ${names.join(', ')} for it, not ${name}.`,
  };
}

/** People of the case who have held a judge's role. */
function judgesOf(ctx: CheckContext): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.index.entities.values()) if (e.person?.roles?.some((r) => /\bjudge\b/i.test(r.role))) out.add(e.id);
  return out;
}

