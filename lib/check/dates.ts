/**
 * Date claims: a date in a sentence is tied to the event it talks about (trigger words near
 * it, participants around it), then compared with the event's date at the coarser of the
 * two granularities. Where several events fit ("dismissed" — in 2023 by the prosecutors, in
 * 2024 by the judge), the date agrees if it fits any of the likely ones.
 */
import { humanDate, sameAtCoarser, truncate, coarser } from '../dates/calendar';
import { checkableDate } from '../dates/periods';
import { isVerified } from '../cases/format';
import { spanIndexAt } from '../recognise/sentences';
import type { LinkedMention } from '../link/link';
import type { CheckedClaim } from './claim';
import type { CheckContext } from './context';
import { assignTriggers, scoreEvents, type ScoredEvent } from './events';

const MIN_SCORE = 0.45;

/** Check every date mention of an article about the case. */
export function checkDates(ctx: CheckContext): Map<LinkedMention, CheckedClaim> {
  const out = new Map<LinkedMention, CheckedClaim>();
  if (!ctx.aboutCase) return out;
  // Weeks, quarters and seasons are checked at their year; decades and vague references not at all.
  const dates = ctx.mentions.filter((m) => m.kind === 'date' && m.value && m.granularity && checkableDate(m.value, m.granularity));
  const bySentence = new Map<number, LinkedMention[]>();
  for (const d of dates) {
    const i = spanIndexAt(ctx.sentences, d.start);
    if (i < 0) continue;
    bySentence.set(i, [...(bySentence.get(i) ?? []), d]);
  }
  for (const [i, list] of bySentence) {
    const assigned = assignTriggers(ctx.triggersIn[i], list);
    list.forEach((date, k) => {
      const claim = judge(date, scoreEvents(ctx, i, date, assigned[k]));
      if (claim) out.set(date, claim);
    });
  }
  return out;
}

function judge(date: LinkedMention, scored: ScoredEvent[]): CheckedClaim | null {
  const likely = scored.filter((s) => s.score >= MIN_SCORE && s.score >= scored[0].score * 0.5);
  if (!likely.length) return null;
  const said = checkableDate(date.value!, date.granularity!)!;
  const fits = (s: ScoredEvent) => sameAtCoarser(said, { value: s.event.date, granularity: s.event.granularity }) || inRange(date, s.event.date);
  const match = likely.find(fits);
  const best = match ?? likely[0];
  const event = best.event;
  const others = likely.filter((s) => s !== best).map((s) => `${s.event.label} (${humanDate(s.event.date)})`);
  const base = {
    start: date.start,
    end: date.end,
    claim: `date of: ${event.label}`,
    claimKey: `event:${event.id}:date`,
    value: said.value,
    sources: event.sources,
  };
  if (match) {
    return { ...base, verdict: 'consistent', expected: event.date, explanation: `The case dates this to ${humanDate(event.date)}.` };
  }
  if (!isVerified(event)) {
    return { ...base, verdict: 'unknown', expected: event.date, explanation: `The case dates this to ${humanDate(event.date)}, but marks it ${event.status}: not used to flag.` };
  }
  const g = coarser(said.granularity, event.granularity);
  return {
    ...base,
    verdict: 'conflict',
    expected: event.date,
    explanation: `The article says ${humanDate(truncate(said.value, g))}; the case dates “${event.label.replace(/\s*\(.*$/, '')}” to ${humanDate(event.date)}.` +
      (others.length ? ` Other events this sentence may mean: ${others.join('; ')} — none on that date either.` : ''),
  };
}

function inRange(date: LinkedMention, eventDate: string): boolean {
  return !!date.endValue && date.value! <= eventDate && eventDate <= date.endValue;
}
