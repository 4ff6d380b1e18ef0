/**
 * Extraction off the page's thread, the page's half. The page hands the extension a copy of
 * itself as HTML; the extension parses the copy, runs Readability on it there, and answers
 * with the article's text nodes as ordinals — positions in a list of text nodes that both
 * sides build the same way (`orderedTexts`). The page turns ordinals back into its own
 * nodes, checking each node's text, so a copy that parsed differently costs a node, never a
 * wrong highlight. What the page pays is one serialisation, not Readability's long task.
 */
import { drain } from '../util/steps';
import { textNodes, type TextSegment } from './article';

/** Text nodes that are not page text: script and style source, and noscript fallbacks (raw text in the page, markup in a parsed copy). */
const NOT_TEXT = new Set(['script', 'style', 'noscript']);

/** The document's text nodes in document order, numbered the same way in the page and in a parsed copy of it. */
export function orderedTexts(doc: Document): Text[] {
  return drain(orderedTextSteps(doc));
}

/** `orderedTexts` in steps of a few thousand nodes. */
function* orderedTextSteps(doc: Document): Generator<void, Text[]> {
  // Where scripts are off (a parsed copy, a site with JavaScript blocked), noscript holds markup.
  const fallback = new Set<Node>();
  for (const el of Array.from(doc.querySelectorAll('noscript'))) if (el.firstElementChild) for (const t of textNodes(el)) fallback.add(t);
  const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  let seen = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const parent = t.parentNode as Element | null;
    if (parent && !NOT_TEXT.has(parent.localName) && !fallback.has(t)) out.push(t as Text);
    if (++seen % 1000 === 0) yield;
  }
  return out;
}

const SCRIPT_OR_STYLE = /(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi;
/** A start tag with an inline event handler in it (text never matches: its "<" is serialised as "&lt;"). */
const TAG_WITH_HANDLER = /<[a-z][^>]*\son[a-z]+=[^>]*>/gi;
const HANDLER = /\son[a-z]+="[^"]*"/gi;

/** An SVG path's drawing (its `d`): a tenth of the corpus pages' HTML, over half of one, and no text in it. */
const PATH_DATA = /(<path\b[^>]*?)\sd="[^"]*"/gi;

/**
 * The HTML without what no reader of the text needs: the bodies of script elements and style
 * sheets, which are most of many pages' weight; inline event handlers, which cost a policy
 * check each when parsed inside the extension (a third of the parse on some pages); and SVG
 * path data. Readability uses none of them, and no text node is lost, so both sides number
 * the page's text alike. JSON-LD stays: it says when the article was published and what it is.
 */
export function leanHtml(html: string): string {
  return html
    .replace(SCRIPT_OR_STYLE, (whole: string, open: string, _tag: string, close: string) => (/ld\+json/i.test(open) ? whole : open + close))
    .replace(TAG_WITH_HANDLER, (tag) => tag.replace(HANDLER, ''))
    .replace(PATH_DATA, '$1');
}

/** What the page sends (its HTML) and keeps (its text nodes, numbered) for one extraction. */
export interface PageSnapshot {
  html: string;
  texts: Text[];
}

/** Serialise the page and number its text nodes, in one synchronous step so both describe the same moment. */
export function snapshotPage(doc: Document): PageSnapshot {
  return { html: leanHtml(doc.documentElement.outerHTML), texts: orderedTexts(doc) };
}

/** Elements serialised in one piece (when none of them is a script or a style sheet). */
const PIECE = 400;
/** Text and comment children written between two breaths. */
const RUN = 200;

/**
 * The same snapshot in steps, so that no step holds the page's thread for a frame: the page
 * is written out piece by piece — an element of at most `PIECE` elements holding no script
 * or style sheet at once (natively), a larger one or one holding scripts as its start tag,
 * its children and its end tag; a script or style sheet as its tags alone, so their bodies
 * (most of many pages' weight) are never even serialised — then its text nodes are numbered
 * a thousand at a time. A page that changes meanwhile costs a node or two at attach time
 * (each is checked), never a wrong highlight.
 */
export function* snapshotSteps(doc: Document): Generator<void, PageSnapshot> {
  const parts: string[] = [];
  yield* serialiseSteps(doc.documentElement, parts);
  yield;
  const html = parts.join('');
  yield;
  const texts = yield* orderedTextSteps(doc);
  return { html, texts };
}

/** Elements whose text is written as it is, not escaped (HTML's serialisation rules). */
const RAW_TEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

function* serialiseSteps(el: Element, out: string[]): Generator<void, void> {
  const tag = el.localName;
  if (tag === 'script' || tag === 'style') {
    // As `leanHtml` writes them: tags only, but JSON-LD (it says when the article was published).
    const jsonLd = tag === 'script' && /ld\+json/i.test(el.getAttribute('type') ?? '');
    out.push(`${leanHtml(startTag(el))}${jsonLd ? el.textContent ?? '' : ''}</${tag}>`);
    return;
  }
  if (tag === 'template' || (el.getElementsByTagName('*').length <= PIECE && !el.querySelector('script, style'))) {
    out.push(leanHtml(el.outerHTML));
    yield;
    return;
  }
  out.push(leanHtml(startTag(el)));
  const raw = RAW_TEXT.has(tag);
  let run = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      yield* serialiseSteps(child as Element, out);
      continue;
    }
    if (child.nodeType === 3) out.push(raw ? (child as Text).data : escapeHtml((child as Text).data, false));
    else if (child.nodeType === 8) out.push(`<!--${(child as Comment).data}-->`);
    if (++run % RUN === 0) yield;
  }
  out.push(`</${tag}>`);
}

/** An element's start tag as HTML writes it (built from its attributes: cloning would run a page's custom element code). */
function startTag(el: Element): string {
  let tag = `<${el.localName}`;
  for (const a of Array.from(el.attributes)) tag += ` ${a.name}="${escapeHtml(a.value, true)}"`;
  return `${tag}>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '\u00a0': '&nbsp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or an attribute's value, escaped as HTML's serialisation escapes it. */
function escapeHtml(value: string, attribute: boolean): string {
  return value.replace(attribute ? /[&\u00a0<>"]/g : /[&\u00a0<>]/g, (c) => ESCAPES[c]);
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
  return drain(attachSteps(text, triples, texts));
}

/** How far past where it is expected a node is looked for by its text (a page rebuilt wholesale is not worth a longer search). */
const SEARCH = 2000;

/** `attachSegments` in steps of a few hundred nodes. */
export function* attachSteps(text: string, triples: readonly number[], texts: readonly Text[]): Generator<void, TextSegment[]> {
  const segments: TextSegment[] = [];
  let shift = 0;
  let next = 0;
  for (let i = 0; i + 2 < triples.length; i += 3) {
    if (i % 300 === 0) yield;
    const ordinal = triples[i];
    const start = triples[i + 1];
    const end = triples[i + 2];
    const want = text.slice(start, end);
    const fits = (node: Text | undefined) => !!node && node.length === want.length && node.data.replace(LAYOUT_SPACE, ' ') === want;
    let at = ordinal + shift;
    if (at < next || !fits(texts[at])) {
      at = -1;
      const from = Math.max(next, ordinal + shift - SEARCH);
      for (let j = from; j < texts.length && j < from + 2 * SEARCH; j++) {
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
