/**
 * W3C Web Annotation (JSON-LD) export and import, written so that another client can use
 * what Casefile found, and Casefile can read its own files back whole.
 *
 * The target describes the page as other clients count it: a TextPositionSelector over
 * `document.body.textContent` (what Hypothesis, Apache Annotator and dom-anchor-text-position
 * count) and a TextQuoteSelector with the page's own characters and context — both from the
 * page-text map the page made when it was checked. Without such a map (an article stored
 * before maps existed, or imported) the target has the quote alone: article offsets would
 * point at the wrong words in another client.
 *
 * The bodies: the verdict and what the case says as an `assessing` TextualBody (an id and a
 * plain-text value any client can show), the linked entity as an `identifying` one, the
 * user's note as a `commenting` TextualBody, and Casefile's own Dataset, which keeps
 * everything else — kind, value, claim, sources, the decision — and the selectors over the
 * extracted article text that Casefile itself anchors by.
 */
import { articleRangeToPage, isPageTextMap, pageQuote, type PageTextMap } from '../anchor/page-text';
import { describe, type TextPositionSelector, type TextQuoteSelector } from '../anchor/quote';
import { decision as decisionShape, sourceRef } from '../db/shapes';
import { assessment, decisionWords } from '../show/words';
import { INVALID, integer, list, nullish } from '../util/shapes';
import { cleanHttpUrl } from '../util/url';
import type { Annotation } from '../types';

/** What the offsets in Casefile's own body count. */
const ARTICLE_OFFSETS = 'utf-16 code units of the extracted article text';

interface TextualBody {
  type: 'TextualBody';
  id: string;
  purpose: 'assessing' | 'identifying' | 'commenting';
  value: string;
  format: 'text/plain';
  language?: 'en';
  /** For `identifying`: the entity in the case, as a URN. */
  source?: string;
}

/** Casefile's own reading of the span, and where it lies in the extracted article text. */
export interface CasefileBody {
  type: 'Dataset';
  id: string;
  format: 'application/json';
  'casefile:offsets': typeof ARTICLE_OFFSETS;
  /** The quote and offsets in the extracted article text (what Casefile anchors by). */
  article: { selector: [TextQuoteSelector, TextPositionSelector] };
  kind: Annotation['kind'];
  entity: string | null;
  entityName: string | null;
  value: string | null;
  granularity: string | null;
  verdict: Annotation['verdict'];
  claim: string | null;
  claimKey?: string;
  expected: string | null;
  explanation: string | null;
  case: string | null;
  caseTitle?: string | null;
  sources: Annotation['sources'];
  /** What the user said of it, when anything. */
  decision?: Annotation['decision'];
}

export interface W3CAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'assessing';
  created: string;
  generator: { id: string; type: 'Software'; name: 'Casefile' };
  body: (TextualBody | CasefileBody)[];
  target: { source: string; selector: TextQuoteSelector[] | [TextQuoteSelector, TextPositionSelector] };
}

export interface PageAnnotations {
  url: string;
  title: string;
  published: string | null;
  /** The extracted article text the annotations' offsets index, when known. */
  text?: string;
  /** Where the article's characters sit in the page's text (made on the page when it was checked). */
  pageText?: PageTextMap;
  annotations: Annotation[];
}

/** The page-text selectors of an annotation, when the page's map holds it. */
function pageSelectors(page: PageAnnotations, a: Annotation): [TextQuoteSelector, TextPositionSelector] | null {
  const map = page.pageText;
  if (!map || !isPageTextMap(map) || (page.text !== undefined && map.articleLength !== page.text.length)) return null;
  const range = articleRangeToPage(map, a.start, a.end);
  const quote = range && pageQuote(map, range);
  return range && quote ? [quote, { type: 'TextPositionSelector', ...range }] : null;
}

/** The bodies another client shows: the assessment, the entity, the note. */
function textualBodies(id: string, a: Annotation): TextualBody[] {
  const bodies: TextualBody[] = [];
  const assessed = assessment(a);
  const decided = decisionWords(a.decision);
  if (assessed) bodies.push({ type: 'TextualBody', id: `${id}/assessment`, purpose: 'assessing', value: decided ? `${assessed} ${decided}` : assessed, format: 'text/plain', language: 'en' });
  if (a.entity && a.entityName) {
    bodies.push({ type: 'TextualBody', id: `${id}/entity`, purpose: 'identifying', value: a.entityName, format: 'text/plain', source: `urn:casefile:entity:${encodeURIComponent(a.caseId ?? '')}/${encodeURIComponent(a.entity)}` });
  }
  if (a.decision?.note) bodies.push({ type: 'TextualBody', id: `${id}/note`, purpose: 'commenting', value: a.decision.note, format: 'text/plain' });
  return bodies;
}

/** One page's annotations as a W3C AnnotationCollection. */
export function toW3C(page: PageAnnotations, created = new Date().toISOString()) {
  const items: W3CAnnotation[] = page.annotations.map((a) => {
    const id = `urn:casefile:${encodeURIComponent(page.url)}#${a.id}`;
    const article: [TextQuoteSelector, TextPositionSelector] = page.text
      ? describe(page.text, a.start, a.end)
      : [{ type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix }, { type: 'TextPositionSelector', start: a.start, end: a.end }];
    const data: CasefileBody = {
      type: 'Dataset', id: `${id}/casefile`, format: 'application/json', 'casefile:offsets': ARTICLE_OFFSETS, article: { selector: article },
      kind: a.kind, entity: a.entity, entityName: a.entityName, value: a.value, granularity: a.granularity, verdict: a.verdict,
      claim: a.claim, ...(a.claimKey ? { claimKey: a.claimKey } : {}), expected: a.expected, explanation: a.explanation, case: a.caseId,
      ...(a.caseTitle ? { caseTitle: a.caseTitle } : {}), sources: a.sources,
      ...(a.decision ? { decision: a.decision } : {}),
    };
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      motivation: a.claimKey ? 'assessing' : 'highlighting',
      created,
      generator: { id: 'urn:casefile', type: 'Software', name: 'Casefile' },
      body: [...textualBodies(id, a), data],
      target: { source: page.url, selector: pageSelectors(page, a) ?? [article[0]] },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:casefile:${encodeURIComponent(page.url)}`,
    type: 'AnnotationCollection',
    label: page.title,
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}

const KINDS = ['person', 'organization', 'place', 'date', 'fact'];
const VERDICTS = ['consistent', 'conflict', 'unknown'];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const selectorOf = (list: unknown, type: string) => (Array.isArray(list) ? list.find((s) => isObject(s) && s.type === type) : undefined) as Record<string, unknown> | undefined;

/**
 * Read back annotations Casefile exported (one AnnotationCollection, or a list of them),
 * grouped by page. Anything else is refused with what was wrong, item by item. Files from
 * before the page-text selectors (one Dataset body, article offsets in the target) are read
 * too.
 */
export function fromW3C(input: unknown): { ok: true; pages: PageAnnotations[] } | { ok: false; problems: string[] } {
  const collections = Array.isArray(input) ? input : [input];
  const problems: string[] = [];
  const pages = new Map<string, PageAnnotations>();
  collections.forEach((c, ci) => {
    const p = collections.length > 1 ? `[${ci}]` : '$';
    if (!isObject(c) || c.type !== 'AnnotationCollection' || !isObject(c.first) || !Array.isArray(c.first.items)) {
      problems.push(`${p}: not a W3C AnnotationCollection (expected type "AnnotationCollection" with first.items)`);
      return;
    }
    (c.first.items as unknown[]).forEach((item, i) => {
      const ip = `${p}.first.items[${i}]`;
      if (!isObject(item) || item.type !== 'Annotation' || !(isObject(item.body) || Array.isArray(item.body)) || !isObject(item.target)) return void problems.push(`${ip}: not an Annotation with a body and a target`);
      if (!isObject(item.generator) || item.generator.name !== 'Casefile') return void problems.push(`${ip}: not made by Casefile (only Casefile's own annotations can be read back)`);
      const bodies = (Array.isArray(item.body) ? item.body : [item.body]).filter(isObject);
      const body = bodies.find((b) => b.type === 'Dataset');
      const target = item.target;
      const source = str(target.source);
      const clean = source ? cleanHttpUrl(source, 10_000) : null;
      if (!clean || !('href' in clean)) return void problems.push(`${ip}.target.source: not an http(s) URL written without whitespace or control characters`);
      if (!body) return void problems.push(`${ip}.body: Casefile's Dataset body is missing`);
      // The article selectors: in Casefile's body (current files) or in the target (earlier files).
      const articleSelectors = isObject(body.article) ? body.article.selector : target.selector;
      const quote = selectorOf(articleSelectors, 'TextQuoteSelector');
      const position = selectorOf(articleSelectors, 'TextPositionSelector');
      if (!quote || typeof quote.exact !== 'string' || !position || integer()(position.start, '', []) === INVALID || integer()(position.end, '', []) === INVALID) {
        return void problems.push(`${ip}.body.article.selector: a TextQuoteSelector and a TextPositionSelector over the article text are required`);
      }
      if (!KINDS.includes(body.kind as string) || !VERDICTS.includes(body.verdict as string)) return void problems.push(`${ip}.body: kind or verdict is not Casefile's`);
      const sources = list(sourceRef, 1000)(body.sources ?? [], `${ip}.body.sources`, problems);
      // The decision from Casefile's body; or, from a file another client added a note to, the note alone.
      const note = str(bodies.find((b) => b.type === 'TextualBody' && b.purpose === 'commenting')?.value);
      const decision = body.decision !== undefined && body.decision !== null ? nullish(decisionShape)(body.decision, `${ip}.body.decision`, problems)
        : note ? decisionShape({ verdict: null, note, at: str(item.created) ?? '' }, `${ip}.body (commenting)`, problems) : undefined;
      if (sources === INVALID || decision === INVALID) return;
      const page = pages.get(clean.href) ?? { url: clean.href, title: str(c.label) ?? clean.href, published: null, annotations: [] };
      const id = str(item.id)?.split('#').pop() ?? `${body.kind}:${position.start}-${position.end}`;
      page.annotations.push({
        id, start: position.start as number, end: position.end as number, exact: quote.exact as string, prefix: str(quote.prefix) ?? '', suffix: str(quote.suffix) ?? '',
        kind: body.kind as Annotation['kind'], entity: str(body.entity), entityName: str(body.entityName), value: str(body.value),
        granularity: str(body.granularity) as Annotation['granularity'], verdict: body.verdict as Annotation['verdict'], claim: str(body.claim),
        claimKey: str(body.claimKey), expected: str(body.expected), explanation: str(body.explanation), caseId: str(body.case),
        ...(str(body.caseTitle) ? { caseTitle: str(body.caseTitle) } : {}),
        sources, others: [],
        ...(decision ? { decision } : {}),
      });
      pages.set(clean.href, page);
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, pages: [...pages.values()] };
}
