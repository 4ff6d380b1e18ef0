/**
 * Where someone was hit: "struck Joel Souza in the shoulder", "Hutchins was shot in the chest".
 * A body part after a wounding verb goes to the person named nearest before it in the clause,
 * and is compared with the case's `wounded in` fact for that person (a `text` fact whose value
 * is a body part). Parts are compared by region, so "clavicle" agrees with "shoulder"; a
 * neighbouring region ("upper arm" for the shoulder) is left unknown.
 */
import { isVerified, type Fact } from '../cases/format';
import type { CheckedClaim } from './claim';
import type { CheckContext } from './context';
import { insideQuotes } from './reader';

/** Body parts by region: any word of a region agrees with any other word of it. */
const REGIONS: [string, string[]][] = [
  ['head', ['head', 'face', 'skull', 'forehead', 'eye', 'jaw']],
  ['neck', ['neck', 'throat']],
  ['shoulder', ['shoulder', 'clavicle', 'collarbone', 'collar bone']],
  ['chest', ['chest', 'torso', 'heart', 'lung', 'breast']],
  ['abdomen', ['stomach', 'abdomen', 'belly', 'gut']],
  ['back', ['back', 'spine']],
  ['arm', ['arm', 'hand', 'elbow', 'wrist']],
  ['leg', ['leg', 'thigh', 'knee', 'foot', 'hip']],
];
/** Regions that touch: a writer may name one for the other, so neither agrees nor conflicts. */
const ADJACENT = new Set(['shoulder|arm', 'shoulder|chest', 'shoulder|neck', 'neck|head', 'abdomen|leg']);
const REGION_OF = new Map(REGIONS.flatMap(([region, words]) => words.map((w) => [w, region] as const)));
const PART = new RegExp(`\\bin\\s+(?:the|his|her|their)\\s+(?:(?:left|right|upper|lower)\\s+)?(${[...REGION_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
/** Verbs of hitting or wounding that a body part after them locates. */
const WOUNDING = /\b(?:struck|strikes|striking|strike|hit|hitting|hits|shot|shoots|shooting|wounded|wounding|wounds|injured|injuring|grazed|lodged|lodging|pierced|piercing|entered|entering)\b/i;
const PREDICATE = 'wounded in';

/** Check where each person named was hit, in articles about the case. */
export function checkWounds(ctx: CheckContext): CheckedClaim[] {
  if (!ctx.aboutCase) return [];
  const facts = ctx.index.facts.filter((f) => f.predicate === PREDICATE && REGION_OF.has(String(f.value).toLowerCase()));
  if (!facts.length) return [];
  const out: CheckedClaim[] = [];
  ctx.sentences.forEach((s) => {
    const sentence = ctx.text.slice(s.start, s.end);
    if (!WOUNDING.test(sentence)) return;
    for (const m of sentence.matchAll(PART)) {
      const at = s.start + m.index!;
      if (insideQuotes(ctx.text, s, at)) continue;
      // The person named nearest before the part, with a wounding verb before the part and no clause break between.
      const person = [...ctx.mentions].reverse().find((p) => p.kind === 'person' && p.start >= s.start && p.end <= at);
      if (!person?.entity) continue;
      const between = ctx.text.slice(person.end, at);
      if (/[;:()]|\b(?:who|which|while|when|after|before|but)\b/i.test(between) || between.length > 60) continue;
      const verbBefore = WOUNDING.test(ctx.text.slice(s.start, at)); // "striking A in the chest and B in the shoulder"
      if (!verbBefore) continue;
      const fact = facts.find((f) => f.subject === person.entity);
      if (!fact) continue;
      const said = REGION_OF.get(m[1].toLowerCase())!;
      const recorded = REGION_OF.get(String(fact.value).toLowerCase())!;
      const near = ADJACENT.has(`${said}|${recorded}`) || ADJACENT.has(`${recorded}|${said}`);
      out.push(claimOf(ctx, fact, at, at + m[0].length, m[1].toLowerCase(), said === recorded ? true : near ? null : false));
    }
  });
  return out;
}

/** `agrees`: true, false, or null for a neighbouring region (unknown). */
function claimOf(ctx: CheckContext, fact: Fact, start: number, end: number, said: string, agrees: boolean | null): CheckedClaim {
  const name = ctx.index.entities.get(fact.subject)?.name ?? fact.subject;
  return {
    start, end, value: said, expected: String(fact.value),
    verdict: agrees ? 'consistent' : agrees === null || !isVerified(fact) ? 'unknown' : 'conflict',
    claim: `where ${name} was hit`, claimKey: `fact:${fact.subject}:${PREDICATE}`, event: null,
    explanation: `Read as where ${name} was hit (“${said}”). The case records ${name} as wounded in the ${fact.value}` + (fact.note ? `. ${fact.note}` : '.'),
    sources: fact.sources,
  };
}
