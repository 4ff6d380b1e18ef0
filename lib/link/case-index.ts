/**
 * Everything the linker and checker need from a case, built once per case version and kept
 * warm in the background: an alias trie over every name, entities by id, events and facts
 * by the words that trigger them. Linking an article is then one pass over its tokens — no
 * per-mention lookups, whatever the size of the case.
 */
import { ENTITY_LISTS, type CaseEvent, type CaseFile, type EntityKind, type Fact, type Person, type Source } from '../cases/format';
import { tokenize, type Token } from './tokens';
import { FormIndex } from '../check/lemma';
import { upgradeCase } from '../cases/upgrade';
import { withAllLists } from '../cases/validate';
import type { LexiconEntry } from '../check/lexicon';

/** How an alias names its entity; weak forms link only where the article is about the case. */
export type AliasForm = 'name' | 'alias' | 'misspelling' | 'surname';

export interface AliasEntry {
  entity: string;
  form: AliasForm;
  /** The alias as the case writes it. */
  text: string;
  /** Which tokens must be capitalised in the text (a capitalised alias is a proper name). */
  caps: boolean[];
  /** Multi-token capitalised names are strong: they link on any page. */
  strong: boolean;
  kind: EntityKind;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: AliasEntry[];
}

export interface IndexedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  sources: string[];
  status?: Person['status'];
  person?: Person;
}

export interface CaseIndex {
  caseId: string;
  title: string;
  entities: Map<string, IndexedEntity>;
  events: Map<string, CaseEvent>;
  facts: Fact[];
  factsBySubject: Map<string, Fact[]>;
  sources: Map<string, Source>;
  /** Events by their `type` (version 2). */
  eventsByType: Map<string, CaseEvent[]>;
  /** Each event's trigger phrases as lemma keys, so "withdrew" finds a trigger "withdraws". */
  eventTriggerKeys: Map<string, string[][]>;
  /** The events whose trigger phrases hold a lemma key, by that key (a case can have 100,000 events). */
  eventsByTriggerKey: Map<string, string[]>;
  /** Whether any event has a type: then a typed event is found by its type, its triggers only add words. */
  typed: boolean;
  /**
   * The trigger words of untyped events as predicates of their own (a user's "vote" event):
   * by the lemma key of their first word. A typed event is found through the lexicon instead.
   */
  triggerLexicon: { lexicon: Map<string, LexiconEntry[]>; forms: FormIndex };
  /** Trigger phrases (tokenised) of events and facts, for one scan per sentence. */
  triggers: TrieNode;
  aliases: TrieNode;
  /** People by their names' tokens, for misspellings no alias lists ("Joel Sousa"). */
  personNames: PersonName[];
  /** Charges brought in the case's matters, with their maximum penalties (version 2). */
  charges: IndexedCharge[];
  /** People charged in the case's matters (version 2): those a prosecution's events happen to. */
  accused: Set<string>;
}

export interface IndexedCharge {
  matter: string;
  defendants: string[];
  name: string;
  maximumPenalty?: string;
  sources: string[];
}

/** A person's full name (and multi-word aliases) as lowercase tokens, initials left out. */
export interface PersonName {
  entity: string;
  tokens: string[];
}

export interface TriggerEntry {
  owner: string;
  ownerType: 'event' | 'fact';
  text: string;
}

function node(): TrieNode {
  return { next: new Map(), entries: [] };
}

function insert<T>(root: TrieNode, keys: string[], entry: T) {
  let n = root;
  for (const k of keys) {
    let c = n.next.get(k);
    if (!c) n.next.set(k, (c = node()));
    n = c;
  }
  (n.entries as T[]).push(entry);
}

/** Build the index of one case. Linear in the size of the case. */
export function buildCaseIndex(input: CaseFile): CaseIndex {
  // Version 1 cases are read as version 2: events get the type their label names.
  const file = upgradeCase(withAllLists(input));
  const entities = new Map<string, IndexedEntity>();
  const aliases = node();
  for (const [kind, list] of Object.entries(ENTITY_LISTS) as [EntityKind, keyof CaseFile][]) {
    for (const record of (file[list] ?? []) as Person[]) {
      entities.set(record.id, { id: record.id, kind, name: record.name, sources: record.sources, status: record.status, ...(kind === 'person' ? { person: record } : {}) });
      const misspelt = new Set(((record as unknown as Record<string, unknown>)['x-misspellings'] as string[] | undefined) ?? []);
      const forms: [string, AliasForm][] = [[record.name, 'name'], ...(record.aliases ?? []).map((a): [string, AliasForm] => [a, misspelt.has(a) ? 'misspelling' : 'alias'])];
      if (kind === 'person') {
        const parts = record.name.split(/\s+/);
        if (parts.length > 1) forms.push([parts[parts.length - 1], 'surname']);
      }
      const seen = new Set<string>();
      for (const [text, form] of forms) {
        const tokens = tokenize(text);
        const keys = tokens.map((t) => t.key);
        const signature = keys.join(' ');
        if (!keys.length || seen.has(signature)) continue;
        seen.add(signature);
        const caps = tokens.map((t) => t.capitalised);
        const strong = keys.length > 1 && caps.every((c, i) => c || /^(of|de|the|and|v|vs)$/.test(keys[i])) && form !== 'surname';
        insert(aliases, keys, { entity: record.id, form, text, caps, strong, kind } satisfies AliasEntry);
      }
    }
  }
  const triggers = node();
  const events = new Map(file.events.map((e) => [e.id, e]));
  for (const e of file.events) for (const t of e.triggers ?? []) insert(triggers, tokenize(t).map((x) => x.key), { owner: e.id, ownerType: 'event', text: t } satisfies TriggerEntry);
  for (const f of file.facts) for (const t of f.triggers ?? []) insert(triggers, tokenize(t).map((x) => x.key), { owner: f.id, ownerType: 'fact', text: t } satisfies TriggerEntry);
  const eventsByType = new Map<string, CaseEvent[]>();
  const eventTriggerKeys = new Map<string, string[][]>();
  const eventsByTriggerKey = new Map<string, string[]>();
  const triggerForms = new FormIndex();
  for (const e of file.events) {
    if (e.type) pushTo(eventsByType, e.type, e);
    const keys = (e.triggers ?? []).map((t) => tokenize(t).filter((x) => !x.capitalised).map((x) => triggerForms.add(x.key))).filter((k) => k.length);
    if (!keys.length) continue;
    eventTriggerKeys.set(e.id, keys);
    for (const key of new Set(keys.flat())) pushTo(eventsByTriggerKey, key, e.id);
  }
  const factsBySubject = new Map<string, Fact[]>();
  for (const f of file.facts) {
    const list = factsBySubject.get(f.subject) ?? [];
    list.push(f);
    factsBySubject.set(f.subject, list);
  }
  return {
    caseId: file.id,
    title: file.title,
    entities,
    events,
    eventsByType,
    eventTriggerKeys,
    eventsByTriggerKey,
    typed: eventsByType.size > 0,
    triggerLexicon: { lexicon: triggerLexiconOf(file.events, eventTriggerKeys), forms: triggerForms },
    facts: file.facts,
    factsBySubject,
    sources: new Map(file.sources.map((s) => [s.id, s])),
    triggers,
    aliases,
    charges: (file.matters ?? []).flatMap((m) => (m.charges ?? []).map((c) => ({ matter: m.id, defendants: m.defendants ?? [], name: c.name, maximumPenalty: c.maximumPenalty, sources: c.sources }))),
    accused: new Set((file.matters ?? []).filter((m) => m.charges?.length).flatMap((m) => m.defendants ?? [])),
    personNames: (file.people ?? []).flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => ({ entity: p.id, tokens: nameTokens(n) })).filter((n) => n.tokens.length > 1)),
  };
}

/** Untyped events' trigger phrases as lexicon entries naming the event itself (type `#id`). */
function triggerLexiconOf(events: CaseEvent[], keys: Map<string, string[][]>): Map<string, LexiconEntry[]> {
  const out = new Map<string, LexiconEntry[]>();
  for (const e of events) {
    if (e.type) continue;
    for (const k of keys.get(e.id) ?? []) pushTo(out, k[0], { keys: k, phrase: k.join(' '), sense: { types: [`#${e.id}`] } });
  }
  // Longest phrases first, sorted once per list (a case can hold thousands of events per word).
  for (const list of out.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return out;
}

/** Add to a map of lists. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A name's tokens for fuzzy comparison: lowercase, diacritics folded, initials and titles left out. */
export function nameTokens(name: string): string[] {
  return tokenize(name).map((t) => t.key).filter((k) => k.length > 1 && !/^(mr|mrs|ms|dr|jr|sr|ii|iii|judge|sheriff|det|cpl|rep|special|prosecutor|da)$/.test(k));
}

export interface TrieMatch<T> {
  start: number;
  end: number;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  entries: T[];
}

/**
 * Longest matches of a trie over tokens, left to right, not overlapping. `accept` filters the
 * entries of a candidate match (e.g. capitalisation); a gap of more than a few characters of
 * punctuation between tokens breaks a match.
 */
export function scanTrie<T>(text: string, tokens: Token[], root: TrieNode, accept: (entry: T, tokens: Token[], from: number) => boolean = () => true): TrieMatch<T>[] {
  const out: TrieMatch<T>[] = [];
  for (let i = 0; i < tokens.length; ) {
    let n: TrieNode | undefined = root;
    let best: TrieMatch<T> | null = null;
    for (let j = i; j < tokens.length && n; j++) {
      if (j > i && !/^(?:['’]s)?[\s,.'’"“”]{1,3}$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
      n = n.next.get(tokens[j].key);
      if (n && n.entries.length) {
        const entries = (n.entries as T[]).filter((e) => accept(e, tokens, i));
        if (entries.length) best = { start: tokens[i].start, end: tokens[j].end, from: i, to: j + 1, entries };
      }
    }
    if (best) {
      out.push(best);
      i = best.to;
    } else i++;
  }
  return out;
}
