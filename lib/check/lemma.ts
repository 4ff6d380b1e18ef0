/**
 * Lemmas for matching event words whatever their inflection: "withdrew", "withdraws" and
 * "withdrawing" all read as "withdraw"; "theatres" as "theater". The few hundred words the
 * lexicon and a case's triggers know are inflected once (`FormIndex`), and an article's words
 * are then looked up, never lemmatised one by one.
 *
 * The verbs come from en-inflectors' table (5,333 verbs, irregular forms included), generated
 * into `verb-forms.ts` by `npm run build:verbs`, because the library itself cost ~57 ms to load
 * at every start of the background. Measured before choosing: wink-lemmatizer is exact but
 * 590 KB gzipped and 240 ms to load; compromise is 141 KB and 310 ms and cannot conjugate
 * "sue"; lemmatising each new word of an article with en-inflectors cost ~95 µs cold.
 */
import { IRREGULAR, VERBS } from './verb-forms';

type Row = [string, string, string, string];

let verbs: Set<string> | null = null;
let irregular: Map<string, Row> | null = null;
let irregularBase: Map<string, string> | null = null;
let pastForms: Set<string> | null = null;

/** The generated tables, split on first use. */
function tables() {
  if (!verbs || !irregular || !irregularBase) {
    verbs = new Set(VERBS.split(' '));
    irregular = new Map();
    irregularBase = new Map();
    for (const entry of IRREGULAR.split('|')) {
      const [base, ...forms] = entry.split(' ');
      irregular.set(base, forms as Row);
      for (const f of forms) if (!irregularBase.has(f) && !verbs.has(f)) irregularBase.set(f, base);
    }
    irregularBase.set('pled', 'plead');
  }
  return { verbs, irregular, irregularBase };
}

/** Past, participle, third person and gerund of a regular verb (the generator keeps the exceptions). */
export function regularForms(base: string): Row {
  const past = /e$/.test(base) ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  const third = /(s|x|z|ch|sh|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const gerund = /ie$/.test(base) ? `${base.slice(0, -2)}ying` : /[^e]e$/.test(base) ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return [past, past, third, gerund];
}

function plural(noun: string): string {
  return /(s|x|z|ch|sh)$/.test(noun) ? `${noun}es` : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** "theatre" → "theater": one spelling for matching. */
function american(word: string): string {
  return word.replace(/tre(s?)$/, 'ter$1');
}

const baseCache = new Map<string, string>();

/** The base form of one lowercase word: the infinitive of a verb form, the singular of a plural. */
export function lemmaKey(word: string): string {
  const cached = baseCache.get(word);
  if (cached !== undefined) return cached;
  const w = american(word);
  const { verbs: v, irregularBase } = tables();
  let base = w;
  if (!v.has(w) && /^[a-z][a-z'-]*$/.test(w) && w.length > 2) {
    const candidates = irregularBase.has(w) ? [irregularBase.get(w)!] : deinflected(w);
    // A verb the table knows, else the likeliest regular infinitive ("refiled" → "refile").
    base = candidates.find((c) => v.has(c) && formsOf(c).includes(w))
      ?? (/(ed|ing)$/.test(w) ? candidates.find((c) => c.length > 2 && formsOf(c).includes(w)) : undefined)
      ?? nounSingular(w);
  }
  if (baseCache.size > 10_000) baseCache.clear();
  baseCache.set(word, base);
  return base;
}

/** Infinitives a regular form may come from, likeliest first. */
function deinflected(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    // "filed" is file + d, "indicted" indict + ed: an e is wanted after a short vowel and a consonant, or after l/r.
    const stem = w.slice(0, -2);
    const wantsE = /([^aeiou][aeiou][^aeiouwxy]|[^aeiou][lr]|[cgsvz]|u)$/.test(stem);
    out.push(...(wantsE ? [w.slice(0, -1), stem] : [stem, w.slice(0, -1)]), w.slice(0, -3));
  }
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -1), w.slice(0, -2));
  else if (w.endsWith('s')) out.push(w.slice(0, -1));
  if (w.endsWith('ying')) out.push(`${w.slice(0, -4)}ie`);
  if (w.endsWith('ing')) out.push(`${w.slice(0, -3)}e`, w.slice(0, -3), w.slice(0, -4));
  return out;
}

function nounSingular(w: string): string {
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/[^su]s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Every written form of a base word: a verb's conjugation, a noun's plural, British spellings. */
export function formsOf(base: string): string[] {
  const forms = new Set<string>([base]);
  const { verbs: v, irregular: irr } = tables();
  if (/^[a-z]+$/.test(base)) {
    const row = irr.get(base) ?? (v.has(base) || !/[^aeiou]{3}$/.test(base) ? regularForms(base) : null);
    if (row) for (const f of row) forms.add(f);
    if (!/s$/.test(base) || /ss$/.test(base)) forms.add(plural(base));
  }
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

/** Whether a word is a past tense or participle ("told", "participated", "threw"). */
export function isPastForm(word: string): boolean {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return false;
  if (word.endsWith('ed')) return word.length > 3 && !NOT_VERBS.has(word);
  if (!pastForms) {
    pastForms = new Set();
    for (const [past, participle] of tables().irregular.values()) {
      for (const f of [past, participle]) if (!f.endsWith('ed') && !COMMON_WORDS.has(f)) pastForms.add(f);
    }
  }
  return pastForms.has(word);
}

/** Words ending in -ed that are not verbs in news prose. */
const NOT_VERBS = new Set(['need', 'speed', 'seed', 'feed', 'creed', 'indeed', 'bed', 'red', 'shed', 'hundred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'breed']);
/** Irregular past forms that are far more often other words ("set", "cost", "left", "saw"), and auxiliaries. */
const COMMON_WORDS = new Set(['set', 'put', 'cost', 'hit', 'cut', 'let', 'read', 'lay', 'left', 'bet', 'quit', 'spread', 'shut', 'hurt', 'bid', 'fit', 'wed', 'rid', 'cast', 'upset', 'split', 'bound', 'ground', 'wound', 'lit', 'spit', 'saw', 'bore', 'rose', 'fell', 'had', 'did', 'been', 'was', 'were', 'done']);
