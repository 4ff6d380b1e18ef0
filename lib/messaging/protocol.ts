/**
 * The messages between the content script, the popup and the background, with validators
 * that run on arrival: a message from a page's content script is untrusted input (a
 * hostile page can send anything its scripts can reach), so every field is checked before
 * anything is stored or computed.
 */
import type { Annotation, ArticleText } from '../types';
import type { CaseFile } from '../cases/format';

export interface StoredArticle {
  url: string;
  title: string;
  site: string | null;
  published: string | null;
  checkedAt: string;
  caseId: string;
  /** The extracted article text the annotations' offsets index (for re-anchoring and export). */
  text: string;
  annotations: Annotation[];
}

/** Requests to the background, by type, with the answer each gets. */
export interface BackgroundRequests {
  /**
   * The page sends only the article's text: names and dates are recognised in the background,
   * where the model stays loaded and warm across pages and no page thread is held.
   */
  'check-article': { request: { article: ArticleText }; response: { annotations: Annotation[]; caseTitle: string; timings: { recognise: number; linkAndCheck: number } } };
  'page-skipped': { request: { url: string; reason: string }; response: { ok: true } };
  'get-article': { request: { url: string }; response: { article: StoredArticle | null; status: string | null } };
  'get-case': { request: Record<string, never>; response: { case: CaseFile | null } };
  'list-cases': { request: Record<string, never>; response: { cases: CaseSummary[] } };
  'import-case': { request: { file: unknown; activate?: boolean }; response: ImportResult };
  'set-active-cases': { request: { ids: string[] }; response: { ok: boolean; error?: string } };
}

/** A case as lists show it, without its records. */
export interface CaseSummary {
  id: string;
  title: string;
  bundled: boolean;
  active: boolean;
  updatedAt: string;
  counts: { people: number; events: number; facts: number; sources: number };
}

/** An import either lands whole or changes nothing and says every problem, with its path. */
export type ImportResult = { ok: true; case: CaseSummary } | { ok: false; problems: string[] };

/** Messages a content script may send; everything else comes only from the extension's own pages. */
export const PAGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(['check-article', 'page-skipped']);

/** Requests from the popup to a tab's content script. */
export interface PageRequests {
  'get-page-state': { request: Record<string, never>; response: PageState };
  'check-page': { request: Record<string, never>; response: PageState };
  'scroll-to': { request: { id: string }; response: { ok: boolean } };
}

/**
 * What one check cost, in milliseconds on the page's clock (performance.now()): each stage's
 * own work, the whole from the script's start to the last highlight, and every synchronous
 * slice of work, so a benchmark can tell which long tasks were Casefile's.
 */
export interface StageTimings {
  /** When the content script started to evaluate, and when its main() began. */
  scriptStart?: number;
  mainStart?: number;
  runStart?: number;
  extract?: number;
  /** Recognising, and linking and checking, as the background timed them. */
  recognise?: number;
  linkAndCheck?: number;
  /** From sending the article to the background to its answer (recognise and check included). */
  roundTrip?: number;
  anchor?: number;
  render?: number;
  /** From the script's start to the last highlight (waiting for idle included). */
  total?: number;
  /** From the first stage's start to the last highlight. */
  work?: number;
  end?: number;
  /** The extract stage's parts: prepare (clone and pair text nodes), Readability, map back. */
  extractParts?: Record<string, number>;
  /** [start, end] of each synchronous slice of Casefile's work. */
  slices?: [number, number][];
}

export interface PageState {
  status: 'checking' | 'checked' | 'not-article' | 'error' | 'idle';
  message?: string;
  url: string;
  title: string;
  published: string | null;
  annotations: Annotation[];
  /** What the last check cost (for the benchmark and the curious). */
  timings?: StageTimings;
}

export type Envelope<R, K extends keyof R = keyof R> = K extends keyof R
  ? { type: K } & (R[K] extends { request: infer Q } ? Q : never)
  : never;

export type BackgroundMessage = Envelope<BackgroundRequests>;
export type PageMessage = Envelope<PageRequests>;

const MAX_TEXT = 2_000_000;

const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isDay = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
const isInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function validArticle(a: unknown): a is ArticleText {
  if (!a || typeof a !== 'object') return false;
  const o = a as Record<string, unknown>;
  return isString(o.url, 10_000) && isString(o.title) && (o.site === null || isString(o.site)) && isDay(o.published) && isString(o.text, MAX_TEXT);
}


/** Validate a message to the background; null when it is malformed. */
export function parseBackgroundMessage(raw: unknown): BackgroundMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'check-article':
      return validArticle(m.article) ? (m as BackgroundMessage) : null;
    case 'page-skipped':
      return isString(m.url) && isString(m.reason, 500) ? (m as BackgroundMessage) : null;
    case 'get-article':
      return isString(m.url) ? (m as BackgroundMessage) : null;
    case 'get-case':
    case 'list-cases':
      return m as BackgroundMessage;
    case 'import-case':
      return 'file' in m && (m.activate === undefined || typeof m.activate === 'boolean') ? (m as BackgroundMessage) : null;
    case 'set-active-cases':
      return Array.isArray(m.ids) && m.ids.length <= 1000 && m.ids.every((id) => isString(id, 64)) ? (m as BackgroundMessage) : null;
    default:
      return null;
  }
}

/** Validate a message to a content script; null when it is malformed. */
export function parsePageMessage(raw: unknown): PageMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'get-page-state':
    case 'check-page':
      return m as PageMessage;
    case 'scroll-to':
      return isString(m.id, 200) ? (m as PageMessage) : null;
    default:
      return null;
  }
}
