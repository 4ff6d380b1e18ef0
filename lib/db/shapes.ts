/**
 * The shapes of stored rows, for what comes back from outside: a backup, annotations
 * exported by Casefile. Each record is read field by field with its path, so a file that
 * would break a view later (a list that is a number, a source that is not a URL) is refused
 * when it arrives, saying where.
 */
import { isPageTextMap, MAX_EXCERPT, MAX_SEGMENT_NUMBERS, type PageTextMap } from '../anchor/page-text';
import { CASE_LISTS } from '../cases/edits';
import type { Annotation, Decision, OtherArticle, SourceRef } from '../types';
import { MAX_DEPTH } from '../util/depth';
import {
  boolean, httpUrl, integer, json, list, nullable, nullish, object, oneOf, optional, record, text, where, type Shape,
} from '../util/shapes';

const words = (max: number) => nullable(text(max));

export const sourceRef: Shape<SourceRef> = object({ publisher: text(1000), title: text(2000), url: httpUrl(2000), published: nullable(text(40)) });

export const otherArticle: Shape<OtherArticle> = object({ site: text(300), title: text(2000), published: nullable(text(40)), value: text(2000), agreesWithCase: boolean });

export const decision: Shape<Decision> = object({ verdict: nullable(oneOf('wrong', 'confirmed')), note: text(10_000), at: text(40) });

/** One annotation: every field Casefile writes; keys a newer Casefile added are kept if shallow. */
export const annotation: Shape<Annotation> = where(
  object({
    id: text(200),
    start: integer(),
    end: integer(),
    exact: text(10_000),
    prefix: text(1000),
    suffix: text(1000),
    kind: oneOf('person', 'organization', 'place', 'date', 'fact'),
    entity: words(200),
    entityName: words(1000),
    value: words(2000),
    granularity: words(40),
    verdict: oneOf('consistent', 'conflict', 'unknown'),
    claim: words(2000),
    claimKey: words(4000),
    expected: words(2000),
    explanation: words(10_000),
    caseId: words(200),
    caseTitle: nullish(text(1000)),
    sources: list(sourceRef, 1000),
    others: list(otherArticle, 1000),
    decision: nullish(decision),
  }, json(4)),
  (a) => (a.start <= a.end ? null : `start ${a.start} is after end ${a.end}`),
) as Shape<Annotation>;

export const MAX_ANNOTATIONS = 50_000;

export const decisionRecord = where(
  object({ id: text(20_000), url: httpUrl(10_000), key: text(4000), verdict: nullable(oneOf('wrong', 'confirmed')), note: text(10_000), at: text(40) }),
  (d) => (d.id === `${d.url} ${d.key}` ? null : 'id is not "<url> <key>"'),
);

/** One edit of a case: put a record (an object with an id) or remove one, in a list the format has. */
export const caseEdit = where(
  object({
    op: oneOf('put', 'remove'),
    list: oneOf(...CASE_LISTS),
    record: nullish(record(MAX_DEPTH)),
    id: nullish(text(64)),
    at: text(40),
    from: nullish(httpUrl(10_000)),
  }),
  (e) => (e.op === 'put' ? (e.record && typeof e.record.id === 'string' ? null : 'a put needs a record with an id') : typeof e.id === 'string' ? null : 'a remove needs an id'),
);


/** Where an article's characters sit in the page's text (see lib/anchor/page-text.ts): triples ascending, apart, within the article. */
export const pageTextMap: Shape<PageTextMap> = where(
  object({
    articleLength: integer(),
    segments: list(integer(), MAX_SEGMENT_NUMBERS),
    excerpt: optional(object({ start: integer(), text: text(MAX_EXCERPT) })),
  }),
  (m) => (isPageTextMap(m) ? null : 'is not a page-text map (segments must be [article start, page start, length] triples, ascending, within the article)'),
) as Shape<PageTextMap>;
