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

/** Normalise one word for lookup. */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/’/g, "'")
    .replace(/'s$/i, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** Tokenise text into words with offsets; a possessive "'s" is kept outside the token's end. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let end = m.index + m[0].length;
    if (/['’]s$/i.test(m[0])) end -= 2;
    tokens.push({ start: m.index, end, key: normaliseWord(m[0]), capitalised: /^\p{Lu}/u.test(m[0]) || /^\p{N}/u.test(m[0]) });
  }
  return tokens;
}
