/**
 * Links recognised names to the case's entities, and finds the names the recogniser missed
 * through the case's own aliases (the case acts as a gazetteer on top of recognition).
 *
 * Weak aliases — single words ("Baldwin"), surnames, lowercase phrases ("federal court") —
 * link only where the article is about the case (it names some entity in full), and a surname
 * shared by two people goes to the one the article named in full, nearest before it.
 */
import type { Mention, NameKind } from '../types';
import { scanTrie, type AliasEntry, type CaseIndex } from './case-index';
import { tokenize, type Token } from './tokens';

export interface LinkedMention extends Mention {
  entity: string | null;
  /** How the alias named the entity, for the card ("misspelling of …"). */
  form?: AliasEntry['form'];
  /** A work's title ("Rust"): context for the checker, never highlighted as a name. */
  work?: boolean;
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

  const linked: LinkedMention[] = [];
  for (const m of matches) {
    const entry = choose(m.entries, m.start, strongAt, aboutCase);
    if (!entry) continue;
    const entity = index.entities.get(entry.entity)!;
    linked.push({ start: m.start, end: m.end, kind: KIND_OF_ENTITY[entity.kind] ?? 'organization', entity: entity.id, form: entry.form, ...(entity.kind === 'work' ? { work: true } : {}) });
  }

  // Recognised names: the linked span wins where they overlap; the rest stay unknown.
  const out: LinkedMention[] = [...linked];
  for (const m of mentions) {
    if (m.kind === 'date') {
      out.push({ ...m, entity: null });
      continue;
    }
    if (linked.some((l) => l.start < m.end && m.start < l.end)) continue;
    out.push({ ...m, entity: null });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function choose(entries: AliasEntry[], at: number, strongAt: Map<string, number[]>, aboutCase: boolean): AliasEntry | null {
  const strong = entries.filter((e) => e.strong);
  if (strong.length) return nearest(strong, at, strongAt) ?? strong[0];
  if (!aboutCase) return null;
  // A weak form: prefer entities the article names in full, the nearest before this mention.
  const named = entries.filter((e) => strongAt.has(e.entity));
  if (named.length) return nearest(named, at, strongAt) ?? named[0];
  // Otherwise only an explicit alias of exactly one entity; a bare surname alone is not enough.
  const explicit = entries.filter((e) => e.form !== 'surname');
  const entitiesNamed = new Set(explicit.map((e) => e.entity));
  return entitiesNamed.size === 1 && isPersonFree(explicit) ? explicit[0] : null;
}

/** Single-word aliases of people link only after the person is named in full. */
function isPersonFree(entries: AliasEntry[]): boolean {
  return entries.every((e) => e.caps.length > 1 || !e.caps[0] || !/^[A-Z][a-z]+$/.test(e.text));
}

function nearest(entries: AliasEntry[], at: number, strongAt: Map<string, number[]>): AliasEntry | null {
  let best: AliasEntry | null = null;
  let bestDistance = Infinity;
  for (const e of entries) {
    for (const pos of strongAt.get(e.entity) ?? []) {
      const distance = pos <= at ? at - pos : (pos - at) * 4; // before is likelier than after
      if (distance < bestDistance) {
        bestDistance = distance;
        best = e;
      }
    }
  }
  return best;
}
