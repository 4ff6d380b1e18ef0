/**
 * W3C Web Annotation (JSON-LD) export and import. Each annotation targets the page with a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector, whose offsets count
 * UTF-16 code units of the article text Casefile extracted (stated in the body, so that
 * another tool knows what they index). The body carries Casefile's reading of the span.
 */
import { describe, type TextPositionSelector, type TextQuoteSelector } from '../anchor/quote';
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
