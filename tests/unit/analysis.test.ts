import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyseHtml } from '../../lib/analysis/analyse';
import type { Analyser } from '../../lib/background/analyser';
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

describe('check-html in the host', () => {
  it('gives the same annotations as the page extracting on its own, with the text nodes as ordinals', async () => {
    const viaHtml: any = await ask(new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess), { type: 'check-html', url: URL_OF_PAGE, html: html() }, 'page', URL_OF_PAGE);
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
    const answer = await refusal(new CasefileService(db, analyser), { type: 'check-html', url: URL_OF_PAGE, html: html() }, 'page', URL_OF_PAGE);
    warn.mockRestore();
    expect(answer.code).toBe('unavailable');
    expect(answer.message).toMatch(why);
    expect(await db.articles.count()).toBe(0);
  });

  it('refuses a page asking about another page, and a malformed message', async () => {
    const service = new CasefileService(new CasefileDB(`t-${Math.random()}`), inProcess);
    expect(await refusal(service, { type: 'check-html', url: 'http://127.0.0.1/other.html', html: html() }, 'page', URL_OF_PAGE)).toMatchObject({ code: 'forbidden', message: 'a page may only speak about its own article' });
    expect(await refusal(service, { type: 'check-html', url: URL_OF_PAGE, html: 5 }, 'page', URL_OF_PAGE)).toMatchObject({ code: 'malformed', problems: ['html: 5 is not a string'] });
  });

  it('answers a page without an article with no article, and stores nothing', async () => {
    const db = new CasefileDB(`t-${Math.random()}`);
    const answer = await ask(new CasefileService(db, inProcess), { type: 'check-html', url: URL_OF_PAGE, html: '<html><head><title>Empty</title></head><body></body></html>' }, 'page', URL_OF_PAGE);
    expect(answer).toEqual({ article: null });
    expect(await db.articles.count()).toBe(0);
  });
});
