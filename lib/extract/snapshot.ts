/**
 * Extraction off the page's thread, the page's half. The page hands the extension a copy of
 * itself as HTML; the extension parses the copy, runs Readability on it there, and answers
 * with the article's text nodes as ordinals — positions in a list of text nodes that both
 * sides build the same way (`orderedTexts`). The page turns ordinals back into its own
 * nodes, checking each node's text, so a copy that parsed differently costs a node, never a
 * wrong highlight. What the page pays is one serialisation, not Readability's long task.
 */
import { textNodes, type TextSegment } from './article';

/** Text nodes that are not page text: script and style source, and noscript fallbacks (raw text in the page, markup in a parsed copy). */
const NOT_TEXT = new Set(['script', 'style', 'noscript']);

/** The document's text nodes in document order, numbered the same way in the page and in a parsed copy of it. */
export function orderedTexts(doc: Document): Text[] {
  // Where scripts are off (a parsed copy, a site with JavaScript blocked), noscript holds markup.
  const fallback = new Set<Node>();
  for (const el of Array.from(doc.querySelectorAll('noscript'))) if (el.firstElementChild) for (const t of textNodes(el)) fallback.add(t);
  return textNodes(doc).filter((t) => {
    const parent = t.parentNode as Element | null;
    return !!parent && !NOT_TEXT.has(parent.localName) && !fallback.has(t);
  });
}

const SCRIPT_OR_STYLE = /(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi;
/** A start tag with an inline event handler in it (text never matches: its "<" is serialised as "&lt;"). */
const TAG_WITH_HANDLER = /<[a-z][^>]*\son[a-z]+=[^>]*>/gi;
const HANDLER = /\son[a-z]+="[^"]*"/gi;

/**
 * The HTML without scripts: the bodies of script elements and style sheets, which are most
 * of many pages' weight, and inline event handlers, which cost a policy check each when
 * parsed inside the extension (a third of the parse on some pages). Readability uses none of
 * them. JSON-LD stays: it says when the article was published and what it is.
 */
export function stripScripts(html: string): string {
  return html
    .replace(SCRIPT_OR_STYLE, (whole: string, open: string, _tag: string, close: string) => (/ld\+json/i.test(open) ? whole : open + close))
    .replace(TAG_WITH_HANDLER, (tag) => tag.replace(HANDLER, ''));
}

/** What the page sends (its HTML) and keeps (its text nodes, numbered) for one extraction. */
export interface PageSnapshot {
  html: string;
  texts: Text[];
}

/** Serialise the page and number its text nodes, in one synchronous step so both describe the same moment. */
export function snapshotPage(doc: Document): PageSnapshot {
  return { html: stripScripts(doc.documentElement.outerHTML), texts: orderedTexts(doc) };
}

const CANONICAL_LINK = /<link\b[^>]*\brel\s*=\s*(["']?)[^"'>]*\bcanonical\b[^>]*>/gi;

/** The HTML without its canonical link (one the page left behind from an article it navigated away from). */
export function withoutCanonical(html: string): string {
  return html.replace(CANONICAL_LINK, '');
}

/** Layout whitespace inside a node, which the article text writes as spaces (offsets stay 1:1). */
const LAYOUT_SPACE = /[\n\r\t\f]/g;

/**
 * Turn the extension's answer — `[ordinal, start, end]` triples into `text` — back into the
 * page's own text nodes. Each node must hold exactly the characters it stands for; where the
 * parsed copy numbered nodes differently (text a script split in two, a table the parser
 * rebuilt), the next node with those characters is taken and the offset is learnt for the
 * rest. A node that cannot be found is left out: its words are not highlighted.
 */
export function attachSegments(text: string, triples: readonly number[], texts: readonly Text[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let shift = 0;
  let next = 0;
  for (let i = 0; i + 2 < triples.length; i += 3) {
    const ordinal = triples[i];
    const start = triples[i + 1];
    const end = triples[i + 2];
    const want = text.slice(start, end);
    const fits = (node: Text | undefined) => !!node && node.length === want.length && node.data.replace(LAYOUT_SPACE, ' ') === want;
    let at = ordinal + shift;
    if (at < next || !fits(texts[at])) {
      at = -1;
      for (let j = next; j < texts.length; j++) {
        if (fits(texts[j])) {
          at = j;
          break;
        }
      }
      if (at < 0) continue;
      shift = at - ordinal;
    }
    next = at + 1;
    if (texts[at].isConnected) segments.push({ node: texts[at], start, end });
  }
  return segments;
}
