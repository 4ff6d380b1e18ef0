/**
 * Valued fact claims: the court a suit was filed in (`ref`), a sentence's length
 * (`duration`), whether charges can be refiled (`boolean`). A fact's trigger words find the
 * claim; the fact's subject event is chosen by the participants around it, as of the
 * article's publication date; the value written is compared with the value recorded.
 */
import { humanDate, isOnOrBefore } from '../dates/calendar';
import { insideQuotes } from './reader';
import { isVerified, type CaseEvent, type Fact } from '../cases/format';
import type { LinkedMention } from '../link/link';
import type { CheckedClaim } from './claim';
import { happenedBy, participantScore, type CheckContext, type TriggerHit } from './context';

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36,
};
const DURATION = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty-four|thirty|thirty-six)[\s-](day|week|month|year)s?\b(?![\s-]+old)/gi;
/** "up to three years", "a maximum of 18 months": a maximum penalty, not a sentence handed down. */
const MAXIMUM_BEFORE = /\b(up to|as much as|as many as|maximum(?: sentence| penalty)?(?: of)?|at most|no more than)\s+$/i;
/** Words that make a stated maximum one of prison time. */
const PENALTY_WORDS = /\b(prison|jail|sentence|penalty|behind bars|imprisonment|incarceration)\b/i;
/** Words before a duration that make it time served or elapsed. */
const ELAPSED_BEFORE = /\b(?:after serving|having served|served|spent|spending|after|almost|nearly|about|roughly|more than|some|past|last|first|within)\s+$/i;
/** …and after it. */
const ELAPSED_AFTER = /^\s+(?:of\s+(?:legal|court|the|her|his|their|litigation|wrangling|disputes?)|into|later|ago|after|before|since|behind bars|so far|already)\b/i;
/** Offences a penalty may add up over ("involuntary manslaughter and evidence tampering … up to three years"). */
const OFFENCES = /\b(?:tamper(?:ing)?|obstruction|conspiracy|fraud|murder|assault|perjury|endangerment|negligence|negligent|possession|battery|homicide|enhancement|counts?\s+of\s+\w+)\b/i;
const NEGATION = /\b(cannot|can ?not|can't|can’t|could not|couldn't|couldn’t|won't|won’t|will not|would not|not|never|no longer|barred from|unable to|without the ability to)\b[\w\s’']{0,20}$/i;
/** Modals of intent: a plan told, not a state. */
const INTENT = /^(will|would|plans? to|intends? to)$/i;
const MODAL = /\b(may|might|could|can|will|would|plan to|plans to|intend to|intends to|able to|free to)\s+(?:be\s+|have\s+been\s+|still\s+)?$/i;

/** Check valued facts in every sentence of an article about the case. */
export function checkFacts(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase) return [];
  const out: CheckedClaim[] = penaltyClaims(ctx);
  ctx.triggersIn.forEach((hits, i) => {
    const factHits = hits.filter((h) => h.entry.ownerType === 'fact');
    if (!factHits.length) return;
    out.push(...refClaims(ctx, i, factHits), ...durationClaims(ctx, i, factHits), ...booleanClaims(ctx, i, factHits));
  });
  return out;
}

function factOf(ctx: CheckContext, hit: TriggerHit): Fact | undefined {
  return ctx.index.facts.find((f) => f.id === hit.entry.owner);
}

/** Score a fact's subject event for sentence `i`; 0 when it is not what the sentence is about. */
function subjectScore(ctx: CheckContext, fact: Fact, i: number, asOf: string | null = ctx.published): { score: number; event: CaseEvent | null } {
  const event = ctx.index.events.get(fact.subject) ?? null;
  if (event && asOf && !isOnOrBefore(event.date, asOf)) return { score: 0, event };
  if (event && !happenedBy(ctx, event.date)) return { score: 0, event };
  const participants = event ? event.participants : [fact.subject];
  const presence = participantScore(ctx, participants, i);
  if (!presence) return { score: 0, event };
  const triggered = event ? ctx.triggersIn[i].some((h) => h.entry.ownerType === 'event' && h.entry.owner === event.id) : false;
  return { score: presence + (triggered ? 0.5 : 0), event };
}

/** Among facts that could answer a claim, the one the sentence is about; ties go to the latest. */
function pickFact(ctx: CheckContext, facts: Fact[], i: number) {
  let best: { fact: Fact; score: number; event: CaseEvent | null } | null = null;
  for (const fact of new Set(facts)) {
    const { score, event } = subjectScore(ctx, fact, i);
    if (score <= 0) continue;
    if (!best || score > best.score || (score === best.score && (event?.date ?? '') > (best.event?.date ?? ''))) best = { fact, score, event };
  }
  return best;
}

function claimOf(ctx: CheckContext, fact: Fact, event: CaseEvent | null, start: number, end: number, value: string, agrees: boolean, expected: string): CheckedClaim {
  const subject = event?.label.replace(/\s*\(.*$/, '') ?? ctx.index.entities.get(fact.subject)?.name ?? fact.subject;
  const verdict = agrees ? 'consistent' : isVerified(fact) ? 'conflict' : 'unknown';
  return {
    start, end, verdict, value, expected,
    claim: `${fact.predicate} of: ${subject}`,
    claimKey: `fact:${fact.subject}:${fact.predicate}`,
    explanation: `The case records ${fact.predicate} = ${expected}` + (event ? ` (${humanDate(event.date)})` : '') + '.' + (fact.note ? ` ${fact.note}` : ''),
    sources: fact.sources,
  };
}

function refClaims(ctx: CheckContext, i: number, hits: TriggerHit[]): CheckedClaim[] {
  const out: CheckedClaim[] = [];
  const refHits = hits.filter((h) => factOf(ctx, h)?.type === 'ref');
  const seen = new Set<number>();
  for (const hit of refHits) {
    if (seen.has(hit.start)) continue;
    seen.add(hit.start);
    const named: LinkedMention | undefined = ctx.mentionsIn[i].find((m) => m.entity && !m.work && m.start >= hit.end && m.start - hit.end <= 40 && !/[.;]/.test(ctx.text.slice(hit.end, m.start)));
    if (!named) continue;
    // Only a name of the same kind as the recorded value answers the claim: "lawsuit in Santa
    // Fe" names a city, "filed in the case against Gutierrez" a person — neither is a court.
    const recordedKinds = new Set(ctx.index.facts.filter((f) => f.type === 'ref' && f.predicate === factOf(ctx, hit)!.predicate).map((f) => ctx.index.entities.get(String(f.value))?.kind));
    if (!recordedKinds.has(ctx.index.entities.get(named.entity!)?.kind)) continue;
    if (/^\s*the\s+(case|matter|lawsuit|suit)\b/i.test(ctx.text.slice(hit.end, named.start))) continue;
    const sameStart = refHits.filter((h) => h.start === hit.start).map((h) => factOf(ctx, h)!);
    const predicate = sameStart[0].predicate;
    const candidates = ctx.index.facts.filter((f) => f.type === 'ref' && f.predicate === predicate);
    const agreeing = candidates.find((f) => f.value === named.entity && subjectScore(ctx, f, i).score > 0);
    const best = agreeing ? { fact: agreeing, event: ctx.index.events.get(agreeing.subject) ?? null } : pickFact(ctx, candidates, i);
    if (!best) continue;
    const expectedName = ctx.index.entities.get(String(best.fact.value))?.name ?? String(best.fact.value);
    out.push(claimOf(ctx, best.fact, best.event, hit.start, named.end, named.entity!, named.entity === best.fact.value, expectedName));
  }
  return out;
}

function durationClaims(ctx: CheckContext, i: number, hits: TriggerHit[]): CheckedClaim[] {
  const facts = hits.map((h) => factOf(ctx, h)!).filter((f) => f.type === 'duration');
  if (!facts.length) return [];
  const { start, end } = ctx.sentences[i];
  const sentence = ctx.text.slice(start, end);
  const out: CheckedClaim[] = [];
  for (const m of sentence.matchAll(DURATION)) {
    if (MAXIMUM_BEFORE.test(sentence.slice(0, m.index))) continue; // a maximum, not a sentence handed down
    // Time served or elapsed ("after serving 14 months", "behind bars for almost seven months",
    // "nearly three years of legal disputes"), not the sentence's length.
    if (ELAPSED_BEFORE.test(sentence.slice(0, m.index)) || ELAPSED_AFTER.test(sentence.slice(m.index! + m[0].length))) continue;
    const n = /\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    const unit = m[2].toLowerCase();
    const said = `P${n}${unit === 'day' ? 'D' : unit === 'week' ? 'W' : unit === 'month' ? 'M' : 'Y'}`;
    const best = pickFact(ctx, facts, i);
    if (!best) continue;
    const recorded = String(best.fact.value);
    out.push(claimOf(ctx, best.fact, best.event, start + m.index!, start + m.index! + m[0].length, said, sameDuration(said, recorded), describeDuration(recorded)));
  }
  return out;
}

/**
 * States ("can be refiled"): claimed only with a modal, a negation or "with/without prejudice"
 * before the word — a bare "refiled it in January" tells an action, not a state. The object
 * must be of the subject's kind (charges for a criminal case, not "refiling" a lawsuit). The
 * state is judged as of the day the sentence describes when it dates a past statement
 * ("dropped the charge on April 21, 2023, saying it could be refiled"), else of publication.
 */
function booleanClaims(ctx: CheckContext, i: number, hits: TriggerHit[]): CheckedClaim[] {
  const out: CheckedClaim[] = [];
  const byStart = new Map<number, TriggerHit>();
  for (const h of hits) if (factOf(ctx, h)?.type === 'boolean' && !byStart.has(h.start)) byStart.set(h.start, h);
  const sentence = ctx.sentences[i];
  for (const hit of byStart.values()) {
    const predicate = factOf(ctx, hit)!.predicate;
    const before = ctx.text.slice(Math.max(sentence.start, hit.start - 40), hit.start);
    const negated = NEGATION.exec(before);
    const modal = MODAL.exec(before);
    if (!negated && !modal) continue;
    // "they will be refiling the case", "plans to refile": someone's plan, not whether it can be.
    if (!negated && INTENT.test(modal![1])) continue;
    if (insideQuotes(ctx.text, sentence, hit.start)) continue;
    const said = !negated;
    const spanStart = negated ? hit.start - before.length + negated.index : modal ? hit.start - before.length + modal.index : hit.start;
    const clause = ctx.text.slice(sentence.start, sentence.end);
    const asOf = statedTime(ctx, i, clause);
    const candidates = ctx.index.facts.filter((f) => f.type === 'boolean' && f.predicate === predicate);
    const present = candidates
      .map((f) => ({ f, ...subjectScore(ctx, f, i, asOf) }))
      .filter((c) => c.score > 0 && objectFits(ctx, c.event, clause, ctx.text.slice(hit.end, hit.end + 40)))
      .sort((a, b) => (b.event?.date ?? '').localeCompare(a.event?.date ?? ''));
    if (!present.length) continue;
    const { f, event } = present[0];
    const claim = claimOf(ctx, f, event, spanStart, hit.end, String(said), f.value === said, String(f.value));
    if (asOf !== ctx.published) claim.explanation = `Judged as of ${humanDate(asOf!)}, the day the sentence describes. ${claim.explanation}`;
    out.push(claim);
  }
  return out;
}

/** Suit words for a criminal case's state (or charge words for a suit's) mean another matter. */
function objectFits(ctx: CheckContext, event: CaseEvent | null, clause: string, after: string): boolean {
  if (!event) return true;
  // The word's own object first ("refile charges against Baldwin"), else the whole sentence.
  const own = /^\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:(charges?|case|indictment|prosecution)|(lawsuit|suit|complaint))\b/i.exec(after);
  const civil = own ? !!own[2] : /\b(lawsuit|suit|complaint|civil)\b/i.test(clause);
  const criminal = own ? !!own[1] : /\b(charges?|criminal|prosecution|indictment|manslaughter)\b/i.test(clause);
  const eventIsCivil = (event.type ?? '').startsWith('suit-');
  return eventIsCivil ? civil && !criminal : criminal && !civil;
}

/** The day a sentence's state is judged at: a past date it tells a past statement on, else publication. */
function statedTime(ctx: CheckContext, i: number, sentence: string): string | null {
  if (!/\b(saying|said|noted|added|stating|announcing|indicating)\b/i.test(sentence) || /\b(has|have)\s+(said|noted|indicated|stated)\b/i.test(sentence)) return ctx.published;
  const dated = ctx.mentionsIn[i].filter((m) => m.kind === 'date' && m.granularity === 'day' && m.value && (!ctx.published || m.value <= ctx.published));
  return dated.length === 1 ? dated[0].value! : ctx.published;
}

/**
 * Maximum penalties: "faces up to three years in prison". Compared with the maximum of the
 * charges the case records whose name the article uses (of the matters against the people the
 * sentence names, when it names one); agrees with any of them, conflicts only with all.
 */
function penaltyClaims(ctx: CheckContext): CheckedClaim[] {
  const out: CheckedClaim[] = [];
  const lower = ctx.text.toLowerCase();
  const charges = ctx.index.charges.filter((c) => c.maximumPenalty && lower.includes(c.name.toLowerCase()));
  if (!charges.length) return out;
  ctx.sentences.forEach((s, i) => {
    const sentence = ctx.text.slice(s.start, s.end);
    if (!PENALTY_WORDS.test(sentence) || insideQuotes(ctx.text, s, s.start + 1)) return;
    for (const m of sentence.matchAll(DURATION)) {
      if (!MAXIMUM_BEFORE.test(sentence.slice(0, m.index))) continue;
      const n = /\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
      const unit = m[2].toLowerCase();
      const said = `P${n}${unit === 'day' ? 'D' : unit === 'week' ? 'W' : unit === 'month' ? 'M' : 'Y'}`;
      // "had been facing up to five years": a state that ended (a dropped enhancement), not today's maximum.
      const former = /\bhad\s+(?:been\s+)?(?:[\w’'-]+\s+){0,2}$/i.test(sentence.slice(0, m.index).replace(MAXIMUM_BEFORE, ''));
      // Another offence named in the sentence: the penalty may be the total over the charges.
      const otherOffence = OFFENCES.exec(charges.reduce((rest, c) => rest.replaceAll(c.name.toLowerCase(), ' '), sentence.toLowerCase()));
      const named = charges.filter((c) => c.defendants.some((d) => ctx.entitiesIn[i].has(d)));
      const relevant = named.length ? named : charges;
      const match = relevant.find((c) => sameDuration(said, c.maximumPenalty!));
      const best = match ?? relevant[0];
      const allAgree = relevant.every((c) => sameDuration(c.maximumPenalty!, best.maximumPenalty!));
      // Charges reduced after the article ("Firearm enhancement removed" a month later): the maximum it was written under may have been higher.
      const reducedLater = (ctx.index.eventsByType.get('charge-reduced') ?? []).find((e) => !!ctx.published && e.date > ctx.published && relevant.some((c) => c.defendants.some((d) => e.participants?.includes(d))));
      const verdict = match ? 'consistent' : allAgree && !former && !otherOffence && !reducedLater ? 'conflict' : 'unknown';
      out.push({
        start: s.start + m.index!, end: s.start + m.index! + m[0].length, verdict, value: said, event: null,
        claim: `maximum penalty for ${best.name}`, claimKey: `charge:${best.name}:maximum penalty`, expected: describeDuration(best.maximumPenalty!),
        sources: best.sources,
        explanation: `Read as the maximum penalty for ${best.name} (“${sentence.slice(Math.max(0, m.index! - 12), m.index!).trim()} …”). The case records ${describeDuration(best.maximumPenalty!)}` +
          (!allAgree ? ', but its matters differ; not flagged.' : reducedLater && !match ? `; not flagged: the charges were reduced after this article (${reducedLater.date}), so the maximum then may have been higher.` : otherOffence && !match ? `; not flagged: the sentence names another offence too (“${otherOffence[0]}”), and the penalty may be the total.` : former && !match ? '; not flagged: the sentence tells a former state ("had been facing"), which may have changed since.' : '.'),
      });
    }
  });
  return out;
}

function toDays(iso: string): number {
  const m = /^P(\d+)([DWMY])$/.exec(iso);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'D' ? n : m[2] === 'W' ? n * 7 : m[2] === 'M' ? n * 30.44 : n * 365.25;
}

function sameDuration(a: string, b: string): boolean {
  return Math.abs(toDays(a) - toDays(b)) < 1;
}

function describeDuration(iso: string): string {
  const m = /^P(\d+)([DWMY])$/.exec(iso);
  if (!m) return iso;
  const unit = { D: 'day', W: 'week', M: 'month', Y: 'year' }[m[2] as 'D'];
  return `${m[1]} ${unit}${m[1] === '1' ? '' : 's'}`;
}
