/**
 * Lemma keys for matching event words whatever their inflection: "withdrew", "withdraws" and
 * "withdrawal" share one key, and so do "theatres" and "theaters". A word's key is the Porter2
 * stem (wink-porter2-stemmer) of its present form (en-inflectors, which knows the irregular
 * verbs: "threw" → "throw", "pled" → "plead"). Both libraries together are ~33 KB gzipped and
 * need no start-up; keys are cached, so an article pays only for words it has not seen before.
 * (wink-lemmatizer was measured too: exact, but 590 KB gzipped and 240 ms to load.)
 */
import { Inflectors } from 'en-inflectors';
import stem from 'wink-porter2-stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Irregular forms the inflector leaves alone, and British spellings ("theatre"). */
const SPELLING: [RegExp, string][] = [[/tre(s?)$/, 'ter$1'], [/^pled$/, 'plead'], [/^found$/, 'find']];

/** The lemma key of one lowercase word. */
export function lemmaKey(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let w = word;
  for (const [re, to] of SPELLING) w = w.replace(re, to);
  // Only alphabetic words have inflections; numbers and names pass through.
  const key = /^[a-z][a-z'-]*$/.test(w) && w.length > 2 ? stem(new Inflectors(w).toPresent()) : w;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

/** Whether a word is an inflected verb form: a past tense or participle ("told", "participated"). */
export function isPastForm(word: string): boolean {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return false;
  if (word.endsWith('ed')) return !NOT_VERBS.has(word);
  if (word.endsWith('s') || word.endsWith('ing') || word.endsWith('al') || word.endsWith('ion')) return false;
  if (word === 'found') return true;
  const base = new Inflectors(word).toPresent();
  if (base === word || IRREGULAR_PAST.test(word)) return false;
  const forms = new Inflectors(base);
  return forms.toPast() === word || forms.toPastParticiple() === word;
}

/** Words ending in -ed that are not verbs in news prose. */
const NOT_VERBS = new Set(['need', 'speed', 'seed', 'feed', 'creed', 'indeed', 'bed', 'red', 'shed', 'hundred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged']);
/** Present forms en-inflectors changes although they are not past forms. */
const IRREGULAR_PAST = /^(news|data|media|criteria)$/;
