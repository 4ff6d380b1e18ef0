/**
 * Features of one token for the name tagger, as 32-bit hashes (no strings built per token):
 * the word and its neighbours, word shape, affixes, the tags already chosen to its left,
 * the gazetteer, and what the rest of the document says about the same word. Training and
 * tagging share this module, so a feature means the same in both.
 */
import { NUM_TAGS, TAG_TYPE } from './tags';

/** A 32-bit string hash (FNV-1a): stable across runs, so a shipped model keeps its meaning. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combine a template number with up to two hashes into one 24-bit feature key (small keys keep the model small). */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0x297a2d39);
  return (h ^ (h >>> 16)) >>> 8;
}

/** What is computed once per distinct word form and reused at every occurrence. */
export interface WordInfo {
  norm: number;
  shape: number;
  exact: number;
  prefix3: number;
  suffix2: number;
  suffix3: number;
  suffix4: number;
  capitalised: boolean;
  lowerText: string;
  hasLetter: boolean;
  title: boolean;
  /** Starts with a lowercase letter. */
  lowercase: boolean;
  /** Written all in capitals (or digits and punctuation only). */
  upper: boolean;
  /** Capitalised and not an acronym: "Baldwin", not "FBI". */
  capitalisedWord: boolean;
}

const wordCache = new Map<string, WordInfo>();

/** Lowercase, digits folded to 0: "1996-08-30" and "2001-01-01" look alike to the tagger. */
export function normalise(word: string): string {
  return word.toLowerCase().replace(/\d/g, '0');
}

/** Character classes with runs collapsed: "McDonald" → "XxXx", "U.S." → "X.X.", "1,000" → "d,d". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = charClass(ch);
    if (c !== last) out += c;
    last = c;
  }
  return word.length <= 3 && /^[A-Z]+$/.test(word) ? `${out}${word.length}` : out;
}

/** 'X' upper, 'x' lower, 'd' digit, else the character: ASCII by code, the rest by case mapping. */
function charClass(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : ch;
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper) return ch === upper ? 'X' : 'x';
  return /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'x' : ch;
}

export function wordInfo(word: string): WordInfo {
  let info = wordCache.get(word);
  if (info) return info;
  const lower = normalise(word);
  const shape = shapeOf(word);
  const first = shape[0];
  info = {
    norm: hashString(lower),
    shape: hashString(shape),
    exact: hashString(word),
    prefix3: hashString(lower.slice(0, 3)),
    suffix2: hashString(lower.slice(-2)),
    suffix3: hashString(lower.slice(-3)),
    suffix4: hashString(lower.slice(-4)),
    capitalised: first === 'X',
    lowerText: word.toLowerCase(),
    hasLetter: /[Xx]/.test(shape),
    title: isTitle(word),
    lowercase: first === 'x',
    upper: word === word.toUpperCase(),
    capitalisedWord: first === 'X' && /x/.test(shape),
  };
  if (wordCache.size > 200_000) wordCache.clear();
  wordCache.set(word, info);
  return info;
}

/** Per-document facts the tagger reads: which words appear lowercase, which capitalised mid-sentence. */
export interface DocumentContext {
  lowercase: Set<string>;
  capitalisedInside: Set<string>;
  /** The type (1..4) last given to each word form earlier in the document. */
  history: Map<string, number>;
}

export function documentContext(sentences: WordInfo[][]): DocumentContext {
  const lowercase = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const s of sentences) {
    const headline = isHeadline(s);
    for (let i = 0; i < s.length; i++) {
      const w = s[i];
      if (w.lowercase) lowercase.add(w.lowerText);
      else if (i > 0 && !headline && w.capitalisedWord) capitalisedInside.add(w.lowerText);
    }
  }
  return { lowercase, capitalisedInside, history: new Map() };
}

/** A sentence in capitals (a headline, a dateline): its capitals say nothing about names. */
export function isHeadline(words: WordInfo[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!w.hasLetter) continue;
    letters++;
    if (w.upper) upper++;
  }
  return letters >= 2 && upper / letters > 0.8;
}

/**
 * Words that stand before a name as a title or role ("Sheriff Adan Mendoza"). Reuters text
 * rarely capitalises them, so the tagger is told they belong to one class and learns it
 * once for all of them rather than word by word.
 */
const TITLES = new Set(
  ('mr mrs ms miss dr sir dame lord lady president vice senator sen representative rep congressman congresswoman governor gov ' +
    'sheriff judge justice magistrate prosecutor attorney lawyer counsel minister chancellor premier king queen prince princess ' +
    'general gen colonel col captain capt lieutenant lt sergeant sgt corporal cpl officer detective det deputy agent mayor ' +
    'chairman chairwoman chair chief director secretary ambassador spokesman spokeswoman spokesperson professor prof coach ' +
    'manager actor actress producer cinematographer armorer armourer special district assistant pope cardinal bishop rev father ' +
    'sister brother uncle aunt widow widower ceo founder editor reporter star defendant plaintiff witness').split(' '),
);

/** Whether a word is a title or role that stands before names ("Sheriff", "Dr."). */
export function isTitle(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/, ''));
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Gazetteer marks for one sentence: per token, a bitmask of (type, begins/inside). */
export type GazetteerMarks = Uint8Array;

/** Room for every feature one token can have. */
export const MAX_FEATURES = 64;

/**
 * The features of token `i`, written into `out`; returns how many. `norms` and `shapes`
 * hold the sentence's word hashes with two slots of padding at each end; `tags` holds the
 * tags already chosen for tokens before `i`.
 */
export function featuresAt(
  out: Int32Array,
  words: WordInfo[],
  norms: Uint32Array,
  shapes: Uint32Array,
  i: number,
  tags: ArrayLike<number>,
  headline: boolean,
  gaz: GazetteerMarks,
  doc: DocumentContext,
): number {
  const w = words[i];
  const k = i + 2; // index into the padded arrays
  const p1 = i > 0 ? tags[i - 1] : NUM_TAGS;
  const p2 = i > 1 ? tags[i - 2] : NUM_TAGS;
  let n = 0;
  out[n++] = mix(0, 0);
  out[n++] = mix(1, w.norm);
  out[n++] = mix(2, norms[k - 1]);
  out[n++] = mix(3, norms[k + 1]);
  out[n++] = mix(4, norms[k - 2]);
  out[n++] = mix(5, norms[k + 2]);
  out[n++] = mix(6, w.shape);
  out[n++] = mix(7, shapes[k - 1]);
  out[n++] = mix(8, shapes[k + 1]);
  out[n++] = mix(9, shapes[k - 1], w.shape);
  out[n++] = mix(10, w.shape, shapes[k + 1]);
  out[n++] = mix(11, norms[k - 1], w.norm);
  out[n++] = mix(12, w.norm, norms[k + 1]);
  out[n++] = mix(13, w.prefix3);
  out[n++] = mix(14, w.suffix2);
  out[n++] = mix(15, w.suffix3);
  out[n++] = mix(16, w.suffix4);
  out[n++] = mix(17, p1);
  out[n++] = mix(18, p1, p2);
  out[n++] = mix(19, p1, w.norm);
  out[n++] = mix(20, p1, w.shape);
  out[n++] = mix(21, i === 0 ? 1 : 0, w.shape);
  out[n++] = mix(22, w.exact);
  if (headline) {
    out[n++] = mix(23, w.norm);
    out[n++] = mix(24, w.shape, p1);
  }
  if (w.capitalised && i > 0 && !headline) {
    // A capitalised word the document also writes in lowercase is likely a common word.
    out[n++] = mix(25, doc.lowercase.has(w.lowerText) ? 1 : 0);
  }
  if (w.hasLetter && (i === 0 || headline)) {
    // At a sentence start or in a headline, capitals are uninformative: ask the rest of the document.
    out[n++] = mix(26, doc.capitalisedInside.has(w.lowerText) ? 1 : 0, doc.lowercase.has(w.lowerText) ? 1 : 0);
  }
  const seen = doc.history.get(w.lowerText);
  if (seen !== undefined) {
    out[n++] = mix(27, seen);
    out[n++] = mix(28, seen, w.shape);
  }
  const g = gaz[i];
  if (g) {
    for (let bit = 0; bit < 8; bit++) {
      if (g & (1 << bit)) {
        out[n++] = mix(29, bit);
        out[n++] = mix(30, bit, p1);
      }
    }
  } else out[n++] = mix(29, 99);
  const gPrev = i > 0 ? gaz[i - 1] : 0;
  const gNext = i + 1 < gaz.length ? gaz[i + 1] : 0;
  out[n++] = mix(31, gPrev, gNext);
  if (w.title) {
    out[n++] = mix(32, w.shape);
    out[n++] = mix(33, p1);
  }
  if (i > 0 && words[i - 1].title) {
    out[n++] = mix(34, w.shape);
    out[n++] = mix(35, p1);
  }
  out[n++] = mix(36, norms[k - 1], w.shape);
  return n;
}

/** A sentence's word hashes padded with sentence-boundary markers, for `featuresAt`. */
export function paddedHashes(words: WordInfo[]): { norms: Uint32Array; shapes: Uint32Array } {
  const norms = new Uint32Array(words.length + 4);
  const shapes = new Uint32Array(words.length + 4);
  norms[0] = norms[1] = shapes[0] = shapes[1] = BOS;
  norms[words.length + 2] = norms[words.length + 3] = shapes[words.length + 2] = shapes[words.length + 3] = EOS;
  for (let i = 0; i < words.length; i++) {
    norms[i + 2] = words[i].norm;
    shapes[i + 2] = words[i].shape;
  }
  return { norms, shapes };
}

/** After a token is tagged, remember its type for later occurrences of the same word. */
export function remember(doc: DocumentContext, word: WordInfo, tag: number): void {
  const type = TAG_TYPE[tag];
  if (type > 0 && word.capitalised) doc.history.set(word.lowerText, type);
}
