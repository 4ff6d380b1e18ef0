/**
 * A gazetteer of known names: lowercased names (words joined by spaces) in sorted order with
 * their type bits, searched by bisection. One search answers both "is this a name?" and "does
 * a longer name start with it?", and loading is a split of one string — no map to build on
 * every page load. The tagger reads its marks as features, so a listed name is a strong hint,
 * not a verdict.
 */
export interface Gazetteer {
  /** Names, sorted by code unit (as `<` compares strings). */
  names: string[];
  /** Type bits of each name: 1 PER, 2 ORG, 4 LOC, 8 MISC. */
  types: Uint8Array;
  /** The first words of all names, made on first use: most words start no name and stop here. */
  firsts?: Set<string>;
}

/** A gazetteer from [name, type bits] pairs (names lowercased, words joined by single spaces). */
export function buildGazetteer(entries: Iterable<[string, number]>): Gazetteer {
  const merged = new Map<string, number>();
  for (const [name, bits] of entries) merged.set(name, (merged.get(name) ?? 0) | bits);
  const names = [...merged.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { names, types: Uint8Array.from(names.map((n) => merged.get(n)!)) };
}

/** Index of the first name ≥ key. */
function lowerBound(names: string[], key: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (names[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const LONGER = 256;

/** The key's type bits, plus LONGER when a listed name continues it with another word. */
function lookup(g: Gazetteer, key: string): number {
  const at = lowerBound(g.names, key);
  const exact = g.names[at] === key;
  const next = g.names[exact ? at + 1 : at];
  const longer = next !== undefined && next.length > key.length && next.charCodeAt(key.length) === 32 && next.startsWith(key);
  return (exact ? g.types[at] : 0) | (longer ? LONGER : 0);
}

function firstWords(g: Gazetteer): Set<string> {
  if (!g.firsts) {
    g.firsts = new Set();
    for (const name of g.names) {
      const space = name.indexOf(' ');
      g.firsts.add(space < 0 ? name : name.slice(0, space));
    }
  }
  return g.firsts;
}

/**
 * Mark each token covered by the longest listed name starting at each position: bit
 * 2·(type−1) where the name begins, bit 2·(type−1)+1 where it continues.
 */
export function markSentence(g: Gazetteer, words: { lowerText: string }[]): Uint8Array {
  const marks = new Uint8Array(words.length);
  const firsts = firstWords(g);
  for (let i = 0; i < words.length; i++) {
    let key = words[i].lowerText;
    if (!firsts.has(key)) continue;
    let end = -1;
    let types = 0;
    for (let j = i; ; ) {
      const found = lookup(g, key);
      if (found & 255) { end = j; types = found & 255; }
      if (!(found & LONGER) || ++j >= words.length) break;
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
