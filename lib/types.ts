/**
 * The plain data that flows between the pipeline's stages (extract → recognise → link →
 * check → anchor). Offsets always count UTF-16 code units of `ArticleText.text`, as
 * JavaScript does, end exclusive.
 */
import type { DateGranularity } from './dates/periods';

/** The article as the content script read it: text only, no DOM, so it can cross a message. */
export interface ArticleText {
  url: string;
  title: string;
  site: string | null;
  /** Publication day `YYYY-MM-DD`, or null when the page does not say. */
  published: string | null;
  text: string;
  /** The page's canonical link, when it has one: the article's key when on the page's own origin. */
  canonical?: string | null;
}

export type NameKind = 'person' | 'organization' | 'place';
export type MentionKind = NameKind | 'date';
export type AnnotationKind = MentionKind | 'fact';
export type Verdict = 'consistent' | 'conflict' | 'unknown';

/** A span the recognisers found. */
export interface Mention {
  start: number;
  end: number;
  kind: MentionKind;
  /** Dates: the normalised value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a TimeML period such as `2024-Q3`). */
  value?: string;
  granularity?: DateGranularity;
  /** Dates given as a range ("July 9–12"): the last day, same form as `value`. */
  endValue?: string;
}

/** A source as an annotation shows it: enough to cite, nothing to look up. */
export interface SourceRef {
  publisher: string;
  title: string;
  url: string;
  published: string | null;
}

/**
 * Another article the reader stayed on that states this claim, and whether it agrees with the
 * case. Named by its site and title only: never by its URL, whose path and query may say more
 * than the reader would tell the page the card opens on.
 */
export interface OtherArticle {
  /** The article's site (registrable domain, e.g. `nytimes.com`); one entry per site and value. */
  site: string;
  title: string;
  published: string | null;
  value: string;
  agreesWithCase: boolean;
}

/** What the check stage produced for one span: the unit the page highlights and exports. */
export interface Annotation {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  kind: AnnotationKind;
  entity: string | null;
  entityName: string | null;
  value: string | null;
  granularity: DateGranularity | null;
  verdict: Verdict;
  /** The claim checked, in words ("date of the fatal shooting"), when there is one. */
  claim: string | null;
  /** A stable key for the claim, so that articles stating the same claim can be compared. */
  claimKey: string | null;
  /** What the dataset says, where it disagrees (or, for consistent claims, what it says). */
  expected: string | null;
  /** Other readings the dataset holds (e.g. the other dismissal), shown on the card. */
  explanation: string | null;
  caseId: string | null;
  /** The title of the case it was checked against, so a conflict names its case. */
  caseTitle?: string | null;
  sources: SourceRef[];
  others: OtherArticle[];
  /** What the user said of it: the checker is wrong here, the flag is confirmed, a note. */
  decision?: Decision | null;
}

export interface Decision {
  verdict: 'wrong' | 'confirmed' | null;
  note: string;
  at: string;
}

/**
 * A key for an annotation that survives re-checking and small edits of the page: what it
 * marks and the claim, not where. Decisions are stored under it.
 */
export function annotationKey(a: Pick<Annotation, 'kind' | 'claimKey' | 'exact' | 'prefix'>): string {
  return `${a.kind}|${a.claimKey ?? ''}|${a.exact}|${a.prefix.slice(-16)}`;
}
