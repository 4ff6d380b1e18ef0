/**
 * W3C Web Annotation (JSON-LD) export and import. Each annotation targets the page with a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector, whose offsets count
 * UTF-16 code units of the article text Casefile extracted (stated in the body, so that
 * another tool knows what they index). The body carries Casefile's reading of the span.
 */
import { describe, type TextPositionSelector, type TextQuoteSelector } from '../anchor/quote';
import { decision as decisionShape, sourceRef } from '../db/shapes';
import { INVALID, integer, list, nullish } from '../util/shapes';
import { cleanHttpUrl } from '../util/url';
import type { Annotation } from '../types';

export interface W3CAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'assessing';
  created: string;
  generator: { id: string; type: 'Software'; name: 'Casefile' };
  body: {
    type: 'Dataset';
    format: 'application/json';
    'casefile:offsets': 'utf-16 code units of the extracted article text';
    kind: Annotation['kind'];
    entity: string | null;
    entityName: string | null;
    value: string | null;
    granularity: string | null;
    verdict: Annotation['verdict'];
    claim: string | null;
    expected: string | null;
    explanation: string | null;
    case: string | null;
    sources: Annotation['sources'];
    /** What the user said of it, when anything. */
    decision?: Annotation['decision'];
  };
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface PageAnnotations {
  url: string;
  title: string;
  published: string | null;
  text?: string;
  annotations: Annotation[];
}

/** One page's annotations as a W3C AnnotationCollection. */
export function toW3C(page: PageAnnotations, created = new Date().toISOString()) {
  const items: W3CAnnotation[] = page.annotations.map((a) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:casefile:${encodeURIComponent(page.url)}#${a.id}`,
    type: 'Annotation',
    motivation: a.claimKey ? 'assessing' : 'highlighting',
    created,
    generator: { id: 'urn:casefile', type: 'Software', name: 'Casefile' },
    body: {
      type: 'Dataset', format: 'application/json', 'casefile:offsets': 'utf-16 code units of the extracted article text',
      kind: a.kind, entity: a.entity, entityName: a.entityName, value: a.value, granularity: a.granularity, verdict: a.verdict,
      claim: a.claim, expected: a.expected, explanation: a.explanation, case: a.caseId, sources: a.sources,
      ...(a.decision ? { decision: a.decision } : {}),
      ...(a.claimKey ? { claimKey: a.claimKey } : {}),
    },
    target: {
      source: page.url,
      selector: page.text !== undefined ? describe(page.text, a.start, a.end) : [
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        { type: 'TextPositionSelector', start: a.start, end: a.end },
      ],
    },
  }));
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

/**
 * Read back annotations Casefile exported (one AnnotationCollection, or a list of them),
 * grouped by page. Anything else is refused with what was wrong, item by item.
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
      if (!isObject(item) || item.type !== 'Annotation' || !isObject(item.body) || !isObject(item.target)) return void problems.push(`${ip}: not an Annotation with a body and a target`);
      if (!isObject(item.generator) || item.generator.name !== 'Casefile') return void problems.push(`${ip}: not made by Casefile (only Casefile's own annotations can be read back)`);
      const body = item.body;
      const target = item.target;
      const source = str(target.source);
      const selectors = Array.isArray(target.selector) ? target.selector : [];
      const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as Record<string, unknown> | undefined;
      const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as Record<string, unknown> | undefined;
      const clean = source ? cleanHttpUrl(source, 10_000) : null;
      if (!clean || !('href' in clean)) return void problems.push(`${ip}.target.source: not an http(s) URL written without whitespace or control characters`);
      if (!quote || typeof quote.exact !== 'string' || !position || integer()(position.start, '', []) === INVALID || integer()(position.end, '', []) === INVALID) {
        return void problems.push(`${ip}.target.selector: a TextQuoteSelector and a TextPositionSelector are required`);
      }
      if (!KINDS.includes(body.kind as string) || !VERDICTS.includes(body.verdict as string)) return void problems.push(`${ip}.body: kind or verdict is not Casefile's`);
      const sources = list(sourceRef, 1000)(body.sources ?? [], `${ip}.body.sources`, problems);
      const decision = nullish(decisionShape)(body.decision, `${ip}.body.decision`, problems);
      if (sources === INVALID || decision === INVALID) return;
      const page = pages.get(clean.href) ?? { url: clean.href, title: str(c.label) ?? clean.href, published: null, annotations: [] };
      const id = str(item.id)?.split('#').pop() ?? `${body.kind}:${position.start}-${position.end}`;
      page.annotations.push({
        id, start: position.start as number, end: position.end as number, exact: quote.exact as string, prefix: str(quote.prefix) ?? '', suffix: str(quote.suffix) ?? '',
        kind: body.kind as Annotation['kind'], entity: str(body.entity), entityName: str(body.entityName), value: str(body.value),
        granularity: str(body.granularity) as Annotation['granularity'], verdict: body.verdict as Annotation['verdict'], claim: str(body.claim),
        claimKey: str(body.claimKey), expected: str(body.expected), explanation: str(body.explanation), caseId: str(body.case),
        sources, others: [],
        ...(decision ? { decision } : {}),
      });
      pages.set(clean.href, page);
    });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, pages: [...pages.values()] };
}
