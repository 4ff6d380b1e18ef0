/**
 * The Firefox build in Debian's Firefox ESR (headless, WebDriver BiDi) on a seed page served
 * on 127.0.0.1: highlights drawn inside the article only, the seed's flagged claim shown as a
 * conflict on its card, and the card closing on Escape; and a single-page site moving to its
 * next article with pushState.
 *
 * Checked as a reader sees it, through the page alone: Firefox's remote protocol refuses to
 * open moz-extension:// pages, and the page may not see verdicts or the card's DOM (the card
 * lives in a shadow root the page cannot enter). So highlights are counted as
 * `casefile-mark` elements, and the card is read with `window.find`, Firefox's find-in-page,
 * which searches the rendered text, shadow roots included: a verdict the card shows is found,
 * whatever the marks' attributes are.
 */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readable, VERDICT_LABEL } from '../../components/format';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/lib/firefox';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { writeFileSync } from 'node:fs';
import { spaPage, writePages } from '../helpers/living';
import { EXPECTED, SEEDS_DIR } from '../helpers/seeds';

const SEED = '003_d2d70b7a6efd8930.html';
const FLAG = 'June 16, 2025';
const CASE_SAYS = readable('2021-10-21');

let firefox: FirefoxWithExtension;
let served: Served;
let spa: string;

beforeAll(async () => {
  const files = writePages({ 'spa.html': '', 'second.html': '' });
  served = await serveFiles([resolve(SEEDS_DIR, SEED), ...Object.values(files)]);
  spa = served.urlOf(files['spa.html']);
  writeFileSync(files['spa.html'], spaPage(spa));
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await served?.close();
});

/** The highlights once Casefile has drawn them: the count holds still for a moment. */
async function settledMarks(page: Page, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  let last = -1;
  let still = 0;
  while (Date.now() - started < timeoutMs) {
    const n = await page.$$eval('casefile-mark', (els) => els.length);
    still = n > 0 && n === last ? still + 1 : 0;
    if (still >= 3) return n;
    last = n;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

/** Whether the page shows this text anywhere, shadow roots included (find-in-page, from the top). */
const shows = (page: Page, text: string) =>
  page.evaluate((t) => {
    getSelection()?.removeAllRanges();
    return (window as unknown as { find: (s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean) => boolean }).find(t, true, false, true);
  }, text);

describe(`seed ${SEED} in Firefox ESR`, () => {
  it('highlights names and dates in the article only, and opens the flag\'s card on a click', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(served.urlOf(resolve(SEEDS_DIR, SEED)), { waitUntil: 'load' });
    expect(await settledMarks(page)).toBeGreaterThan(10);
    const marks = await page.$$eval('casefile-mark', (els) => els.map((e) => ({ text: e.textContent ?? '', inArticle: !!e.closest('article') })));
    expect(marks.filter((m) => !m.inArticle)).toEqual([]);
    const marked = marks.map((m) => m.text).join(' ');
    for (const { quote } of EXPECTED.pages[SEED].people) expect(marked).toContain(quote.split(',')[0]);
    for (const outside of EXPECTED.pages[SEED].outsideArticle) expect(marked).not.toContain(outside);

    // No card yet: the page itself never says what the case says.
    expect(await shows(page, VERDICT_LABEL.conflict)).toBe(false);
    const flag = await page.waitForSelector(`::-p-xpath(//casefile-mark[normalize-space(.)="${FLAG}"])`);
    await flag!.click();
    await page.waitForSelector('casefile-card');
    await expect.poll(() => shows(page, VERDICT_LABEL.conflict)).toBe(true);
    expect(await shows(page, CASE_SAYS)).toBe(true);
    expect(await shows(page, 'Sources (')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.$$eval('casefile-card', (els) => els.length)).toBe(0);
    expect(await shows(page, VERDICT_LABEL.conflict)).toBe(false);
    await page.close();
  });

  it('follows a single-page site to its next article (pushState): the old highlights go, the new article is read', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(spa, { waitUntil: 'load' });
    const marked = () => page.$$eval('casefile-mark', (els) => els.map((e) => e.textContent ?? ''));
    await expect.poll(marked, { timeout: 15_000 }).toContain('filed in federal court');
    await page.evaluate(() => (window as unknown as { goNext: () => void }).goNext());
    await expect.poll(marked, { timeout: 15_000 }).toContain(FLAG);
    expect(await marked()).not.toContain('filed in federal court');
    await page.close();
  });
});
