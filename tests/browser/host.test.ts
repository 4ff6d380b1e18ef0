/**
 * One hop, and a host that comes back: in Chromium the service lives in the host page (an
 * offscreen document) and the service worker answers no message itself. When the browser has
 * closed the host, the first sender finds nobody answering, knocks on the worker's wake port,
 * and sends again — the page is still checked, and nothing is lost.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, storedArticle, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { SEEDS_DIR } from '../helpers/seeds';

declare const chrome: any;

const SEED = resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html');
let browser: ExtensionBrowser;
let served: Served;

beforeAll(async () => {
  served = await serveFiles([SEED]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Open a page and wait until its content script says it is checked (asked through the tab, not the host). */
async function visit(query: string) {
  const url = `${served.urlOf(SEED)}?${query}`;
  const page = await browser.context.newPage();
  await page.goto(url);
  await expect.poll(async () => (await tabState(browser, url))?.status, { timeout: 30_000 }).toBe('checked');
  return { page, url };
}

const hosts = async () => (await browser.extensionPage()).evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length);

describe('the host', () => {
  it('answers a page in one hop: the worker takes no message itself', async () => {
    const { page, url } = await visit('first');
    expect(await hosts()).toBe(1);
    expect((await storedArticle(browser, url)).article?.annotations.some((a) => a.verdict === 'conflict')).toBe(true);
    await page.close();
    // With the host closed, a message finds nobody: the worker does not answer it.
    const ext = await browser.extensionPage();
    await ext.evaluate(() => chrome.offscreen.closeDocument());
    expect(await hosts()).toBe(0);
    const error = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'list-cases' }).then(() => null, (e: Error) => e.message));
    expect(error).toMatch(/Receiving end does not exist/);
  });

  it('comes back for the next page, which is checked as if it had never gone', async () => {
    if (await hosts()) await (await browser.extensionPage()).evaluate(() => chrome.offscreen.closeDocument());
    const { page, url } = await visit('after');
    expect(await hosts()).toBe(1);
    const stored = (await storedArticle(browser, url)).article;
    expect(stored?.annotations.length).toBeGreaterThan(10);
    expect(stored?.annotations.some((a) => a.verdict === 'conflict')).toBe(true);
    await page.close();
  });
});
