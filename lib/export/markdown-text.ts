/**
 * Writing text from pages and case files into Markdown safely: as text, never as Markdown or
 * HTML it could be, and links only to http(s) URLs. Used by the Markdown report and the
 * card's citations (a small module: the content script carries it).
 */
import { cleanHttpUrl } from '../util/url';

/**
 * Text as Markdown shows it, never as Markdown or HTML it could be: line breaks (which would
 * start a heading, a list or a raw HTML block) become spaces, and every character that gives
 * inline text a meaning (emphasis, code, links, tables, HTML, strike-through) is escaped.
 */
// eslint-disable-next-line no-control-regex
export const escape = (s: string) => s.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/([\\`*_[\]|<>~])/g, '\\$1');
/** One line of text, trimmed and escaped (a sentence or a note may hold line breaks). */
export const oneLine = (s: string) => escape(s.trim());

/**
 * A link target as Markdown reads it: only http(s) URLs, their normalised `href`, with the
 * characters that could end the target or start HTML percent-encoded. Anything else is no link.
 */
export function target(url: string): string | null {
  const clean = cleanHttpUrl(url, 10_000);
  if (!('href' in clean)) return null;
  return clean.href.replace(/[()<>[\]\\ "'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link, or (for what is not an http(s) URL) the text alone. */
export const link = (text: string, url: string) => {
  const to = target(url);
  return to ? `[${escape(text)}](${to})` : escape(text);
};
