/**
 * Links recognised names to the case's entities, and finds the names the recogniser missed
 * through the case's own aliases (the case acts as a gazetteer on top of recognition).
 *
 * Weak aliases — single words ("Baldwin"), surnames, lowercase phrases ("federal court") —
 * link only where the article is about the case (it names some entity in full). A surname
 * shared by two people goes to the one named in full just before it, else to the one the
 * article is about; a surname alone links when one case person carries it. In an article
 * about the case, misspelt names of case people link too, marked as misspellings.
 */
import type { Mention, NameKind } from '../types';
import { scanTrie, type AliasEntry, type CaseIndex, type TrieMatch } from './case-index';
import { tokenize, type Token } from './tokens';
import { editDistance, misspeltPerson, misspeltSurname } from './fuzzy';
import { SpanIndex } from '../util/spans';

export interface LinkedMention extends Mention {
  entity: string | null;
  /** How the alias named the entity, for the card ("misspelling of …"). */
  form?: AliasEntry['form'];
  /** A work's title ("Rust"): context for the checker, never highlighted as a name. */
  work?: boolean;
  /** Linked by spelling distance, not by a name the case lists: a probable misspelling. */
  fuzzy?: boolean;
}

const KIND_OF_ENTITY: Record<string, NameKind> = { person: 'person', organization: 'organization', place: 'place', matter: 'organization' };

/** Link mentions to entities of one case; dates pass through unchanged. `tokens` are the text's (see `tokenize`). */
export function linkMentions(text: string, mentions: Mention[], index: CaseIndex, tokens: Token[] = tokenize(text)): LinkedMention[] {
  const matches = scanTrie<AliasEntry>(text, tokens, index.aliases, (entry, toks, from) =>
    entry.caps.every((cap, k) => !cap || toks[from + k]?.capitalised));

  // Strong mentions: full names, which link anywhere and make the article "about the case".
  const strongAt = new Map<string, number[]>();
  for (const m of matches) {
    for (const e of m.entries) {
      if (!e.strong) continue;
      const list = strongAt.get(e.entity) ?? [];
      list.push(m.start);
      strongAt.set(e.entity, list);
    }
  }
  const aboutCase = strongAt.size > 0;
  // Full names a misspelling writes ("Alex Baldwin") also say who the article is about.
  const misspelt = new Map<Mention, string>();
  if (aboutCase) {
    const strongMatches = new SpanIndex(matches.filter((x) => x.entries.some((e) => e.strong)));
    for (const m of mentions) {
      if (m.kind !== 'person' || strongMatches.overlaps(m.start, m.end)) continue;
      // The recogniser may leave a given name out ("Brian J. Parish" read as "J. Parish").
      const given = /(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, m.start - 20), m.start));
      const id = misspeltPerson(index, text.slice(m.start, m.end)) ?? (given ? misspeltPerson(index, `${given[1]} ${text.slice(m.start, m.end)}`) : null);
      if (!id) continue;
      misspelt.set(m, id);
      strongAt.set(id, [...(strongAt.get(id) ?? []), m.start]);
    }
  }

  const longerNames = new SpanIndex(mentions.filter((x) => x.kind === 'person' && !misspelt.has(x)));
  const linked: LinkedMention[] = [];
  matches.forEach((m, k) => {
    if (insideOtherName(text, index, longerNames, m, matches[k - 1])) return;
    // "the Santa Fe County Sheriff’s office" names the office, not the sheriff.
    if (m.entries.every((e) => e.kind === 'person') && /^['’]s\s+(office|department)\b/i.test(text.slice(m.end, m.end + 16)) && m.entries.every((e) => e.form === 'alias')) return;
    const choice = choose(index, text.slice(m.start, m.end), m.entries, m.start, strongAt, aboutCase);
    if (!choice) return;
    const entity = index.entities.get(choice.entity)!;
    linked.push({ start: m.start, end: m.end, kind: KIND_OF_ENTITY[entity.kind] ?? 'organization', entity: entity.id, form: choice.form, ...(choice.fuzzy ? { fuzzy: true } : {}), ...(entity.kind === 'work' ? { work: true } : {}) });
  });
  for (const [m, id] of misspelt) {
    if (linked.some((l) => l.start < m.end && m.start < l.end && l.end - l.start >= m.end - m.start)) continue;
    for (let k = linked.length - 1; k >= 0; k--) if (linked[k].start < m.end && m.start < linked[k].end) linked.splice(k, 1);
    linked.push({ start: m.start, end: m.end, kind: 'person', entity: id, form: 'misspelling', fuzzy: true });
  }
  const spans = new SpanIndex(linked);
  if (aboutCase) for (const g of givenNames(text, tokens, index, spans)) linked.push(g);
  for (const g of linked.slice(spans.size)) spans.add(g);
  // A recognised single word that misspells the surname of someone named in full ("Hutchin’s death").
  if (aboutCase) {
    const times = new Map<string, number>();
    for (const l of linked) if (l.entity) times.set(l.entity, (times.get(l.entity) ?? 0) + 1);
    const named = (id: string) => (strongAt.get(id)?.length ?? 0) + (times.get(id) ?? 0);
    for (const m of mentions) {
      if (m.kind === 'date' || spans.overlaps(m.start, m.end)) continue;
      const written = text.slice(m.start, m.end);
      if (/\s/.test(written) || !/^\p{Lu}/u.test(written)) continue;
      const id = misspeltSurname(index, written, strongAt.keys(), named);
      if (!id) continue;
      const link: LinkedMention = { start: m.start, end: m.end, kind: 'person', entity: id, form: 'misspelling', fuzzy: true };
      linked.push(link);
      spans.add(link);
      times.set(id, (times.get(id) ?? 0) + 1);
    }
    // …and one the recogniser did not take for a name at all ("that Guiterrez-Reed — who"): only a
    // long or double surname, where a near spelling is no common word.
    for (const t of tokens) {
      if (!t.capitalised || (t.key.length < 8 && !t.key.includes('-')) || spans.overlaps(t.start, t.end)) continue;
      const id = misspeltSurname(index, t.key, strongAt.keys(), named);
      if (!id) continue;
      const link: LinkedMention = { start: t.start, end: t.end, kind: 'person', entity: id, form: 'misspelling', fuzzy: true };
      linked.push(link);
      spans.add(link);
    }
  }

  joinSplitNames(text, index, linked);

  // Recognised names: the linked span wins where they overlap; the rest stay unknown.
  const out: LinkedMention[] = [...linked];
  for (const m of mentions) {
    if (m.kind === 'date') {
      out.push({ ...m, entity: null });
      continue;
    }
    if (spans.overlaps(m.start, m.end)) continue;
    out.push({ ...m, entity: null });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Judge)\.?\s+/;

/**
 * One name read as two, side by side with a space between: "Ms Gutierrez" + "Reed" (a double
 * surname after an honorific, the second half another person's alias), or the person's own given
 * name written right before a linked name ("Judge Mary" + "Marlow Sommer"). Joined into one
 * mention of the person the whole names, in place (`linked` is changed).
 */
function joinSplitNames(text: string, index: CaseIndex, linked: LinkedMention[]): void {
  linked.sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < linked.length; k++) {
    const [a, b] = [linked[k], linked[k + 1]];
    if (a.kind !== 'person' || b.kind !== 'person' || !/^ $/.test(text.slice(a.end, b.start))) continue;
    const whole = text.slice(a.start, b.end).replace(HONORIFIC, '');
    const toks = tokenize(whole);
    const full = scanTrie<AliasEntry>(whole, toks, index.aliases).find((m) => m.from === 0 && m.to === toks.length);
    const entity = full?.entries.find((e) => e.kind === 'person' && e.entity === a.entity)?.entity ?? full?.entries.find((e) => e.kind === 'person')?.entity;
    if (!entity) continue;
    linked.splice(k, 2, { start: a.start, end: b.end, kind: 'person', entity, form: a.entity === entity ? a.form : 'alias' });
    k--;
  }
  for (const l of linked) {
    if (l.kind !== 'person' || !l.entity) continue;
    const given = index.entities.get(l.entity)?.name.split(/\s+/)[0];
    const left = /(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, l.start - 20), l.start));
    if (!given || left?.[1] !== given || text.slice(l.start, l.end).startsWith(given)) continue;
    const start = l.start - given.length - 1;
    if (!linked.some((o) => o !== l && o.start < l.start && start < o.end)) l.start = start;
  }
}

/**
 * A given name alone right after someone of the same surname ("Hutchins' widow, Matthew"):
 * the case person with that given name and that surname, when there is exactly one.
 */
function givenNames(text: string, tokens: Token[], index: CaseIndex, linked: SpanIndex<LinkedMention>): LinkedMention[] {
  const out: LinkedMention[] = [];
  const byGiven = new Map<string, string[]>();
  for (const n of index.personNames) {
    if (n.tokens.length !== 2 || index.entities.get(n.entity)?.person?.name.split(/\s+/).length !== 2) continue;
    byGiven.set(n.tokens[0], [...new Set([...(byGiven.get(n.tokens[0]) ?? []), n.entity])]);
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const people = t.capitalised ? byGiven.get(t.key) : undefined;
    if (!people || linked.overlaps(t.start, t.end)) continue;
    if (tokens[i + 1]?.capitalised && /^\s$/.test(text.slice(t.end, tokens[i + 1].start))) continue; // part of a longer name
    const before = linked.within(t.start - 240, t.start).filter((l) => l.kind === 'person' && l.end <= t.start && t.start - l.end <= 40 && !/[.!?]\s/.test(text.slice(l.end, t.start)));
    const surnames = new Set(before.map((l) => surnameOf(index, l.entity)));
    const fit = people.filter((id) => surnames.has(surnameOf(index, id)));
    if (fit.length === 1 && !before.some((l) => l.entity === fit[0])) out.push({ start: t.start, end: t.end, kind: 'person', entity: fit[0], form: 'alias' });
  }
  return out;
}

function surnameOf(index: CaseIndex, id: string | null): string {
  return id ? index.entities.get(id)?.name.split(/\s+/).at(-1)?.toLowerCase() ?? '' : '';
}

interface Choice {
  entity: string;
  form: AliasEntry['form'];
  fuzzy?: boolean;
}

function choose(index: CaseIndex, written: string, entries: AliasEntry[], at: number, strongAt: Map<string, number[]>, aboutCase: boolean): Choice | null {
  const strong = entries.filter((e) => e.strong);
  if (strong.length) return nearest(strong, at, strongAt) ?? strong[0];
  if (!aboutCase) return null;
  // A weak form: prefer entities the article names in full — a shared surname goes to the one
  // named in full just before, else to the one the article is about (named most often).
  const named = entries.filter((e) => strongAt.has(e.entity));
  if (named.length) return nearest(named, at, strongAt, 400) ?? mostNamed(named, strongAt);
  // A surname that misspells someone named in full ("Reed" in a story about Andrea Reeb).
  if (entries.every((e) => e.kind === 'person')) {
    const close = misspeltSurname(index, written, strongAt.keys());
    if (close) return { entity: close, form: 'misspelling', fuzzy: true };
  }
  // Otherwise an explicit alias of exactly one entity, or a surname exactly one case person carries.
  const explicit = entries.filter((e) => e.form !== 'surname');
  const entitiesNamed = new Set(explicit.map((e) => e.entity));
  if (entitiesNamed.size === 1 && explicit.every((e) => e.kind !== 'person' || isNotBareName(e))) return explicit[0];
  // A bare surname the case lists as one person's alias ("Hutchins" for Halyna, not her widower).
  if (entitiesNamed.size === 1 && explicit[0].kind === 'person' && /^\p{Lu}/u.test(written)) return explicit[0];
  const carriers = new Set(entries.filter((e) => e.kind === 'person').map((e) => e.entity));
  if (carriers.size === 1 && /^\p{Lu}/u.test(written)) return { entity: [...carriers][0], form: 'surname' };
  return null;
}

/** A single capitalised word alone is a person's bare name (left to the surname rule). */
function isNotBareName(e: AliasEntry): boolean {
  return e.caps.length > 1 || !e.caps[0] || !/^[A-Z][a-z]+$/.test(e.text);
}

function mostNamed(entries: AliasEntry[], strongAt: Map<string, number[]>): AliasEntry {
  return [...entries].sort((a, b) => (strongAt.get(b.entity)?.length ?? 0) - (strongAt.get(a.entity)?.length ?? 0) || (strongAt.get(a.entity)![0] - strongAt.get(b.entity)![0]))[0];
}

function nearest(entries: AliasEntry[], at: number, strongAt: Map<string, number[]>, within = Infinity): AliasEntry | null {
  let best: AliasEntry | null = null;
  let bestDistance = Infinity;
  for (const e of entries) {
    for (const pos of strongAt.get(e.entity) ?? []) {
      const distance = pos <= at ? at - pos : (pos - at) * 4; // before is likelier than after
      if (distance < bestDistance && distance <= within) {
        bestDistance = distance;
        best = e;
      }
    }
  }
  return best;
}

/**
 * "his wife Hilaria Baldwin", "brother Stephen Baldwin": a single-word alias (a surname) inside a
 * longer name the recogniser read, after a given name far from those of the people the alias
 * could be ("Carrie" for "Kari" is near), is someone else of that name. Not after an honorific,
 * and not when a case name stands just before it ("Gutierrez" + "Reed": one name read in two).
 */
function insideOtherName(text: string, index: CaseIndex, names: SpanIndex<Mention>, m: TrieMatch<AliasEntry>, previous: TrieMatch<AliasEntry> | undefined): boolean {
  if (m.to - m.from !== 1) return false;
  return names.overlapping(m.start, m.end).some((x) => {
    if (!(x.start < m.start && x.end >= m.end) || HONORIFIC.test(text.slice(x.start, m.start))) return false;
    if (previous && previous.end >= x.start && /^\s$/.test(text.slice(previous.end, m.start))) return false;
    const given = /^(\p{Lu}\p{Ll}+)\s/u.exec(text.slice(x.start, m.start));
    return !!given && m.entries.every((e) => e.kind !== 'person' || givenNamesOf(index, e.entity).every((g) => editDistance(given[1].toLowerCase(), g, 3) > 3));
  });
}

/** The first words of a person's name and aliases ("alec", "alexander"), lower-case. */
function givenNamesOf(index: CaseIndex, id: string): string[] {
  const e = index.entities.get(id);
  return [e?.name ?? '', ...(e?.person?.aliases ?? [])].map((n) => n.split(/\s+/)[0].toLowerCase().replace(/\.$/, '')).filter((g) => g.length > 1 && !/^(mr|mrs|ms|dr|judge)$/.test(g));
}
