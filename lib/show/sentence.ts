/**
 * A claim in its sentence, from the stored article text and the annotation's offsets: what
 * a reporter judges a claim by. The text is split into sentences once per article.
 */
import { sentenceAround, splitSentences } from '../recognise/sentences';

/** A function giving the sentence around `[start, end)` of `text`, or null (no text, or the span is in no sentence). */
export function sentenceFinder(text: string | undefined | null): (span: { start: number; end: number }) => string | null {
  if (!text) return () => null;
  let spans: ReturnType<typeof splitSentences> | null = null;
  return ({ start, end }) => {
    if (start < 0 || end > text.length || end <= start) return null;
    spans ??= splitSentences(text);
    const s = sentenceAround(spans, start, end);
    return s ? text.slice(s.start, s.end) : null;
  };
}
