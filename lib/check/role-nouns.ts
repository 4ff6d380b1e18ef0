/**
 * A role noun standing for a person: "the 27-year-old armorer was found guilty", "the actor is
 * negotiating a settlement". News names a participant by their job as often as by their name;
 * such a noun counts as naming the one case person who ever held that role, or the one of them
 * the article names — and nobody when two could be meant ("the director" with both Souza and
 * Halls named).
 */
import type { CaseIndex } from '../link/case-index';
import type { CheckContext } from './context';
import { insideQuotes } from './reader';
import { TITLES, TITLE_WORDS } from './roles';

/** "the armorer", "the film's armorer", "a judge": a title with no name after it. */
const ROLE_NOUN = new RegExp(`\\b(?:the|a|an)\\s+(?:[\\w’'-]+\\s+){0,2}?(${TITLE_WORDS})(?![\\w’'-])`, 'gi');
/** A name right after the title: the title is the name's ("the armorer Hannah Gutierrez-Reed"). */
const NAME_AFTER = /^\s+\p{Lu}/u;

export interface RoleNoun {
  start: number;
  end: number;
  /** The case person the noun stands for. */
  person: string;
  /** The title as the case's role words name it ("armorer" for "weapons handler"). */
  title: string;
}

/** A role noun that may stand for nobody in particular ("a judge" with several judges in the case). */
export type TitleNoun = Omit<RoleNoun, 'person'> & { person: string | null };

const cache = new WeakMap<CheckContext, Map<number, TitleNoun[]>>();

/** The role nouns of sentence `i` that stand for one case person each. */
export function roleNounsIn(ctx: CheckContext, i: number): RoleNoun[] {
  return titleNounsIn(ctx, i).filter((r): r is RoleNoun => r.person !== null);
}

/** Every role noun of sentence `i`, with the one person it stands for when there is one. */
export function titleNounsIn(ctx: CheckContext, i: number): TitleNoun[] {
  let perSentence = cache.get(ctx);
  if (!perSentence) cache.set(ctx, (perSentence = new Map()));
  const known = perSentence.get(i);
  if (known) return known;
  const out: TitleNoun[] = [];
  const s = ctx.sentences[i];
  const text = ctx.text.slice(s.start, s.end);
  ROLE_NOUN.lastIndex = 0;
  for (let m = ROLE_NOUN.exec(text); m; m = ROLE_NOUN.exec(text)) {
    const start = s.start + m.index + m[0].length - m[1].length;
    if (NAME_AFTER.test(text.slice(m.index + m[0].length)) || insideQuotes(ctx.text, s, start)) continue;
    const title = TITLES.find(([re]) => re.test(m![1]));
    if (!title) continue;
    const people = holders(ctx, title[2]);
    out.push({ start, end: start + m[1].length, person: people.length === 1 ? people[0] : null, title: title[1] });
  }
  perSentence.set(i, out);
  return out;
}

/**
 * Who a role noun can stand for: the one person taking part in the case's events who ever held
 * the role ("the armorer"), else the one of them the article names ("a judge" in a story naming
 * one judge).
 */
function holders(ctx: CheckContext, words: string[]): string[] {
  const all = everHeld(ctx.index, words);
  return all.length === 1 ? all : all.filter((id) => ctx.articleEntities.has(id));
}

const heldBy = new WeakMap<CaseIndex, Map<string, string[]>>();
/** The case's participants who ever held a role named by one of `words`, found once per case and title (a case may hold 100,000 people). */
function everHeld(index: CaseIndex, words: string[]): string[] {
  let perTitle = heldBy.get(index);
  if (!perTitle) heldBy.set(index, (perTitle = new Map()));
  const key = words.join('|');
  let out = perTitle.get(key);
  if (!out) {
    const held = (id: string) => (index.entities.get(id)?.person?.roles ?? []).some((r) => words.some((w) => r.role.toLowerCase().includes(w)));
    perTitle.set(key, (out = peopleOf(index).filter(held)));
  }
  return out;
}

/** Everyone the article's role nouns stand for, sentence by sentence (computed once). */
export function roleNounPeople(ctx: CheckContext): Set<string> {
  let out = everyone.get(ctx);
  if (!out) {
    out = new Set();
    for (let i = 0; i < ctx.sentences.length; i++) for (const r of roleNounsIn(ctx, i)) out.add(r.person);
    everyone.set(ctx, out);
  }
  return out;
}

const everyone = new WeakMap<CheckContext, Set<string>>();

const people = new WeakMap<CaseIndex, string[]>();
/** The case's people who take part in its events (ids), listed once per case. */
function peopleOf(index: CaseIndex): string[] {
  let out = people.get(index);
  if (!out) {
    const taking = new Set([...index.events.values()].flatMap((e) => e.participants ?? []));
    people.set(index, (out = [...index.entities.values()].filter((e) => e.kind === 'person' && taking.has(e.id)).map((e) => e.id)));
  }
  return out;
}
