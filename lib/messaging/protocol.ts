/**
 * The messages between the content script, the popup and the background, with validators
 * that run on arrival: a message from a page's content script is untrusted input (a
 * hostile page can send anything its scripts can reach), so every field is checked before
 * anything is stored or computed.
 */
import type { Annotation, ArticleText, Decision } from '../types';
import type { CaseList } from '../cases/edits';
import type { Backup } from '../db/store';
import type { CaseFile } from '../cases/format';
import { isPageTextMap, type PageTextMap } from '../anchor/page-text';

export interface StoredArticle {
  url: string;
  title: string;
  site: string | null;
  published: string | null;
  checkedAt: string;
  caseId: string | null;
  /** The extracted article text the annotations' offsets index (for re-anchoring and export). */
  text: string;
  annotations: Annotation[];
  /** Annotations of an earlier visit whose words are gone from the page (kept, listed, never re-attached elsewhere). */
  orphans?: Annotation[];
  /** Where the article's characters sit in the page's own text (for W3C selectors other clients can use); set by the page after drawing. */
  pageText?: PageTextMap;
}

/** A checked article's annotations, the stored ones now gone from it, and what checking cost (ms). */
export interface CheckAnswer {
  annotations: Annotation[];
  orphans: Annotation[];
  caseTitle: string;
  /** Off the page, also what extraction cost where it ran: parse, prepare, readability, map. */
  timings: { recognise: number; linkAndCheck: number; extract?: Record<string, number> };
}

/** A request with nothing but its type. */
type NoFields = Record<never, never>;

/** Requests to the background, by type, with the answer each gets. */
export interface BackgroundRequests {
  /**
   * The page sends only the article's text: names and dates are recognised in the background,
   * where the model stays loaded and warm across pages and no page thread is held.
   */
  'check-article': { request: { article: ArticleText }; response: CheckAnswer };
  /**
   * The page sends itself as HTML (see `snapshotPage`) and the extension extracts, recognises
   * and checks off the page's thread; the answer names the article's text nodes by ordinal.
   * `unavailable` says this browser cannot, and the page should extract on its own.
   */
  'check-html': {
    request: { id: string; url: string; html: string };
    response: ({ article: null } | ({ article: ArticleText; segments: number[] } & CheckAnswer)) | { unavailable: string };
  };
  'page-skipped': { request: { url: string; reason: string }; response: { ok: true } };
  /** The page's own text map for its stored article (made on the page, where the DOM is); ignored unless it fits the stored text. */
  'set-page-text': { request: { url: string; canonical?: string | null; map: PageTextMap }; response: { ok: boolean } };
  'get-article': { request: { url: string; canonical?: string | null }; response: { article: StoredArticle | null; status: string | null } };
  'get-case': { request: NoFields; response: { case: CaseFile | null } };
  'list-cases': { request: NoFields; response: { cases: CaseSummary[] } };
  'import-case': { request: { file: unknown; activate?: boolean }; response: ImportResult };
  /** Rows of a people or events CSV, into an existing case (as edits) or a new one. */
  'import-csv': { request: { caseId: string; title?: string; kind: 'people' | 'events'; text: string; name?: string }; response: ImportResult };
  'export-case': { request: { id: string }; response: { text: string; name: string } | { error: string } };
  'delete-case': { request: { id: string }; response: { ok: boolean; error?: string } };
  'set-active-cases': { request: { ids: string[] }; response: { ok: boolean; error?: string } };
  /** Limit a case to some sites (host names), or null for all. */
  'set-case-sites': { request: { id: string; sites: string[] | null }; response: { ok: boolean; error?: string } };
  'get-case-file': { request: { id: string }; response: { case: CaseFile | null; bundled: boolean; edits: number } };
  /** Put or remove one record; the whole case is validated first and nothing changes on a problem. */
  'edit-case': { request: { id: string; edit: { op: 'put'; list: CaseList; record: Record<string, unknown> } | { op: 'remove'; list: CaseList; id: string } }; response: ImportResult };
  /** A name from a page into a case, the page becoming its source. */
  'add-to-case': { request: { caseId: string; kind: 'person' | 'organization' | 'place'; name: string; page: { url: string; canonical?: string | null; title: string; site: string | null; published: string | null } }; response: ImportResult & { id?: string } };
  'set-decision': { request: { url: string; canonical?: string | null; key: string; verdict: 'wrong' | 'confirmed' | null; note: string }; response: { ok: boolean; decision: Decision | null } };
  'export-backup': { request: NoFields; response: { backup: Backup } };
  'import-backup': { request: { backup: unknown }; response: { ok: true; counts: { cases: number; articles: number; decisions: number } } | { ok: false; problems: string[] } };
  'list-articles': { request: NoFields; response: { articles: StoredArticle[] } };
  /** W3C annotations that Casefile exported, back in. */
  'import-annotations': { request: { collection: unknown }; response: { ok: true; articles: number; annotations: number } | { ok: false; problems: string[] } };
}

/** A case as lists show it, without its records. */
export interface CaseSummary {
  id: string;
  title: string;
  bundled: boolean;
  active: boolean;
  /** Sites the case is limited to; null for all. */
  activeOn: string[] | null;
  updatedAt: string;
  /** How many edits the user made to it. */
  edits: number;
  counts: { people: number; events: number; facts: number; sources: number };
}

/** An import either lands whole or changes nothing and says every problem, with its path. */
export type ImportResult = { ok: true; case: CaseSummary } | { ok: false; problems: string[] };

/**
 * Messages a content script may send (about its own page only: the background checks the
 * URL); everything else comes only from the extension's own pages.
 */
export const PAGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(['check-article', 'check-html', 'page-skipped', 'set-page-text', 'get-article', 'set-decision', 'add-to-case', 'list-cases']);

/** Requests from the popup to a tab's content script. */
export interface PageRequests {
  'get-page-state': { request: NoFields; response: PageState };
  'check-page': { request: NoFields; response: PageState };
  'scroll-to': { request: { id: string }; response: { ok: boolean } };
  /** A decision was made in the popup: show it on the page's highlight too. */
  'decision-changed': { request: { id: string; decision: Decision | null }; response: { ok: boolean } };
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
  /** Where the article was extracted: off the page's thread (from its HTML) or on it. */
  mode?: 'off-page' | 'on-page';
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
  /**
   * The extract stage's parts. Off the page: snapshot (serialise, number text nodes), parse
   * and Readability (in the extension), attach (find the nodes again). On it: prepare (clone
   * and pair text nodes), Readability, map back.
   */
  extractParts?: Record<string, number>;
  /** When the first highlight was drawn (from here on, a layout shift would be Casefile's). */
  renderStart?: number;
  /** [start, end] of each synchronous slice of Casefile's work. */
  slices?: [number, number][];
}

export interface PageState {
  status: 'checking' | 'checked' | 'not-article' | 'error' | 'idle';
  message?: string;
  url: string;
  /** The page's canonical link, when it has one (with the URL, the stored article's key). */
  canonical?: string | null;
  title: string;
  published: string | null;
  annotations: Annotation[];
  /** Stored annotations whose text is no longer on the page (listed, never drawn on other words). */
  orphans?: Annotation[];
  /** True while a revisit shows what was stored and the page is being checked again. */
  rechecking?: boolean;
  /** What the last check cost (for the benchmark and the curious). */
  timings?: StageTimings;
}

export type Envelope<R, K extends keyof R = keyof R> = K extends keyof R
  ? { type: K } & (R[K] extends { request: infer Q } ? Q : never)
  : never;

export type BackgroundMessage = Envelope<BackgroundRequests>;
export type PageMessage = Envelope<PageRequests>;

const MAX_TEXT = 2_000_000;
/** A page's HTML, scripts and styles stripped; larger pages are extracted on their own thread. */
export const MAX_HTML = 16_000_000;

const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isDay = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));

function validArticle(a: unknown): a is ArticleText {
  if (!a || typeof a !== 'object') return false;
  const o = a as Record<string, unknown>;
  return isString(o.url, 10_000) && isString(o.title) && (o.site === null || isString(o.site)) && isDay(o.published) && isString(o.text, MAX_TEXT)
    && (o.canonical === undefined || o.canonical === null || isString(o.canonical, 10_000));
}


/** Validate a message to the background; null when it is malformed. */
export function parseBackgroundMessage(raw: unknown): BackgroundMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'check-article':
      return validArticle(m.article) ? (m as BackgroundMessage) : null;
    case 'check-html':
      return isString(m.id, 100) && isString(m.url) && isString(m.html, MAX_HTML) ? (m as BackgroundMessage) : null;
    case 'page-skipped':
      return isString(m.url) && isString(m.reason, 500) ? (m as BackgroundMessage) : null;
    case 'set-page-text':
      return isString(m.url) && (m.canonical === undefined || m.canonical === null || isString(m.canonical, 10_000)) && isPageTextMap(m.map, MAX_TEXT) ? (m as BackgroundMessage) : null;
    case 'get-article':
      return isString(m.url) && (m.canonical === undefined || m.canonical === null || isString(m.canonical, 10_000)) ? (m as BackgroundMessage) : null;
    case 'get-case':
    case 'list-cases':
      return m as BackgroundMessage;
    case 'import-case':
      return 'file' in m && (m.activate === undefined || typeof m.activate === 'boolean') ? (m as BackgroundMessage) : null;
    case 'import-csv':
      return isString(m.caseId, 64) && (m.title === undefined || isString(m.title, 1000)) && (m.kind === 'people' || m.kind === 'events')
        && typeof m.text === 'string' && (m.name === undefined || isString(m.name, 200)) ? (m as BackgroundMessage) : null;
    case 'export-case':
    case 'delete-case':
    case 'get-case-file':
      return isString(m.id, 64) ? (m as BackgroundMessage) : null;
    case 'set-active-cases':
      return Array.isArray(m.ids) && m.ids.length <= 1000 && m.ids.every((id) => isString(id, 64)) ? (m as BackgroundMessage) : null;
    case 'set-case-sites':
      return isString(m.id, 64) && (m.sites === null || (Array.isArray(m.sites) && m.sites.length <= 200 && m.sites.every((h) => isString(h, 253) && /^[a-z0-9.-]+$/i.test(h as string)))) ? (m as BackgroundMessage) : null;
    case 'edit-case': {
      const e = m.edit as Record<string, unknown> | undefined;
      const list = ['people', 'organizations', 'places', 'matters', 'events', 'facts', 'sources'].includes(e?.list as string);
      if (!isString(m.id, 64) || !e || !list) return null;
      if (e.op === 'put') return e.record && typeof e.record === 'object' && !Array.isArray(e.record) && isString((e.record as Record<string, unknown>).id, 64) ? (m as BackgroundMessage) : null;
      return e.op === 'remove' && isString(e.id, 64) ? (m as BackgroundMessage) : null;
    }
    case 'add-to-case': {
      const page = m.page as Record<string, unknown> | undefined;
      return isString(m.caseId, 64) && ['person', 'organization', 'place'].includes(m.kind as string) && isString(m.name, 200)
        && !!page && isString(page.url) && typeof page.title === 'string' ? (m as BackgroundMessage) : null;
    }
    case 'set-decision':
      return isString(m.url) && isString(m.key, 4000) && (m.verdict === null || m.verdict === 'wrong' || m.verdict === 'confirmed')
        && typeof m.note === 'string' && m.note.length <= 10_000 ? (m as BackgroundMessage) : null;
    case 'export-backup':
    case 'list-articles':
      return m as BackgroundMessage;
    case 'import-backup':
      return 'backup' in m ? (m as BackgroundMessage) : null;
    case 'import-annotations':
      return 'collection' in m ? (m as BackgroundMessage) : null;
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
    case 'decision-changed':
      return isString(m.id, 200) && (m.decision === null || (!!m.decision && typeof m.decision === 'object')) ? (m as PageMessage) : null;
    default:
      return null;
  }
}
