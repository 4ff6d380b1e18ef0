/**
 * How the background gets a page analysed (its article extracted and its names and dates
 * recognised) without a page's thread: in Firefox the background page has a DOM parser and
 * does it itself; in Chrome the service worker has none, so an offscreen document — created
 * once and kept, with its JIT warm across pages — does it. Without either, pages extract on
 * their own thread and send the text (`check-article`).
 */
import { analyseHtml, type PageAnalysis } from '../analysis/analyse';
import { ANALYSIS_TARGET, type AnalysisAnswer, type AnalysisRequest } from '../analysis/host';

/** A page's message to analyse: its id (for an analysis already under way) and its HTML. */
export type Analyser = (page: { id: string; html: string; url: string }) => Promise<PageAnalysis | null>;

/** The parts of Chrome's API the offscreen analyser uses (a fake in tests). */
export interface OffscreenApi {
  offscreen: { createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void> };
  runtime: {
    sendMessage(message: AnalysisRequest): Promise<AnalysisAnswer | undefined>;
    getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
  };
}

export const OFFSCREEN_PAGE = 'offscreen.html';

/** Analyse in this very context (Firefox's background page, which has DOMParser). */
export const inProcessAnalyser: Analyser = async ({ html, url }) => analyseHtml(html, url);

/** Analyse in an offscreen document (Chrome), creating it when it is not there. */
export function offscreenAnalyser(api: OffscreenApi): Analyser {
  let ready: Promise<void> | null = null;
  const ensure = (): Promise<void> => {
    ready ??= (async () => {
      const open = (await api.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
      if (open.length) return;
      try {
        await api.offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: ['DOM_PARSER'], justification: 'Extract the article from a copy of the page without holding the page\'s thread.' });
      } catch (error) {
        // Another start-up of this worker made it first: that one will do.
        if (!/single offscreen document/i.test(String((error as Error)?.message ?? error))) throw error;
      }
    })();
    ready.catch(() => { ready = null; });
    return ready;
  };
  // Made at start-up, so the first page does not wait for it.
  ensure().catch(() => undefined);
  const ask = async (request: AnalysisRequest): Promise<AnalysisAnswer> => {
    const answer = await api.runtime.sendMessage(request);
    if (!answer) throw new Error('the offscreen document did not answer');
    if ('error' in answer) throw new Error(answer.error);
    return answer;
  };
  return async ({ id, html, url }) => {
    await ensure();
    try {
      // The offscreen document saw the page's message too and has been analysing it since.
      let answer = await ask({ target: ANALYSIS_TARGET, type: 'collect', id });
      if ('missing' in answer) answer = await ask({ target: ANALYSIS_TARGET, type: 'analyse', id, html, url });
      if (!('analysis' in answer)) throw new Error('the offscreen document lost the page');
      return answer.analysis;
    } catch (error) {
      // Perhaps the document is gone (closed, crashed): look for it again next time.
      ready = null;
      throw error;
    }
  };
}

/** The analyser this browser allows, or null (pages then extract on their own thread). */
export function createAnalyser(): Analyser | null {
  if (typeof DOMParser === 'function') return inProcessAnalyser;
  const chrome = (globalThis as { chrome?: Partial<OffscreenApi> }).chrome;
  if (chrome?.offscreen?.createDocument && chrome.runtime) return offscreenAnalyser(chrome as OffscreenApi);
  return null;
}
