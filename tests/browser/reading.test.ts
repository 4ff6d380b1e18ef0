/**
 * The reader's controls, in Chromium with the built extension, used from the popup as a
 * reader would: Casefile off on this site (an open page loses its highlights at once, and a
 * page opened there is not read), off everywhere, on again; and the default reading of an
 * unrelated story (an oil-industry report full of names and dates): no highlights, the popup
 * saying why, with a way to highlight them anyway, and every article highlighted once the
 * reader asks for that.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchWithExtension, openPopupFor, storedArticle, tabState, type ExtensionBrowser } from '../../scripts/lib/browser';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { SEEDS_DIR } from '../helpers/seeds';

const SEED = resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html');
const OIL = resolve(import.meta.dirname, '../fixtures/oil-story.html');
let browser: ExtensionBrowser;
let served: Served;

beforeAll(async () => {
  served = await serveFiles([SEED, OIL]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const marks = (page: Page) => page.locator('casefile-mark').count();
const status = async (url: string) => (await tabState(browser, url))?.status;

describe('on and off', () => {
  it('turns Casefile off on this site and everywhere from the popup, and on again', async () => {
    const url = served.urlOf(SEED);
    const { page } = await checkPage(browser, url);
    expect(await marks(page)).toBeGreaterThan(10);

    // Off on this site: the open page loses its highlights at once.
    let popup = await openPopupFor(browser);
    const site = popup.getByLabel(/^On this site/);
    await expect.poll(() => site.isChecked()).toBe(true);
    await site.uncheck();
    await expect.poll(() => marks(page)).toBe(0);
    await expect.poll(() => status(url)).toBe('off');
    await expect.poll(() => popup.locator('.page-state').getAttribute('data-state')).toBe('off');
    expect(await popup.locator('.page-state [role=status]').textContent()).toBe('Casefile is off on this site.');
    await popup.close();

    // A page opened on that site is not read at all (nothing is checked or stored again).
    const checkedAt = (await storedArticle(browser, url)).article!.checkedAt;
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => status(url)).toBe('off');
    expect(await marks(page)).toBe(0);
    expect((await storedArticle(browser, url)).article!.checkedAt).toBe(checkedAt);

    // On again.
    popup = await openPopupFor(browser);
    await popup.getByLabel(/^On this site/).check();
    await expect.poll(() => marks(page)).toBeGreaterThan(10);
    await expect.poll(() => status(url)).toBe('checked');

    // Off everywhere, then on.
    await popup.getByLabel('On every site').uncheck();
    await expect.poll(() => marks(page)).toBe(0);
    await expect.poll(() => tabState(browser, url).then((s) => s?.message)).toBe('Casefile is off.');
    await popup.getByLabel('On every site').check();
    await expect.poll(() => marks(page)).toBeGreaterThan(10);
    await popup.close();
    await page.close();
  });
});

describe('an article about no case', () => {
  it('gets no highlights by default, says why, highlights them when asked, and every article when the reader chooses', async () => {
    const url = served.urlOf(OIL);
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await expect.poll(() => status(url)).toBe('checked');
    const state = (await tabState(browser, url))!;
    expect(state.quiet?.withheld).toBeGreaterThan(25);
    expect(await marks(page)).toBe(0);
    // Stored whole all the same (exports and other articles' cards use it).
    await expect.poll(async () => (await storedArticle(browser, url)).article?.annotations.length).toBe(state.quiet!.withheld);

    const popup = await openPopupFor(browser);
    await expect.poll(() => popup.locator('.page-state [role=status]').textContent()).toMatch(/^Checked\. It names no one in your cases: its \d+ names and dates are not highlighted\.$/);
    await popup.getByRole('button', { name: 'Highlight them here' }).click();
    await expect.poll(() => marks(page)).toBeGreaterThan(25);
    await popup.close();

    // Every article, from now on.
    const settings = await openPopupFor(browser);
    await settings.getByLabel(/^Names and dates/).selectOption('everything');
    await settings.close();
    const again = await browser.context.newPage();
    await again.goto(`${url}?again`, { waitUntil: 'load' });
    await expect.poll(() => marks(again)).toBeGreaterThan(25);
    expect((await tabState(browser, `${url}?again`))?.quiet).toBeUndefined();
    await again.close();
    await page.close();
  });
});
