/**
 * Extract: isolate the article body with Readability on a clone of the document, then map
 * it back onto the live page's text nodes — so that only the article is ever highlighted,
 * never navigation, related-story rails, ads or footers. Reads the DOM, never writes it.
 */
import { hostOf } from '../util/url';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ArticleText } from '../types';
import { findPublished } from './published';

/** A live text node and where its characters sit in `ArticleText.text`. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

export interface ExtractedArticle {
  article: ArticleText;
  segments: TextSegment[];
}

const BLOCK = new Set('ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TH THEAD TR UL'.split(' '));
/** Inside the article, blocks that are about other stories, are not prose, or say who wrote it or took the photo. */
const SKIP_TAGS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE BUTTON SELECT TEXTAREA INPUT SVG MATH CASEFILE-CARD'.split(' '));
/** Schema.org's properties for who holds the rights to a picture: a photo credit, whatever its classes (nytimes hashes them). */
const CREDIT_PROPS = /(^|\s)(copyrightHolder|copyrightNotice|creditText)(\s|$)/i;
const OTHER_STORIES = /(^|[\s_-])(byline|attribution|credit|credits|related|recirc|more-stories|read-more|readmore|promo|newsletter|recommend|trending|most-popular|outbrain|taboola|sponsored|advert|ad-slot|share|social|embed)([\s_-]|$)/i;

/**
 * The least text an article has (characters, spaces folded): less is a page still loading
 * its text ("Loading…", a skeleton) or no article at all, and is never stored or shown as
 * checked — a page that fills in its text later is read when the text is there.
 */
export const MIN_ARTICLE_CHARS = 200;

/**
 * Whether a page looks like an article; pages that do not are left alone unless asked.
 * Readability's quick test, or the page saying so itself (og:type, JSON-LD *Article) — some
 * real articles (BBC's among them) are laid out so that the quick test misses them.
 */
export function looksLikeArticle(doc: Document): boolean {
  if (declaresArticle(doc)) return true;
  return doc.getElementsByTagName('*').length > LARGE_PAGE ? hasLongParagraphs(doc) : isProbablyReaderable(doc);
}

/** Above this many elements, Readability's quick test (two full scans of the page) takes more than a frame. */
const LARGE_PAGE = 5000;

/**
 * The quick test for a large page: three paragraphs of prose (140 characters or more, not in
 * a list) among its first few hundred — read lazily, so a page of 100,000 elements costs the
 * same as a small one.
 */
function hasLongParagraphs(doc: Document): boolean {
  const paragraphs = doc.getElementsByTagName('p');
  let long = 0;
  for (let i = 0; i < paragraphs.length && i < 400; i++) {
    const p = paragraphs[i];
    if ((p.textContent ?? '').trim().length >= 140 && !p.closest('li') && ++long >= 3) return true;
  }
  return false;
}

function declaresArticle(doc: Document): boolean {
  if (doc.querySelector('meta[property="og:type"][content="article" i]')) return true;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"@type"\s*:\s*"(?:\w*NewsArticle|Article|BlogPosting|Report\w*)"/.test(script.textContent ?? '')) return true;
  }
  return false;
}

/** Extract the article of a document, or null when Readability finds none. Reads only. */
export function extractArticle(doc: Document, url = doc.location?.href ?? ''): (ExtractedArticle & { timings: ExtractionTimings }) | null {
  const t0 = performance.now();
  const prepared = prepareExtraction(doc);
  const t1 = performance.now();
  const parsed = runReadability(prepared);
  const t2 = performance.now();
  const extracted = parsed ? mapToPage(prepared, parsed, url) : null;
  return extracted && { ...extracted, timings: { prepare: t1 - t0, readability: t2 - t1, map: performance.now() - t2 } };
}

/** What each of extraction's three steps cost, in ms. */
export interface ExtractionTimings {
  prepare: number;
  readability: number;
  map: number;
}

/** A clone for Readability to consume, with its text nodes matched to the live page's. */
export interface PreparedExtraction {
  doc: Document;
  clone: Document;
  liveTexts: Text[];
  toLive: Map<Node, Text>;
}

/** What Readability found: its metadata and the article element (in the clone). */
export interface ReadabilityResult {
  title: string;
  siteName: string | null;
  publishedTime: string | null;
  content: Element;
}

/**
 * Step 1 of 3: clone the document and pair each clone text node with its live twin. The
 * steps are separate so the page gets its thread back between them.
 */
export function prepareExtraction(doc: Document): PreparedExtraction {
  const clone = doc.cloneNode(true) as Document;
  const liveTexts = textNodes(doc);
  const cloneTexts = textNodes(clone);
  const toLive = new Map<Node, Text>();
  if (liveTexts.length === cloneTexts.length) cloneTexts.forEach((t, i) => toLive.set(t, liveTexts[i]));
  return { doc, clone, liveTexts, toLive };
}

/** Step 2 of 3: Readability on the clone (which it consumes). */
export function runReadability(prepared: PreparedExtraction): ReadabilityResult | null {
  let content: Element | null = null;
  const parsed = new Readability(prepared.clone, {
    serializer: (el: Node) => {
      content = el as Element;
      return '';
    },
  }).parse();
  if (!parsed || !content) return null;
  return { title: parsed.title ?? '', siteName: parsed.siteName ?? null, publishedTime: parsed.publishedTime ?? null, content };
}

/** Step 3 of 3: map the article back onto the live page's text nodes, as text plus segments. */
export function mapToPage(prepared: PreparedExtraction, parsed: ReadabilityResult, url: string): ExtractedArticle | null {
  const { doc, liveTexts, toLive } = prepared;
  // Readability keeps most nodes; where it re-parsed, match the text in document order.
  const livePosition = new Map(liveTexts.map((t, i) => [t, i]));
  const mapped: Text[] = [];
  const skippedParent = new Map<Element | null, boolean>();
  const articleLength = parsed.content.textContent?.length ?? 0;
  const isSkipped = (node: Text) => {
    let answer = skippedParent.get(node.parentElement);
    if (answer === undefined) skippedParent.set(node.parentElement, (answer = skipped(node, articleLength)));
    return answer;
  };
  let cursor = 0;
  for (const t of textNodes(parsed.content)) {
    if (isSpace(t)) {
      // Whitespace alone separates words in markup like React's "President<!-- --> <!-- -->Trump";
      // taken only where Readability kept the node itself (a search would find any space).
      const live = toLive.get(t);
      if (live && (livePosition.get(live) ?? -1) >= cursor && !isSkipped(live)) {
        mapped.push(live);
        cursor = livePosition.get(live)! + 1;
      }
      continue;
    }
    let live = toLive.get(t);
    if (!live || (livePosition.get(live) ?? -1) < cursor) {
      live = undefined;
      for (let i = cursor; i < liveTexts.length; i++) {
        if (liveTexts[i].data === t.data) {
          live = liveTexts[i];
          break;
        }
      }
    }
    if (!live) continue;
    cursor = livePosition.get(live)! + 1;
    if (!isSkipped(live)) mapped.push(live);
  }
  if (mapped.every(isSpace)) return null;

  // A whitespace node counts only between words of its own block, never at a block's edge.
  const blocks = mapped.map(blockOf);
  const nextWordBlock: (Element | null | undefined)[] = new Array(mapped.length);
  for (let k = mapped.length - 1, after: Element | null | undefined; k >= 0; k--) {
    nextWordBlock[k] = after;
    if (!isSpace(mapped[k])) after = blocks[k];
  }
  const segments: TextSegment[] = [];
  let text = '';
  let previousBlock: Element | null | undefined;
  for (const [k, node] of mapped.entries()) {
    const block = blocks[k];
    if (isSpace(node) && (previousBlock !== block || nextWordBlock[k] !== block)) continue;
    if (previousBlock !== undefined) text += previousBlock === block ? '' : '\n\n';
    // Same length as the node's data, so offsets map 1:1; layout whitespace becomes spaces.
    const data = node.data.replace(/[\n\r\t\f]/g, ' ');
    segments.push({ node, start: text.length, end: text.length + data.length });
    text += data;
    previousBlock = block;
  }
  if (text.replace(/\s+/g, ' ').trim().length < MIN_ARTICLE_CHARS) return null;
  const site = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? parsed.siteName ?? hostOf(url);
  return {
    article: {
      url,
      title: (parsed.title || doc.title || '').trim(),
      site: site || null,
      published: findPublished(doc, parsed.publishedTime),
      text,
      canonical: canonicalOf(doc, url),
    },
    segments,
  };
}

/**
 * The page's canonical link, resolved against the page's own address (and its <base>): a
 * copy parsed inside the extension has the extension's address as its base, not the page's.
 * Only a link on the page's own origin counts: a canonical link or a `<base>` pointing at
 * another origin never moves the article there (the background checks this again).
 */
export function canonicalOf(doc: Document, url: string): string | null {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  if (!href) return null;
  try {
    const base = doc.querySelector('base[href]')?.getAttribute('href');
    const canonical = new URL(href, base ? new URL(base, url) : url);
    return canonical.origin === new URL(url).origin ? canonical.href : null;
  } catch {
    return null;
  }
}

/** The text nodes under `root`, in document order. */
export function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * Whether a text node sits in a block to leave out: not prose, hidden, or an inside block
 * about other stories, about who wrote it, or about who took the photo. A block is judged by its classes only when it
 * is small beside the article: some sites put a share plugin's class on the very wrapper of
 * the article's text ("text-wrapper gigya-share-btns-2_gig_containerParent").
 */
function skipped(node: Text, articleLength: number): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (SKIP_TAGS.has(el.tagName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
    if (CREDIT_PROPS.test(el.getAttribute('itemprop') ?? '')) return true;
    // The page's own containers carry page-wide classes ("bbccom_outbrain_ar_5" on BODY): not a block's.
    if (el.tagName === 'ARTICLE' || el.tagName === 'MAIN' || el.tagName === 'BODY') return false;
    const cls = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (cls.trim() && OTHER_STORIES.test(cls) && (el.textContent?.length ?? 0) < articleLength * 0.3) return true;
  }
  return false;
}

/** A text node of whitespace alone. */
function isSpace(node: Text): boolean {
  return !node.data.trim();
}

function blockOf(node: Text): Element | null {
  let el = node.parentElement;
  while (el && !BLOCK.has(el.tagName)) el = el.parentElement;
  return el;
}
