/**
 * A gazetteer of known names: each name as its lowercased words joined by spaces, plus the
 * set of proper prefixes, so a sentence is scanned with a few string lookups per token and
 * the whole list loads in a couple of milliseconds. The tagger reads its marks as features,
 * so a listed name is a strong hint, not a verdict.
 */
export interface Gazetteer {
  /** Type bits of each listed name: 1 PER, 2 ORG, 4 LOC, 8 MISC. */
  names: Map<string, number>;
  /** Every proper prefix of a listed name ("new" and "new york" for "new york city"). */
  prefixes: Set<string>;
}

export function emptyGazetteer(): Gazetteer {
  return { names: new Map(), prefixes: new Set() };
}

/** Add a name, given as its words, with a type (1..4). */
export function addName(g: Gazetteer, words: string[], type: number): void {
  const lower = words.map((w) => w.toLowerCase());
  const key = lower.join(' ');
  g.names.set(key, (g.names.get(key) ?? 0) | (1 << (type - 1)));
  for (let k = 1; k < lower.length; k++) g.prefixes.add(lower.slice(0, k).join(' '));
}

/**
 * Mark each token covered by the longest listed name starting at each position: bit
 * 2·(type−1) where the name begins, bit 2·(type−1)+1 where it continues.
 */
export function markSentence(g: Gazetteer, words: { lowerText: string }[]): Uint8Array {
  const marks = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    let key = words[i].lowerText;
    let end = -1;
    let types = 0;
    for (let j = i; ; ) {
      const t = g.names.get(key);
      if (t) { end = j; types = t; }
      if (!g.prefixes.has(key) || ++j >= words.length) break;
      key += ` ${words[j].lowerText}`;
    }
    if (end < 0) continue;
    for (let t = 0; t < 4; t++) {
      if (!(types & (1 << t))) continue;
      marks[i] |= 1 << (2 * t);
      for (let k = i + 1; k <= end; k++) marks[k] |= 1 << (2 * t + 1);
    }
  }
  return marks;
}

/** Every name in the gazetteer as [words joined by spaces, type bits], for serialising. */
export function gazetteerEntries(g: Gazetteer): [string, number][] {
  return [...g.names];
}
