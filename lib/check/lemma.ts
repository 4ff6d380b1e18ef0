/**
 * Lemmas for matching event words whatever their inflection: "withdrew", "withdraws" and
 * "withdrawing" all read as "withdraw"; "theatres" as "theater". en-inflectors (MIT, ~31 KB
 * gzipped, irregular verbs included) is used the cheap way round: the few hundred words the
 * lexicon and a case's triggers know are inflected once (`FormIndex`), and an article's words
 * are then looked up, never lemmatised one by one. Measured on the 46 real articles: looking
 * words up costs nothing noticeable, while lemmatising each new word cost ~95 µs cold (a
 * service worker starts cold often). wink-lemmatizer was measured too: exact, but 590 KB
 * gzipped and 240 ms to load; compromise 141 KB and 310 ms, and it could not conjugate "sue".
 */
import { Inflectors, infinitives } from 'en-inflectors';

type Row = [string, string, string, string, string];
const VERBS = infinitives as unknown as Record<string, Row>;

const baseCache = new Map<string, string>();

/** The base form of one lowercase word: infinitive for verbs, singular for nouns, American spelling. */
export function lemmaKey(word: string): string {
  const cached = baseCache.get(word);
  if (cached !== undefined) return cached;
  let w = american(word);
  if (/^[a-z][a-z'-]*$/.test(w) && w.length > 2 && !Object.hasOwn(VERBS, w)) {
    const present = new Inflectors(w).toPresent();
    if (present !== w && Object.hasOwn(VERBS, present)) w = present;
    else if (w.endsWith('s') && !w.endsWith('ss')) w = new Inflectors(w).toSingular();
  }
  if (baseCache.size > 10_000) baseCache.clear();
  baseCache.set(word, w);
  return w;
}

/** "theatre" → "theater": one spelling for matching. */
function american(word: string): string {
  return word.replace(/tre(s?)$/, 'ter$1');
}

/** Every written form of a base word: a verb's conjugation, a noun's plural, British spellings. */
export function formsOf(base: string): string[] {
  const forms = new Set<string>([base]);
  const row = VERBS[base];
  if (row) for (const f of row) forms.add(f);
  else if (/^[a-z]+$/.test(base)) {
    // A regular verb the table leaves out ("indict"): its forms by rule.
    const v = new Inflectors(base);
    for (const f of [v.toPast(), v.toPastParticiple(), v.toPresentS(), v.toGerund()]) if (f) forms.add(f);
  }
  if (!/s$/.test(base) || /ss$/.test(base)) forms.add(new Inflectors(base).toPlural());
  for (const f of [...forms]) if (/ter(s?)$/.test(f)) forms.add(f.replace(/ter(s?)$/, 'tre$1'));
  if (base === 'find') forms.add('found');
  if (base === 'plead') forms.add('pled');
  return [...forms];
}

/** Written forms of a set of base words, looked up in one step. */
export class FormIndex {
  private readonly forms = new Map<string, string>();

  /** Register a word (any form): every form of its base then reads as that base. */
  add(word: string): string {
    const base = lemmaKey(word);
    for (const f of formsOf(base)) if (!this.forms.has(f)) this.forms.set(f, base);
    return base;
  }

  /** The base a written word reads as, or undefined when no registered word has that form. */
  get(written: string): string | undefined {
    return this.forms.get(written);
  }
}

let pastForms: Set<string> | null = null;

/** Whether a word is a past tense or participle ("told", "participated", "threw"). */
export function isPastForm(word: string): boolean {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return false;
  if (word.endsWith('ed')) return word.length > 3 && !NOT_VERBS.has(word);
  if (!pastForms) {
    pastForms = new Set();
    for (const row of Object.values(VERBS)) {
      for (const f of [row[1], row[2]]) if (!f.endsWith('ed') && !COMMON_WORDS.has(f)) pastForms.add(f);
    }
  }
  return pastForms.has(word);
}

/** Words ending in -ed that are not verbs in news prose. */
const NOT_VERBS = new Set(['need', 'speed', 'seed', 'feed', 'creed', 'indeed', 'bed', 'red', 'shed', 'hundred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'breed']);
/** Irregular past forms that are far more often other words ("set", "cost", "left", "saw"), and auxiliaries. */
const COMMON_WORDS = new Set(['set', 'put', 'cost', 'hit', 'cut', 'let', 'read', 'lay', 'left', 'bet', 'quit', 'spread', 'shut', 'hurt', 'bid', 'fit', 'wed', 'rid', 'cast', 'upset', 'split', 'bound', 'ground', 'wound', 'lit', 'spit', 'saw', 'bore', 'rose', 'fell', 'had', 'did', 'been', 'was', 'were', 'done']);
