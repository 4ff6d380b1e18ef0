/**
 * The messages between the content script, the popup and the background, with validators
 * that run on arrival: a message from a page's content script is untrusted input (a
 * hostile page can send anything its scripts can reach), so every field is checked before
 * anything is stored or computed.
 */
import type { Annotation, ArticleText, Mention } from '../types';
import { periodGranularity } from '../dates/periods';
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
  'check-article': { request: { article: ArticleText; mentions: Mention[] }; response: { annotations: Annotation[]; caseTitle: string } };
  'page-skipped': { request: { url: string; reason: string }; response: { ok: true } };
  'get-article': { request: { url: string }; response: { article: StoredArticle | null; status: string | null } };
  'get-case': { request: Record<string, never>; response: { case: CaseFile | null } };
}

/** Requests from the popup to a tab's content script. */
export interface PageRequests {
  'get-page-state': { request: Record<string, never>; response: PageState };
  'check-page': { request: Record<string, never>; response: PageState };
  'scroll-to': { request: { id: string }; response: { ok: boolean } };
}

export interface PageState {
  status: 'checking' | 'checked' | 'not-article' | 'error' | 'idle';
  message?: string;
  url: string;
  title: string;
  published: string | null;
  annotations: Annotation[];
}

export type Envelope<R, K extends keyof R = keyof R> = K extends keyof R
  ? { type: K } & (R[K] extends { request: infer Q } ? Q : never)
  : never;

export type BackgroundMessage = Envelope<BackgroundRequests>;
export type PageMessage = Envelope<PageRequests>;

const MAX_TEXT = 2_000_000;
const MAX_MENTIONS = 50_000;

const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isDay = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
const isInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function validArticle(a: unknown): a is ArticleText {
  if (!a || typeof a !== 'object') return false;
  const o = a as Record<string, unknown>;
  return isString(o.url, 10_000) && isString(o.title) && (o.site === null || isString(o.site)) && isDay(o.published) && isString(o.text, MAX_TEXT);
}

function validMentions(list: unknown, textLength: number): list is Mention[] {
  if (!Array.isArray(list) || list.length > MAX_MENTIONS) return false;
  return list.every((m) => {
    if (!m || typeof m !== 'object') return false;
    const o = m as Record<string, unknown>;
    if (!isInt(o.start) || !isInt(o.end) || (o.end as number) <= (o.start as number) || (o.end as number) > textLength) return false;
    if (!['person', 'organization', 'place', 'date'].includes(o.kind as string)) return false;
    if (o.kind === 'date') return typeof o.value === 'string' && o.granularity !== 'ref' && periodGranularity(o.value) === o.granularity;
    return true;
  });
}

/** Validate a message to the background; null when it is malformed. */
export function parseBackgroundMessage(raw: unknown): BackgroundMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'check-article':
      return validArticle(m.article) && validMentions(m.mentions, (m.article as ArticleText).text.length) ? (m as BackgroundMessage) : null;
    case 'page-skipped':
      return isString(m.url) && isString(m.reason, 500) ? (m as BackgroundMessage) : null;
    case 'get-article':
      return isString(m.url) ? (m as BackgroundMessage) : null;
    case 'get-case':
      return m as BackgroundMessage;
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
