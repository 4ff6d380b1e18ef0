/** Display helpers shared by the card, the popup and the side panel (the wording lives in lib/show/words.ts, shared with the exports). */
export { KIND_LABEL, plural, readable, VERDICT_LABEL } from '../lib/show/words';

/**
 * Text from a page or a case file, made safe to show: the invisible controls that reorder
 * text (right-to-left overrides, embeddings, isolates, marks) are shown as their code points,
 * so a name cannot display as something it is not; callers also wrap it in `<bdi>`, so it
 * cannot reorder the words around it.
 */
export function visible(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
