/**
 * Pages that change, in Chromium with the built extension (issue 13's three cases): an
 * article whose text arrives two seconds after load, a single-page site moving to a second
 * article with pushState (and back), and paragraphs re-rendered after highlighting. Each
 * must never be shown as checked with nothing on it, and must end with the highlights, the
 * state and the stored article of the article actually on the page.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageState } from '../../lib/messaging/protocol';
import { MAX_REDRAWS } from '../../lib/page/follow';
import { launchWithExtension, openPopupFor, storedArticle, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { lateTextPage, partsOf, rerenderingPage, SECOND, spaPage, writePages } from '../helpers/living';

let browser: ExtensionBrowser;
let served: Served;
let files: Record<string, string>;

beforeAll(async () => {
  files = writePages({ 'late.html': lateTextPage(2000), 'spa.html': '', 'second.html': '', 'rerender.html': rerenderingPage() });
  served = await serveFiles(Object.values(files));
  // The single-page site's first article names itself canonical; its second page is a real file too (a reload finds it).
  writeFileSync(files['spa.html'], spaPage(served.urlOf(files['spa.html'])));
  writeFileSync(files['second.html'], spaPage(served.urlOf(files['spa.html'])).replace(/(<article[^>]*>)[\s\S]*?(<\/article>)/, `$1${partsOf(SECOND).article}$2`));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const marks = (page: Page) => page.$$eval('casefile-mark', (els) => els.map((e) => e.textContent ?? ''));

/** The tab's state, polled until `done` holds (or the time is up); every state seen on the way. */
async function until(url: () => string, done: (s: PageState | null) => boolean, timeoutMs = 15_000): Promise<{ last: PageState | null; seen: PageState[] }> {
  const seen: PageState[] = [];
  const started = Date.now();
  for (;;) {
    const last = await tabState(browser, url());
    if (last) seen.push(last);
    if (done(last) || Date.now() - started > timeoutMs) return { last, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
}

const falseAllClear = (s: PageState) => s.status === 'checked' && !s.changed && s.annotations.length === 0;
const flagsOf = (s: PageState | null) => (s?.annotations ?? []).filter((a) => a.verdict === 'conflict').map((a) => a.exact);

describe('a page whose article text arrives late', () => {
  it('is never shown or stored as checked before the text is there, then is checked with its flags', async () => {
    const url = served.urlOf(files['late.html']);
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    // Before the text: the popup says the page is being read, never that it has no conflicts.
    const early = await until(() => url, (s) => !!s && s.status !== 'idle' && s.status !== 'checking', 1500);
    expect(early.last?.status).toBe('waiting');
    const popup = await openPopupFor(browser);
    await expect.poll(() => popup.locator('.page-state').getAttribute('data-state')).toBe('reading');
    expect(await popup.getByText('No conflicts with the case on this page.').count()).toBe(0);
    await popup.close();
    const stored = await storedArticle(browser, url);
    expect(stored.article).toBeNull();

    const done = await until(() => url, (s) => s?.status === 'checked' && !s.changed && flagsOf(s).length > 0);
    expect([...early.seen, ...done.seen].filter(falseAllClear)).toEqual([]);
    expect(done.last?.title).toContain('Alec Baldwin Sues New Mexico Prosecutors');
    expect(flagsOf(done.last)).toEqual(expect.arrayContaining(['filed in federal court']));
    expect((await marks(page)).length).toBeGreaterThan(10);
    await expect.poll(async () => (await storedArticle(browser, url)).article?.title).toContain('Alec Baldwin Sues');
    expect((await storedArticle(browser, url)).article!.annotations.length).toBeGreaterThan(10);
    await page.close();
  });
});

describe('a single-page site', () => {
  it('reads the second article after pushState, stores it under its own address, and the first again after Back', async () => {
    const first = served.urlOf(files['spa.html']);
    const second = first.replace('spa.html', 'second.html');
    const page = await browser.context.newPage();
    await page.goto(first, { waitUntil: 'load' });
    await until(() => first, (s) => s?.status === 'checked' && flagsOf(s).length > 0);
    expect(await marks(page)).toContain('filed in federal court');

    const pushed = Date.now();
    await page.evaluate(() => (window as unknown as { goNext: () => void }).goNext());
    const after = await until(() => second, (s) => s?.status === 'checked' && !s.changed && flagsOf(s).includes('June 16, 2025'));
    const drawnIn = Date.now() - pushed;
    console.log(`pushState → the second article's highlights drawn: ${drawnIn} ms`);
    expect(after.last?.url).toBe(second);
    expect(flagsOf(after.last)).not.toContain('filed in federal court');
    await expect.poll(() => marks(page)).toContain('June 16, 2025');
    expect(await marks(page)).not.toContain('filed in federal court');
    // Stored under its own address, not under the canonical link the first article left behind.
    await expect.poll(async () => (await storedArticle(browser, second)).article?.title).toContain('Santa Fe Sheriff');
    expect((await storedArticle(browser, first)).article?.title).toContain('Alec Baldwin Sues New Mexico Prosecutors');
    // The popup speaks for the article on the page now.
    const popup = await openPopupFor(browser);
    await expect.poll(() => popup.locator('.flag .quote').allTextContents()).toEqual(['“June 16, 2025”']);
    await popup.close();

    await page.goBack();
    await until(() => first, (s) => s?.status === 'checked' && !s.changed && flagsOf(s).includes('filed in federal court'));
    await expect.poll(() => marks(page)).toContain('filed in federal court');
    expect(await marks(page)).not.toContain('June 16, 2025');
    await page.close();
  });
});

describe('a page that re-renders its paragraphs', () => {
  it('draws the highlights again on the new nodes, a bounded number of times, then lists them as no longer shown', async () => {
    const url = served.urlOf(files['rerender.html']);
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const checked = await until(() => url, (s) => s?.status === 'checked' && flagsOf(s).length > 0);
    const drawn = (await marks(page)).length;
    expect(drawn).toBeGreaterThan(10);
    const flag = checked.last!.annotations.find((a) => a.exact === 'filed in federal court')!;

    for (let i = 1; i <= MAX_REDRAWS; i++) {
      await page.evaluate(() => (window as unknown as { rerender: () => void }).rerender());
      expect((await marks(page)).length).toBeLessThan(drawn);
      await expect.poll(async () => (await marks(page)).length, { timeout: 10_000 }).toBe(drawn);
      await until(() => url, (s) => s?.status === 'checked' && !s.changed);
    }
    // The popup's flag still leads to the claim: its mark takes the focus, not the page's body.
    const popup = await openPopupFor(browser);
    await popup.locator('.flag', { hasText: 'filed in federal court' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName === 'casefile-mark' ? document.activeElement.textContent : document.activeElement?.localName)).toBe('filed in federal court');
    await popup.close();

    // Once more than the bound: listed as no longer shown, not drawn again.
    await page.evaluate(() => (window as unknown as { rerender: () => void }).rerender());
    const gaveUp = await until(() => url, (s) => !!s?.hidden?.length);
    expect(gaveUp.last?.hidden?.map((a) => a.exact)).toContain(flag.exact);
    expect(gaveUp.last?.annotations.map((a) => a.id)).not.toContain(flag.id);
    expect(await marks(page)).not.toContain('filed in federal court');
    const later = await openPopupFor(browser);
    await expect.poll(() => later.locator('.hidden').textContent()).toContain('filed in federal court');
    expect(await later.locator('.hidden h2').textContent()).toMatch(/^No longer shown on the page \(\d+\)$/);
    await later.close();
    await page.close();
  });
});
