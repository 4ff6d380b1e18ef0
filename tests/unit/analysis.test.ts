import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyseHtml } from '../../lib/analysis/analyse';
import { ANALYSIS_TARGET, AnalysisHost } from '../../lib/analysis/host';
import { offscreenAnalyser, type Analyser, type OffscreenApi } from '../../lib/background/analyser';
import { CasefileService } from '../../lib/background/service';
import { CasefileDB } from '../../lib/db/schema';
import { extractArticle } from '../../lib/extract/article';
import { snapshotPage } from '../../lib/extract/snapshot';
import { htmlDocument } from '../helpers/pipeline';
import { SEEDS_DIR } from '../helpers/seeds';
import { ask, refusal } from '../helpers/service';

const PAGE = '003_d2d70b7a6efd8930.html';
const URL_OF_PAGE = 'http://127.0.0.1/003.html';
const html = () => snapshotPage(htmlDocument(readFileSync(resolve(SEEDS_DIR, PAGE), 'utf8'), URL_OF_PAGE)).html;
const parseInExtension = (h: string) => htmlDocument(h, 'chrome-extension://casefile/offscreen.html');
const analyse = (h: string, url: string) => analyseHtml(h, url, parseInExtension);
/** The analyser Firefox's background page uses, with happy-dom for its DOMParser. */
const inProcess: Analyser = async ({ html: h, url }) => analyse(h, url);
const EXTENSION = 'casefile-id';
const fromPage = { id: EXTENSION, url: `${URL_OF_PAGE}#top`, tab: { id: 7 } };
const fromBackground = { id: EXTENSION, url: `chrome-extension://${EXTENSION}/background.js` };

describe('the analysis host (offscreen document)', () => {
  it('starts on a page\'s check-html as it lands, never answers the page, and hands the result to the background by id', async () => {
    const spy = vi.fn(analyse);
    const host = new AnalysisHost(EXTENSION, spy);
    expect(host.receive({ type: 'check-html', id: 'a1', url: URL_OF_PAGE, html: html() }, fromPage)).toBeUndefined();
    const answer: any = await host.receive({ target: ANALYSIS_TARGET, type: 'collect', id: 'a1' }, fromBackground);
    expect(answer.analysis.article.title).toMatch(/Rust/);
    expect(answer.analysis.mentions.length).toBeGreaterThan(10);
    expect(spy).toHaveBeenCalledTimes(1);
    // Collected once: a second collection finds nothing.
    expect(await host.receive({ target: ANALYSIS_TARGET, type: 'collect', id: 'a1' }, fromBackground)).toEqual({ missing: true });
  });

  it.each([
    ['another extension', { ...fromPage, id: 'other' }],
    ['a page speaking for another URL', { ...fromPage, url: 'http://127.0.0.1/other.html' }],
  ])('does no work for %s', async (_name, sender) => {
    const spy = vi.fn(analyse);
    const host = new AnalysisHost(EXTENSION, spy);
    host.receive({ type: 'check-html', id: 'a2', url: URL_OF_PAGE, html: html() }, sender);
    await Promise.resolve();
    expect(spy).not.toHaveBeenCalled();
  });

  it('answers only the background: a page cannot collect or order an analysis', () => {
    const host = new AnalysisHost(EXTENSION, analyse);
    expect(host.receive({ target: ANALYSIS_TARGET, type: 'analyse', id: 'x', html: html(), url: URL_OF_PAGE }, fromPage)).toBeUndefined();
    expect(host.receive({ type: 'get-article', url: URL_OF_PAGE }, fromBackground)).toBeUndefined();
  });

  it('analyses on request what it never saw, and reports a failure as an error answer', async () => {
    const host = new AnalysisHost(EXTENSION, (h, url) => (h === 'boom' ? (() => { throw new Error('parser broke'); })() : analyse(h, url)));
    const answer: any = await host.receive({ target: ANALYSIS_TARGET, type: 'analyse', id: 'b', html: html(), url: URL_OF_PAGE }, fromBackground);
    expect(answer.analysis.article.url).toBe(URL_OF_PAGE);
    expect(await host.receive({ target: ANALYSIS_TARGET, type: 'analyse', id: 'c', html: 'boom', url: URL_OF_PAGE }, fromBackground)).toEqual({ error: 'parser broke' });
  });

  it('drops a result nobody collects', async () => {
    vi.useFakeTimers();
    try {
      const host = new AnalysisHost(EXTENSION, () => null, 1000);
      host.receive({ type: 'check-html', id: 'd', url: URL_OF_PAGE, html: '<p>x</p>' }, fromPage);
      vi.advanceTimersByTime(1001);
      expect(await host.receive({ target: ANALYSIS_TARGET, type: 'collect', id: 'd' }, fromBackground)).toEqual({ missing: true });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the offscreen analyser (background side)', () => {
  function fakeChrome(host: AnalysisHost, open: unknown[] = []) {
    const created: unknown[] = [];
    const api: OffscreenApi = {
      offscreen: { createDocument: async (o) => { created.push(o); open.push(o); } },
      runtime: { sendMessage: async (m) => host.receive(m, fromBackground), getContexts: async () => open },
    };
    return { api, created };
  }

  it('creates the document once, collects what it analysed, and sends the HTML itself when the document never saw the page', async () => {
    const host = new AnalysisHost(EXTENSION, analyse);
    const { api, created } = fakeChrome(host);
    const analyser = offscreenAnalyser(api);
    // Never seen by the host: the analyser must send the HTML.
    const first = await analyser({ id: 'e1', html: html(), url: URL_OF_PAGE });
    host.receive({ type: 'check-html', id: 'e2', url: URL_OF_PAGE, html: html() }, fromPage);
    const second = await analyser({ id: 'e2', html: '<p>not used</p>', url: URL_OF_PAGE });
    expect(first?.article.text).toBe(second?.article.text);
    expect(created).toHaveLength(1);
  });

  it('uses a document a previous worker left open, and survives a race to create one', async () => {
    const host = new AnalysisHost(EXTENSION, analyse);
    const { api, created } = fakeChrome(host, [{ documentUrl: 'offscreen.html' }]);
    await offscreenAnalyser(api)({ id: 'f', html: html(), url: URL_OF_PAGE });
    expect(created).toHaveLength(0);
    const raced: OffscreenApi = { ...api, offscreen: { createDocument: async () => { throw new Error('Only a single offscreen document may be created.'); } }, runtime: { ...api.runtime, getContexts: async () => [] } };
    expect((await offscreenAnalyser(raced)({ id: 'g', html: html(), url: URL_OF_PAGE }))?.article.url).toBe(URL_OF_PAGE);
  });

  it('turns a silent document into an error (the page then extracts on its own), and makes a new one next time', async () => {
    const host = new AnalysisHost(EXTENSION, analyse);
    let open: unknown[] = [{}];
    let alive = false;
    const created: unknown[] = [];
    const api: OffscreenApi = {
      offscreen: { createDocument: async (o) => { created.push(o); open = [o]; alive = true; } },
      runtime: { sendMessage: async (m) => (alive ? host.receive(m, fromBackground) : undefined), getContexts: async () => open },
    };
    const analyser = offscreenAnalyser(api);
    await expect(analyser({ id: 'h', html: html(), url: URL_OF_PAGE })).rejects.toThrow(/did not answer/);
    // The browser closed it.
    open = [];
    expect((await analyser({ id: 'h2', html: html(), url: URL_OF_PAGE }))?.article.url).toBe(URL_OF_PAGE);
    expect(created).toHaveLength(1);
  });
});

describe('check-html in the background', () => {
  it('gives the same annotations as the page extracting on its own, with the text nodes as ordinals', async () => {
    const viaHtml: any = await ask(new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess), { type: 'check-html', id: 'i', url: URL_OF_PAGE, html: html() }, 'page', URL_OF_PAGE);
    const { article } = extractArticle(htmlDocument(readFileSync(resolve(SEEDS_DIR, PAGE), 'utf8'), URL_OF_PAGE), URL_OF_PAGE)!;
    const viaText: any = await ask(new CasefileService(new CasefileDB(`t-${Math.random()}`)), { type: 'check-article', article }, 'page', URL_OF_PAGE);
    expect(viaHtml.article).toEqual(article);
    expect(viaHtml.annotations).toEqual(viaText.annotations);
    expect(viaHtml.annotations.some((a: any) => a.verdict === 'conflict')).toBe(true);
    expect(viaHtml.segments.length % 3).toBe(0);
    expect(viaHtml.timings).toEqual(expect.objectContaining({ recognise: expect.any(Number), extract: { parse: expect.any(Number), prepare: expect.any(Number), readability: expect.any(Number), map: expect.any(Number) } }));
  });

  it.each([
    ['no analyser in this browser', null, /DOM parser/],
    ['an analyser that fails', (async () => { throw new Error('offscreen gone'); }) as Analyser, /offscreen gone/],
  ])('says the page must extract on its own with %s, and stores nothing', async (_name, analyser, why) => {
    const db = new CasefileDB(`t-${Math.random()}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const answer = await refusal(new CasefileService(db, analyser), { type: 'check-html', id: 'j', url: URL_OF_PAGE, html: html() }, 'page', URL_OF_PAGE);
    warn.mockRestore();
    expect(answer.code).toBe('unavailable');
    expect(answer.message).toMatch(why);
    expect(await db.articles.count()).toBe(0);
  });

  it('refuses a page asking about another page, and a malformed message', async () => {
    const service = new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess);
    expect(await refusal(service, { type: 'check-html', id: 'k', url: 'http://127.0.0.1/other.html', html: html() }, 'page', URL_OF_PAGE)).toMatchObject({ code: 'forbidden', message: 'a page may only speak about its own article' });
    expect(await refusal(service, { type: 'check-html', id: 5, url: URL_OF_PAGE, html: html() }, 'page', URL_OF_PAGE)).toMatchObject({ code: 'malformed', problems: ['id: 5 is not a string'] });
  });

  it('answers a page without an article with no article, and stores nothing', async () => {
    const db = new CasefileDB(`t-${Math.random()}`);
    const answer = await ask(new CasefileService(db, inProcess), { type: 'check-html', id: 'l', url: URL_OF_PAGE, html: '<html><head><title>Empty</title></head><body></body></html>' }, 'page', URL_OF_PAGE);
    expect(answer).toEqual({ article: null });
    expect(await db.articles.count()).toBe(0);
  });
});
