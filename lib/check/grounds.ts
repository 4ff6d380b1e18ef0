/**
 * Why a case was dismissed: "closed the case against Baldwin, citing insufficient evidence",
 * "thrown out due to a lack of progress". The reason written after a dismissal is sorted into a
 * few kinds (withheld evidence, insufficient evidence, inactivity, new facts, jurisdiction) and
 * compared with the `dismissal grounds` the case records for the dismissals the sentence can
 * mean — by the kind of case it names, the date it gives and the people it names. It agrees when
 * any of them had that kind of reason, and conflicts only when none did.
 */
import { granularityOf, humanDate, sameAtCoarser } from '../dates/calendar';
import { isVerified, type CaseEvent, type Fact } from '../cases/format';
import type { CheckedClaim } from './claim';
import { shortLabel } from './events';
import { happenedBy, sentenceDates, type CheckContext } from './context';
import { insideQuotes } from './reader';
import { actorsOf } from './actors';

/** Kinds of reason, each with the words that give it. First match wins. */
const KINDS: [string, RegExp][] = [
  ['withheld evidence', /\b(?:withh[eo]ld|withholding|conceal(?:ed|ing|ment)?|hid|hidden|hiding|suppress(?:ed|ion)?|buried|cover-?up|brady|discovery violations?|misconduct|mishandl\w*)\b/i],
  ['insufficient evidence', /\b(?:insufficient|lack of|not enough|no|too little)\s+(?:\w+\s+)?(?:evidence|proof)\b/i],
  ['inactivity', /\b(?:inactivity|(?:lack|absence) of (?:any )?(?:significant )?(?:activity|action|progress|movement|prosecution)|failure to prosecute|no (?:significant )?(?:progress|activity|action|movement))\b/i],
  ['new facts', /\b(?:new (?:facts|evidence|information)|further investigation|more time to investigate)\b/i],
  ['jurisdiction', /\bjurisdiction\b/i],
];
/** A dismissal written out ("dismissed", "threw out", "closed the case"). */
const DISMISSED = /\b(?:dismiss(?:ed|es|ing|al)?|dropp(?:ed|ing)|drops?|toss(?:ed|es|ing)?|threw out|thrown out|throws? out|closed|closes)\b/gi;
/** Words that introduce the reason, and what follows (the reason itself). */
const BECAUSE = /^[^.;:!?]{0,120}?\b(?:citing|because(?: of)?|due to|over|on (?:the )?grounds (?:of|that)|for lack of|after (?:finding|concluding|ruling)(?: that)?|saying)\b([^.;:!?]{0,80})/i;
/** Before the dismissal word: a request for one, or one denied or supposed. */
const NOT_DONE = /\b(?:request(?:ed|s)?|motion|asked|ask(?:ing)?|seek(?:ing|s)?|sought|want(?:ed|s)?|mov(?:ed|es|ing) to|could|would|might|may|if|whether|not|never|refused|denied)\b[^.;:!?]{0,40}$/i;
const SUIT = /\b(?:lawsuit|suit|complaint|civil)\b/i;
const CRIMINAL = /\b(?:charges?|manslaughter|indictment|prosecution|criminal)\b/i;

/** Check the reasons given for dismissals in an article about the case. */
export function checkGrounds(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase) return [];
  const grounds = ctx.index.facts.filter((f) => f.predicate === 'dismissal grounds' && ctx.index.events.has(f.subject));
  if (!grounds.length) return [];
  const out: CheckedClaim[] = [];
  ctx.sentences.forEach((s, i) => {
    const sentence = ctx.text.slice(s.start, s.end);
    if (!/dismiss|drop|toss|thr[eo]w|closed|closes/i.test(sentence)) return;
    for (const m of sentence.matchAll(DISMISSED)) {
      const at = s.start + m.index!;
      if (/^clos/i.test(m[0]) && !/^\s+(?:the|his|her|its|their)\s+(?:\w+\s+)?case\b/i.test(sentence.slice(m.index! + m[0].length))) continue;
      if (NOT_DONE.test(sentence.slice(0, m.index)) || insideQuotes(ctx.text, s, at)) continue;
      const because = BECAUSE.exec(sentence.slice(m.index! + m[0].length));
      if (!because) continue;
      const reason = because[1];
      const kind = kindOf(reason);
      if (!kind) continue;
      const words = KINDS.find(([k]) => k === kind)![1].exec(reason)!;
      const what = sentence.slice(Math.max(0, m.index! - 60), m.index! + m[0].length + (because.index ?? 0) + because[0].length - reason.length);
      const events = candidates(ctx, i, what, grounds);
      if (!events.length) continue;
      // The claim spans the words that give the reason ("insufficient evidence", "lack of activity").
      const start = s.start + m.index! + m[0].length + because[0].length - reason.length + words.index;
      out.push(claimOf(ctx, events, kind, start, start + words[0].length));
      break;
    }
  });
  return out;
}

/** The kind of reason some words give, if any. */
function kindOf(words: string): string | null {
  return KINDS.find(([, re]) => re.test(words))?.[0] ?? null;
}

/** Dismissals with recorded grounds that the sentence can mean: of the case it names, on its date, with its people. */
function candidates(ctx: CheckContext, i: number, what: string, grounds: Fact[]): { event: CaseEvent; fact: Fact }[] {
  const suit = SUIT.test(what);
  const criminal = CRIMINAL.test(what);
  let found = grounds.map((fact) => ({ fact, event: ctx.index.events.get(fact.subject)! }))
    .filter(({ event }) => happenedBy(ctx, event.date))
    .filter(({ event }) => (event.type === 'suit-dismissed' ? !criminal || suit : !suit || criminal));
  const dates = sentenceDates(ctx, i);
  if (dates.length) found = found.filter(({ event }) => dates.some((d) => sameAtCoarser(d, { value: event.date, granularity: granularityOf(event.date)! })));
  const people = new Set(actorsOf(ctx, i).map((a) => a.person).filter((p) => p !== null));
  if (i > 0 && !people.size) for (const id of ctx.entitiesIn[i - 1]) people.add(id);
  return found.filter(({ event }) => (event.participants ?? []).some((p) => people.has(p)));
}

function claimOf(ctx: CheckContext, events: { event: CaseEvent; fact: Fact }[], kind: string, start: number, end: number): CheckedClaim {
  const agree = events.find(({ fact }) => kindOf(String(fact.value)) === kind);
  const { event, fact } = agree ?? events[events.length - 1];
  const label = shortLabel(event);
  const others = events.filter((e) => e.event !== event).map((e) => `${humanDate(e.event.date)}: ${e.fact.value}`);
  return {
    start, end, value: kind, expected: String(fact.value), event: event.id,
    verdict: agree ? 'consistent' : events.every((e) => isVerified(e.fact)) ? 'conflict' : 'unknown',
    claim: `dismissal grounds of: ${label}`, claimKey: `fact:${event.id}:dismissal grounds`,
    explanation: `Read as the reason for “${label}” (${humanDate(event.date)}): ${kind}. The case records ${fact.value}` + (fact.note ? ` — ${fact.note}` : '.') +
      (!agree && others.length ? ` Other dismissals the sentence may mean: ${others.join('; ')}.` : ''),
    sources: fact.sources,
  };
}
