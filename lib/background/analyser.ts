/**
 * How the host gets a page analysed (its article extracted and its names and dates
 * recognised) from the HTML the page sent: right where the message landed, with the DOM
 * parser of the context the service lives in (Chrome's offscreen document, Firefox's
 * background page). Without a DOM parser, pages extract on their own thread and send text
 * (`check-article`).
 */
import { analyseHtml, type PageAnalysis } from '../analysis/analyse';

/** A page's message to analyse: its HTML and the address it was read at. */
export type Analyser = (page: { html: string; url: string }) => Promise<PageAnalysis | null>;

/** Analyse in this very context, with its DOMParser. */
export const inProcessAnalyser: Analyser = async ({ html, url }) => analyseHtml(html, url);

/** The analyser this context allows, or null (pages then extract on their own thread). */
export function createAnalyser(): Analyser | null {
  return typeof DOMParser === 'function' ? inProcessAnalyser : null;
}
