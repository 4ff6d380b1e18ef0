/**
 * "Murder" for a death the case records otherwise: "the murdered cinematographer Halyna
 * Hutchins", "Halyna was murdered", "found guilty of murder", "the murder trial". Aggregated
 * and machine-rewritten copies of news say it often, and a fact-checker flags it every time.
 * Judged only against the case's own data: a person whose `manner of death` fact is not a
 * homicide (an accident), and charges none of whose names is murder. A quoted, negated,
 * likened ("called it murder") or supposed use is no claim.
 */
import { isVerified, type Fact } from '../cases/format';
import type { CheckedClaim } from './claim';
import type { CheckContext } from './context';
import { insideQuotes } from './reader';

const MANNER = /^manner of death\b/i;
/** Values of a manner of death that murder does not contradict. */
const HOMICIDE = /homicide|murder|undetermined|pending/i;
/** "murdered cinematographer Halyna Hutchins", "the murder of Halyna Hutchins": right before the name. */
const BEFORE_NAME = /\bmurder(?:ed\s+|\s+of\s+)(?:the\s+)?(?:[a-z’'-]+\s+){0,2}$/;
/** "Halyna Hutchins was murdered", "Hutchins, who was murdered": right after the name. */
const AFTER_NAME = /^(?:,\s+who|\s+who)?\s+(?:was|were|had been|got|has been)\s+murdered\b/;
/** Murder as the charge, the trial or the verdict. */
const AS_CHARGE = /\b(?:guilty of|charged with|convicted of|tried for|indicted (?:for|on)|charges? of|trial for|prosecuted for)\s+(?:(?:first|second)[- ]degree\s+)?murder\b|\bmurder\s+(?:trial|charges?|conviction|case)\b/gi;
/** A film's or show's story, told in the sentence. */
const PLOT = /\b(?:plays|played|stars|starring|character|outlaw|plot|storyline|the film follows|the story of|grandson)\b/i;
/** Before the word: it is denied, likened, supposed or someone's accusation. */
const NOT_SAID = /\b(?:not|never|n['’]t|no|nor|without|deny|denies|denied|call(?:s|ed|ing)?|dubbed|likened|liken|rather than|instead of|than|accus(?:e|es|ed|ing)|alleg(?:e|es|ed|ing)|claim(?:s|ed|ing)?|could|would|should|might|may|if|whether)\b[^.;:]*$/i;

/** Check "murder" said of the case's deaths and charges, in articles about the case. */
export function checkMurder(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase) return [];
  const deaths = ctx.index.facts.filter((f) => MANNER.test(f.predicate) && !HOMICIDE.test(String(f.value)));
  const chargeNames = [...new Set(ctx.index.charges.map((c) => c.name))];
  const chargedWithMurder = chargeNames.some((n) => /murder/i.test(n));
  const out: CheckedClaim[] = [];
  ctx.sentences.forEach((s, i) => {
    const sentence = ctx.text.slice(s.start, s.end);
    if (!/murder/i.test(sentence)) return;
    const saidAt = (at: number) => !insideQuotes(ctx.text, s, at) && !NOT_SAID.test(ctx.text.slice(Math.max(s.start, at - 40), at));
    // A victim the case records as dying otherwise.
    for (const m of ctx.mentionsIn[i]) {
      const fact = m.entity && deaths.find((f) => f.subject === m.entity);
      if (!fact) continue;
      const before = BEFORE_NAME.exec(ctx.text.slice(s.start, m.start));
      const after = AFTER_NAME.exec(ctx.text.slice(m.end, s.end));
      const start = before ? s.start + before.index : after ? m.end + after[0].indexOf('murdered') : -1;
      if (start < 0 || !saidAt(start)) continue;
      const end = before ? m.end : start + 'murdered'.length;
      out.push(deathClaim(ctx, fact, before ? start : m.start, end));
    }
    // A charge, trial or verdict for murder, about someone the case charged with something else.
    if (chargedWithMurder || !chargeNames.length) return;
    // A film's plot ("stars as an outlaw whose grandson is convicted of murder") is no claim about the case.
    if (PLOT.test(sentence)) return;
    for (const m of sentence.matchAll(AS_CHARGE)) {
      const start = s.start + m.index!;
      if (!saidAt(start) || !aboutAccused(ctx, i, start, start + m[0].length)) continue;
      const charge = ctx.index.charges[0];
      out.push({
        start, end: start + m[0].length, value: 'murder', expected: chargeNames.join(', '), event: null,
        verdict: 'conflict', claim: 'charged with murder', claimKey: 'charges:murder',
        explanation: `Read as a charge, trial or verdict for murder. The case records no murder charge: the charges were ${chargeNames.join(', ')}.`,
        sources: charge.sources,
      });
    }
  });
  return out;
}

/**
 * Whether the murder charge is said of someone the case charged: the person named nearest
 * before it in its clause ("Gutierrez-Reed was found guilty of murder"), or one named close
 * around "murder trial" ("the murder trial of Alec Baldwin", "Baldwin's murder case").
 */
function aboutAccused(ctx: CheckContext, i: number, start: number, end: number): boolean {
  const people = ctx.mentionsIn[i].filter((x) => x.kind === 'person');
  const subject = [...people].reverse().find((x) => x.end <= start);
  const between = subject ? ctx.text.slice(subject.end, start) : '';
  if (subject?.entity && ctx.index.accused.has(subject.entity) && between.length <= 60 && !/\b(?:who|whose|which|that|while|but)\b|[;:]/i.test(between)) return true;
  if (!/\bmurder\s+(?:trial|charges?|conviction|case)\b/i.test(ctx.text.slice(start, end))) return false;
  return people.some((x) => x.entity && ctx.index.accused.has(x.entity) && (Math.abs(x.end - start) <= 12 || Math.abs(x.start - end) <= 12));
}

function deathClaim(ctx: CheckContext, fact: Fact, start: number, end: number): CheckedClaim {
  const name = ctx.index.entities.get(fact.subject)?.name ?? fact.subject;
  return {
    start, end, value: 'murder', expected: String(fact.value), event: null,
    verdict: isVerified(fact) ? 'conflict' : 'unknown',
    claim: `how ${name} died`, claimKey: `fact:${fact.subject}:${fact.predicate}`,
    explanation: `Read as saying ${name} was murdered. The case records the manner of death as ${fact.value}` + (fact.note ? `. ${fact.note}` : '.'),
    sources: fact.sources,
  };
}
