/**
 * Outcome words: "Baldwin was acquitted", "after being acquitted of involuntary manslaughter",
 * "Baldwin's conviction". A verdict claimed for someone charged in the case is compared with
 * how the case records their prosecutions ending: a verdict, or a dismissal. It conflicts only
 * when the case holds no verdict for that person and a dismissal had ended a prosecution by the
 * article's date; a person with a verdict (acquitted of one count, convicted of another) or a
 * prosecution still open is left alone.
 */
import { humanDate } from '../dates/calendar';
import { isVerified, type CaseEvent } from '../cases/format';
import type { CheckedClaim } from './claim';
import { shortLabel } from './events';
import { happenedBy, type CheckContext } from './context';
import { insideQuotes } from './reader';
import { actorBefore, actorRightAfter, actorsOf } from './actors';

/** Words of a verdict, and which one. */
const OUTCOME = /\b(acquitt(?:ed|al)|found not guilty|not guilty verdict|convicted|conviction|found guilty|guilty verdict)\b/gi;
/** Before the word: denied, supposed or pending ("never convicted", "if convicted", "could be acquitted"). */
const NOT_SAID = /\b(?:not|never|no|n['’]t|without|nor|if|unless|could|would|might|may|can|should|whether|faces?|facing|risk|seek|seeking|hopes?|pending|possible|potential|before)\b[^.;:!?]{0,25}$/i;
/** Verbs that make a verdict word a thing someone does or suffers: "was acquitted", "being convicted". */
const PASSIVE = /\b(?:was|were|is|are|been|being|be|get|got|later|eventually|ultimately|finally)\s+$/i;

/** Check the verdicts claimed for people charged in the case. */
export function checkOutcomes(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase || !ctx.index.accused.size) return [];
  const out: CheckedClaim[] = [];
  ctx.sentences.forEach((s, i) => {
    const sentence = ctx.text.slice(s.start, s.end);
    if (!/acquit|guilty|convict/i.test(sentence)) return;
    const actors = actorsOf(ctx, i);
    for (const m of sentence.matchAll(OUTCOME)) {
      const at = s.start + m.index!;
      const before = ctx.text.slice(s.start, at);
      if (NOT_SAID.test(before) || /\bplea|plead|pled\b/i.test(before.slice(-30)) || insideQuotes(ctx.text, s, at)) continue;
      if (/^[^.;:!?]{0,30}\b(?:would|could|might|may)\b/i.test(sentence.slice(m.index! + m[0].length))) continue; // "Baldwin's conviction would have carried …"
      const word = m[1].toLowerCase();
      const acquitted = /acquit|not guilty/.test(word);
      const nominal = /al$|ion$|verdict$/.test(word);
      // Whose verdict: "X's acquittal", "X was acquitted", "after being acquitted" (the actor before), "acquitted X".
      const prior = actorBefore(ctx, actors, s.start, at);
      const who = nominal ? (prior?.possessive && /^['’]s?\s+$/.test(ctx.text.slice(prior.end, at)) ? prior : null)
        : PASSIVE.test(before) || /,\s*$/.test(before) ? prior : actorRightAfter(ctx, actors, at + m[0].length) ?? null;
      if (!who?.person || !ctx.index.accused.has(who.person)) continue;
      const claim = judge(ctx, who.person, acquitted, at, at + m[0].length);
      if (claim) out.push(claim);
    }
  });
  return out;
}

function judge(ctx: CheckContext, person: string, acquitted: boolean, start: number, end: number): CheckedClaim | null {
  const mine = (types: string[]) => types.flatMap((t) => ctx.index.eventsByType.get(t) ?? [])
    .filter((e) => (e.participants ?? []).includes(person) && happenedBy(ctx, e.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (mine(['verdict']).length) return null;
  const ended: CaseEvent | undefined = mine(['dismissal']).at(-1);
  if (!ended) return null;
  const name = ctx.index.entities.get(person)?.name ?? person;
  const said = acquitted ? 'acquitted' : 'convicted';
  return {
    start, end, value: said, expected: `dismissed (${humanDate(ended.date)})`, event: ended.id,
    verdict: isVerified(ended) ? 'conflict' : 'unknown',
    claim: `outcome of the case against ${name}`, claimKey: `person:${person}:outcome`,
    explanation: `Read as saying ${name} was ${said}. The case records no verdict for ${name}: the prosecution ended when it was dismissed (“${shortLabel(ended)}”, ${humanDate(ended.date)}).`,
    sources: ended.sources,
  };
}
