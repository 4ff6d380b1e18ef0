/**
 * Tokens for the name tagger, split the way its training data (CoNLL-2003) is split, so
 * that the features it learned there mean the same on a web page: punctuation apart,
 * possessive "'s" and "n't" apart, hyphenated words and abbreviations ("U.S.", "Corp.")
 * whole, a sentence's final period apart.
 */
import { splitSentences } from '../sentences';

export interface TaggerToken {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations that keep their period as part of the word (lowercase, without the period). */
const KEEP_PERIOD = new Set(
  ('mr mrs ms dr jr sr st mt ft gov sen rep det cpl sgt lt col gen capt atty prof rev hon vs inc co corp ltd bros dept ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ariz calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont ' +
    'neb nev okla ore pa tenn tex va vt wash wis wyo no cos plc sa nv ag').split(' '),
);

// A word: letters/digits with internal apostrophes, hyphens, periods, ampersands, commas
// between digits ("1,000"); or any single other character. Word characters are written as
// "not space or punctuation" rather than with Unicode property classes, which cost over a
// millisecond to compile on every page load.
const W = '[^\\s!-/:-@\\[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u206f\\u20a0-\\u20cf\\u2190-\\u2bff\\u3000-\\u303f\\ufe30-\\ufe4f\\uff00-\\uff0f]';
const TOKEN = new RegExp(`${W}+(?:(?:[-'’.&/]|,(?=\\d))${W}+)*\\.?|\\S`, 'g');

/** Split one sentence's text into tokens with offsets relative to `offset`. */
export function tokenizeSentence(text: string, offset = 0): TaggerToken[] {
  const out: TaggerToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let word = m[0];
    let start = m.index;
    if (word.endsWith('.') && word.length > 1) {
      const bare = word.slice(0, -1);
      const keep = bare.includes('.') || /^[A-Z]$/.test(bare) || KEEP_PERIOD.has(bare.toLowerCase());
      if (!keep) {
        pushWord(out, bare, offset + start);
        out.push({ start: offset + start + bare.length, end: offset + start + word.length, text: '.' });
        continue;
      }
    }
    pushWord(out, word, offset + start);
  }
  return out;
}

function pushWord(out: TaggerToken[], word: string, start: number) {
  // "Baldwin's" → "Baldwin" "'s"; "didn't" → "did" "n't", as the training data splits them.
  const clitic = /(?:['’][sS]|n['’]t|['’](?:re|ve|ll|d|m))$/.exec(word);
  if (clitic && clitic.index > 0) {
    out.push({ start, end: start + clitic.index, text: word.slice(0, clitic.index) });
    out.push({ start: start + clitic.index, end: start + word.length, text: word.slice(clitic.index) });
    return;
  }
  out.push({ start, end: start + word.length, text: word });
}

/** A text's sentences, each as tokens with offsets into the text. */
export function tokenizeText(text: string): TaggerToken[][] {
  return splitSentences(text).map((s) => tokenizeSentence(text.slice(s.start, s.end), s.start)).filter((s) => s.length);
}
