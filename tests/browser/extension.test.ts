/**
 * The built extension in Debian's Chromium against the seed pages served on 127.0.0.1:
 * expectations, nothing highlighted outside the article, the card, the popup, the export.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../lib/anchor/quote';
import { checkPage, launchWithExtension, openPopupFor, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { cardText } from '../../scripts/lib/card';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { EXPECTED, judgeSeed, SEED_PAGES, SEEDS_DIR } from '../helpers/seeds';

let browser: ExtensionBrowser;
let served: Served;

beforeAll(async () => {
  served = await serveFiles(SEED_PAGES.map((p) => resolve(SEEDS_DIR, p)));
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe.each(SEED_PAGES)('seed %s in Chromium', (name) => {
  it('meets every expectation and highlights nothing outside the article', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, name));
    const { page, article } = await checkPage(browser, url);
    expect(article).not.toBeNull();
    const marks = await page.$$eval('casefile-mark', (els) => els.map((e) => ({ text: e.textContent ?? '', inArticle: !!e.closest('article') })));
    expect(marks.length).toBeGreaterThan(10);
    expect(marks.filter((m) => !m.inArticle)).toEqual([]);
    const marked = marks.map((m) => m.text).join(' ');
    for (const outside of EXPECTED.pages[name].outsideArticle) expect(marked).not.toContain(outside);
    // Every annotation the background stored was drawn on the page (the content script's state lists what it drew).
    const state = await tabState(browser, url);
    expect(state?.annotations.length).toBe(article!.annotations.length);
    expect(judgeSeed(name, article!.text, article!.published, article!.annotations)).toEqual([]);
    await page.close();
  });
});

describe('the card, the popup and the export', () => {
  it('opens a card with the sources when a flag is clicked, and closes it on Escape', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html'));
    const { page } = await checkPage(browser, url);
    const flag = page.locator('casefile-mark', { hasText: 'June 16, 2025' }).first();
    await flag.click();
    const card = page.locator('casefile-card');
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => cardText(page)).toContain('June 16, 2025');
    const text = (await cardText(page))!;
    expect(text).toContain('October 21, 2021');
    expect(text).toMatch(/Sources \(\d+\)/);
    expect(text).toContain('Santa Fe New Mexican');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    // Keyboard: Tab reaches the flag (its focus stop is inside the mark's closed shadow root) and Enter opens the card.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.localName === 'casefile-mark' && document.activeElement.textContent === 'June 16, 2025')) break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count()).toBe(1);
    await page.close();
  });

  it('lists the flags in the popup and exports W3C annotations whose selectors round-trip', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, '000_ed7fe8675b0af3e5.html'));
    const { page, article } = await checkPage(browser, url);
    const popup = await openPopupFor(browser);
    await expect.poll(() => popup.locator('[data-count="flags"]').textContent()).toBe(String(article!.annotations.filter((a) => a.verdict === 'conflict').length));
    const flags = await popup.locator('.flag .quote').allTextContents();
    expect(flags.join(' ')).toContain('earlier this year');
    expect(flags.join(' ')).toContain('filed in federal court');
    await popup.locator('input[type=search]').fill('Morrissey');
    expect(await popup.locator('.case details').first().textContent()).toContain('Kari T. Morrissey');

    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'W3C JSON-LD' }).click()]);
    const exported = JSON.parse(await new Response(await streamOf(download)).text());
    const items = exported.first.items;
    expect(items.length).toBe(article!.annotations.length);
    // Every TextQuoteSelector finds its text again in the page's own text.
    const pageText = await page.evaluate(() => document.querySelector('article')!.textContent!.replace(/\s+/g, ' '));
    for (const item of items) {
      const [quote] = item.target.selector;
      expect(anchorSelectors(pageText, { ...quote, prefix: '', suffix: '' })).not.toBeNull();
    }
    await popup.close();
    await page.close();
  });
});

async function streamOf(download: import('playwright-core').Download): Promise<ReadableStream> {
  const stream = await download.createReadStream();
  return new ReadableStream({
    start(controller) {
      stream.on('data', (chunk) => controller.enqueue(chunk));
      stream.on('end', () => controller.close());
      stream.on('error', (e) => controller.error(e));
    },
  });
}
