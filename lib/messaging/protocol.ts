/**
 * What the extension's parts say to each other beyond the background's table
 * (`lib/background/table.ts`, which every sender's types come from): a tab's state as its
 * content script reports it, what a check cost, and the limits on what a page may send.
 * Constants and types only: the content script imports it and must stay small.
 */
import type { Annotation } from '../types';

/** Stored rows are defined with the schema; re-exported for the scripts that print them. */
export type { StoredArticle } from '../db/schema';

/** The article text a page may send (a book is about 1M characters). */
export const MAX_TEXT = 2_000_000;
/** A page's HTML, scripts and styles stripped; larger pages are extracted on their own thread. */
export const MAX_HTML = 16_000_000;

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
  /** When the first flag (a conflict) was drawn. */
  firstFlag?: number;
  /** [start, end] of each synchronous slice of Casefile's work. */
  slices?: [number, number][];
}

/**
 * What a tab's page is, as the popup and the side panel say it:
 * - `checking`: being read and checked (the first time, again, or after it changed);
 * - `waiting`: it looks like an article but its text has not arrived (a page filling itself
 *   in): never "no conflicts", it is read when the text is there;
 * - `checked`: checked, its highlights drawn; `changed` while the page has changed since and
 *   is about to be checked again;
 * - `not-article`, `error`; `off`: the reader turned Casefile off here or everywhere;
 *   `idle`: not looked at yet.
 */
export interface PageState {
  status: 'checking' | 'waiting' | 'checked' | 'not-article' | 'error' | 'off' | 'idle';
  message?: string;
  url: string;
  /** The page's canonical link, when it has one on the page's own origin (with the URL, the stored article's key). */
  canonical?: string | null;
  title: string;
  published: string | null;
  annotations: Annotation[];
  /** Stored annotations whose text is no longer on the page (listed, never drawn on other words). */
  orphans?: Annotation[];
  /**
   * Annotations the page kept removing (re-rendering its text) after they were drawn again
   * `MAX_REDRAWS` times: no longer shown, listed instead.
   */
  hidden?: Annotation[];
  /** The page changed since it was checked (its text, or the nodes holding it): a check is on its way. */
  changed?: boolean;
  /**
   * The article is about no case the reader follows (`lib/check/about.ts`): in the default
   * reading mode its names and dates are not highlighted; this many were found.
   */
  quiet?: { withheld: number };
  /** True while a revisit shows what was stored and the page is being checked again. */
  rechecking?: boolean;
  /** Whether the reader has stayed on this article (see README, "stayed on"). */
  stayed?: boolean;
  /** What the last check cost (for the benchmark and the curious). */
  timings?: StageTimings;
}
