/**
 * Event scoring shared by date and fact claims: which event of the case a stretch of a
 * sentence talks about, from the trigger words near it and the participants around it.
 */
import type { CaseEvent } from '../cases/format';
import { gap, happenedBy, participantScore, type CheckContext, type TriggerHit } from './context';
import type { Span } from '../recognise/sentences';

export interface ScoredEvent {
  event: CaseEvent;
  score: number;
  triggers: string[];
}

/**
 * Score the events whose triggers appear in `hits` by closeness to `span`. Events after the
 * article's publication are left out: a claim is judged as of the day it was published.
 */
export function scoreEvents(ctx: CheckContext, sentence: number, span: Span, hits: TriggerHit[]): ScoredEvent[] {
  const byEvent = new Map<string, ScoredEvent>();
  for (const hit of hits) {
    if (hit.entry.ownerType !== 'event') continue;
    const event = ctx.index.events.get(hit.entry.owner);
    if (!event || !happenedBy(ctx, event.date)) continue;
    const weight = 1 / (1 + gap(hit, span) / 25);
    const current = byEvent.get(event.id);
    if (!current) byEvent.set(event.id, { event, score: weight, triggers: [hit.entry.text] });
    else {
      current.score = Math.max(current.score, weight) + 0.15;
      if (!current.triggers.includes(hit.entry.text)) current.triggers.push(hit.entry.text);
    }
  }
  const scored: ScoredEvent[] = [];
  for (const s of byEvent.values()) {
    const presence = participantScore(ctx, s.event.participants, sentence);
    if (presence === 0) continue;
    scored.push({ ...s, score: s.score + presence });
  }
  return scored.sort((a, b) => b.score - a.score || b.event.date.localeCompare(a.event.date));
}

/**
 * Give each trigger in a sentence to the nearest of several claim spans, so that in
 * "dismissed … earlier this year … the 2021 death" the word "death" belongs to "2021".
 */
export function assignTriggers(hits: TriggerHit[], spans: Span[]): TriggerHit[][] {
  const out: TriggerHit[][] = spans.map(() => []);
  for (const hit of hits) {
    let best = -1;
    let bestGap = Infinity;
    spans.forEach((s, k) => {
      const g = gap(hit, s);
      if (g < bestGap) {
        bestGap = g;
        best = k;
      }
    });
    if (best >= 0) out[best].push(hit);
  }
  return out;
}

/** An event's label without its parenthesis and afterthoughts: what a card names it by. */
export function shortLabel(e: CaseEvent): string {
  return e.label.replace(/\s*\(.*$/, '').replace(/;.*$/, '');
}
