/**
 * A claim in its sentence, from the stored article text and the annotation's offsets: what
 * a reporter judges a claim by. The text is split into sentences once per article.
 */
import { sentenceAround, splitSentences, type Span } from '../recognise/sentences';

/** A function giving the sentence span around `[start, end)` of `text` (offsets into `text`), or null. */
export function sentenceSpanFinder(text: string | undefined | null): (span: { start: number; end: number }) => Span | null {
  if (!text) return () => null;
  let spans: Span[] | null = null;
  return ({ start, end }) => {
    if (start < 0 || end > text.length || end <= start) return null;
    spans ??= splitSentences(text);
    return sentenceAround(spans, start, end);
  };
}

/** A function giving the sentence around `[start, end)` of `text`, or null (no text, or the span is in no sentence). */
export function sentenceFinder(text: string | undefined | null): (span: { start: number; end: number }) => string | null {
  const find = sentenceSpanFinder(text);
  return (span) => {
    const s = find(span);
    return s && text ? text.slice(s.start, s.end) : null;
  };
}
