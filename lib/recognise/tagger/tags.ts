/**
 * The tagger's tag set: BIO over the four CoNLL types. MISC (nationalities, events, works)
 * is learned so that it is not mistaken for the three types Casefile shows, then dropped.
 */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NUM_TAGS = TAGS.length;

/** The type of each tag: 0 for O, then 1 PER, 2 ORG, 3 LOC, 4 MISC. */
export const TAG_TYPE: readonly number[] = TAGS.map((t) => (t === 'O' ? 0 : 1 + ['PER', 'ORG', 'LOC', 'MISC'].indexOf(t.slice(2))));

export function tagIndex(tag: string): number {
  const i = (TAGS as readonly string[]).indexOf(tag);
  if (i < 0) throw new Error(`unknown tag ${tag}`);
  return i;
}

/** Whether a tag begins a name (an I- tag after a different type begins one too). */
export function beginsName(tag: number, previous: number): boolean {
  if (tag === 0) return false;
  return TAGS[tag].startsWith('B-') || TAG_TYPE[previous] !== TAG_TYPE[tag];
}
