/**
 * Who a sentence names as doing or undergoing something: the people (linked names, and role
 * nouns standing for one person) of a sentence in order, and the one nearest before a word
 * with nobody else between — what the outcome and agent checks need to say whose claim it is.
 */
import type { CheckContext } from './context';
import { titleNounsIn } from './role-nouns';

export interface Actor {
  start: number;
  end: number;
  /** The case person, or null for a role noun that stands for nobody in particular ("a judge"). */
  person: string | null;
  /** The title written for a role noun ("judge"), if the actor is one. */
  title?: string;
  /** Written with a possessive "'s" ("Baldwin's acquittal"). */
  possessive: boolean;
}

/** The people of sentence `i`, in order. */
export function actorsOf(ctx: CheckContext, i: number): Actor[] {
  const out: Actor[] = [];
  for (const m of ctx.mentionsIn[i]) {
    if (m.kind !== 'person') continue;
    out.push({ start: m.start, end: m.end, person: m.entity, possessive: /^['’]s?\b/.test(ctx.text.slice(m.end, m.end + 2)) });
  }
  for (const r of titleNounsIn(ctx, i)) out.push({ start: r.start, end: r.end, person: r.person, title: r.title, possessive: /^['’]s?\b/.test(ctx.text.slice(r.end, r.end + 2)) });
  return out.sort((a, b) => a.start - b.start);
}

/** A name used as a modifier ("the Alec Baldwin movie"): no actor. */
function modifier(ctx: CheckContext, a: Actor): boolean {
  return !a.title && /\bthe\s+$/i.test(ctx.text.slice(Math.max(0, a.start - 4), a.start)) && /^\s+\p{Ll}/u.test(ctx.text.slice(a.end, a.end + 3));
}

/**
 * The actor nearest before `at` in the sentence starting at `from`: the subject of a verb at
 * `at`. An apposition set off by commas just before the verb is skipped ("Gutierrez-Reed, the
 * armorer in the Alec Baldwin movie, was convicted" is hers), and so are names used as modifiers.
 */
export function actorBefore(ctx: CheckContext, actors: Actor[], from: number, at: number): Actor | null {
  const before = ctx.text.slice(from, at);
  const apposition = /,\s[^,]{1,120},["”’']?\s+(?:[\w’'-]+\s+){0,3}$/.exec(before);
  const skip = apposition ? [from + apposition.index, from + apposition.index + apposition[0].length] : null;
  let best: Actor | null = null;
  let inside: Actor | null = null;
  for (const a of actors) {
    if (a.end > at || modifier(ctx, a)) continue;
    if (skip && a.start >= skip[0] && a.end <= skip[1]) inside = a;
    else best = a;
  }
  const actor = best ?? inside;
  // "Baldwin stars as an outlaw whose young grandson is convicted": the verb is the grandson's, or a character's.
  if (actor && /\bwhose\b|\b(?:stars|starring|plays|played|playing)\s+(?:as\s+)?(?:an?|the)\b/i.test(ctx.text.slice(actor.end, at))) return null;
  return actor;
}

/** The actor right after `at` (only spaces between), for an active verb's object ("acquitted Gutierrez"). */
export function actorRightAfter(ctx: CheckContext, actors: Actor[], at: number): Actor | null {
  return actors.find((a) => a.start >= at && /^\s*$/.test(ctx.text.slice(at, a.start))) ?? null;
}
