/**
 * Word tokens with offsets, normalised for matching names: lowercase, curly apostrophes
 * straightened, possessive "'s" dropped, diacritics folded ("Toruń" = "Torun").
 */
export interface Token {
  start: number;
  end: number;
  /** Normalised form used for lookup. */
  key: string;
  capitalised: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*/gu;

/** Plain ASCII: nothing to fold, so the common word skips Unicode normalisation. */
const ASCII = /^[\x00-\x7f]*$/;

/** Normalise one word for lookup. */
export function normaliseWord(word: string): string {
  let w = ASCII.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'");
  if (endsWithPossessive(w, "'")) w = w.slice(0, -2);
  if (w.endsWith('.')) w = w.slice(0, -1);
  return w.toLowerCase();
}

/** Whether a word ends in "'s" (any case) with the given apostrophe(s). */
function endsWithPossessive(word: string, apostrophes: string): boolean {
  const n = word.length;
  return n >= 2 && (word[n - 1] === 's' || word[n - 1] === 'S') && apostrophes.includes(word[n - 2]);
}

/** Whether a word starts with a capital letter or a digit (names and numbers can start a name). */
function startsCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /^[\p{Lu}\p{N}]/u.test(word);
}

/** A capitalised word's hyphen before a lowercase participle ("Souza-helmed", "Baldwin-starring", "Reeb-led"). */
const GLUED_PARTICIPLE = /(?<=^\p{Lu}[\p{L}'’]+)-(?=\p{Ll}+(?:ed|ing)$)/u;

/**
 * Tokenise text into words with offsets; a possessive "'s" is kept outside the token's end.
 * Runs over every article at least once per check, so it avoids a regular expression per word.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let word = m[0];
    // "the Joel Souza-helmed Western", "an Alec Baldwin-starring film": the name ends at the hyphen.
    const glued = word.includes('-') ? GLUED_PARTICIPLE.exec(word) : null;
    if (glued) {
      word = word.slice(0, glued.index);
      tokens.push({ start: m.index, end: m.index + word.length, key: normaliseWord(word), capitalised: startsCapitalised(word) });
      const rest = m[0].slice(glued.index + 1);
      tokens.push({ start: m.index + glued.index + 1, end: m.index + m[0].length, key: normaliseWord(rest), capitalised: false });
      continue;
    }
    const end = m.index + word.length - (endsWithPossessive(word, "'’") ? 2 : 0);
    tokens.push({ start: m.index, end, key: normaliseWord(word), capitalised: startsCapitalised(word) });
  }
  return tokens;
}
