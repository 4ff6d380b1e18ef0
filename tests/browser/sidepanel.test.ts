/**
 * The side panel in Chromium, opened as a page for a checked seed tab (as Chrome's side
 * panel shows it for the active tab): every annotation in reading order in its sentence,
 * filters, a search that reads "Oct 2021" as a reader means it, a click that scrolls the page
 * to the claim, the timeline with the article's conflict in red, and the panel following a
 * re-check of the page. And the popup's legend, its side panel button and its search.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGEND } from '../../components/legend';
import { checkPage, launchWithExtension, openExtensionPageFor, openPopupFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { annotationKey } from '../../lib/types';
import { SEEDS_DIR } from '../helpers/seeds';
import { markLooks } from '../../scripts/lib/card';

const LOOK_PROPERTIES = ['background-color', 'background-image', 'box-shadow', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color'];
const rgba = (css: string) => (/rgba?\(([^)]+)\)/.exec(css)?.[1].split(',').map(Number) ?? [0, 0, 0, 0]);
/** A colour's name as the legend says it, from its hue (a rough reading, enough to tell the legend's colours apart). */
function colourName(css: string): string {
  const [r, g, b] = rgba(css);
  if (Math.max(r, g, b) - Math.min(r, g, b) < 24) return 'grey';
  if (r > 200 && g > 150 && b < 80) return 'yellow';
  if (r > b + 40 && r > g + 40 && b < 90) return 'red';
  if (r > g + 40 && b > g + 40) return 'purple';
  if (b > r && b > g) return 'blue';
  return g > r && g > b ? 'green' : 'other';
}
/** Whether a look draws anything (a fact nobody checked is drawn as nothing). */
const visibleLook = (s: Record<string, string>) => rgba(s['background-color'])[3] !== 0 || s['background-image'] !== 'none' || /inset/.test(s['box-shadow']) && !/rgba\(0, 0, 0, 0\)/.test(s['box-shadow']) || s['text-decoration-line'] !== 'none';
/** The words that describe a drawn look. */
function wordsFor(s: Record<string, string>): string[] {
  const words: string[] = [];
  const fill = rgba(s['background-color']);
  if (s['background-image'].includes('gradient')) words.push('stripes', colourName(s['background-image']));
  else if (fill[3] > 0) words.push('fill', colourName(s['background-color']), fill[3] >= 0.4 || fill[0] < 100 ? 'dark' : 'light');
  else words.push('no', 'fill');
  const shadow = /inset/.test(s['box-shadow']) && !s['box-shadow'].startsWith('rgba(0, 0, 0, 0)') ? s['box-shadow'] : null;
  if (s['text-decoration-line'].includes('underline')) words.push('underline', s['text-decoration-style'], colourName(s['text-decoration-color']));
  if (shadow) words.push('underline', colourName(shadow));
  return words;
}

const SEED = '000_ed7fe8675b0af3e5.html';
let browser: ExtensionBrowser;
let served: Served;

beforeAll(async () => {
  served = await serveFiles([resolve(SEEDS_DIR, SEED)]);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('the side panel', () => {
  it('lists every annotation in its sentence, filters, searches, scrolls to a claim, and draws the timeline', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, SEED));
    const { page, article } = await checkPage(browser, url);
    const annotations = article!.annotations;
    const panel = await openExtensionPageFor(browser, 'sidepanel.html', { width: 400, height: 900 });
    const items = panel.locator('.annotations > li');
    await expect.poll(() => items.count()).toBe(annotations.length);

    // Reading order, each in its sentence.
    const starts = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end).map((a) => a.exact);
    expect(await panel.locator('.annotations mark').allTextContents()).toEqual(starts);
    const federal = panel.locator('.annotations > li', { hasText: 'filed in federal court' }).first();
    expect(await federal.locator('.sentence').textContent()).toBe('The lawsuit, filed in federal court, specifically targets Special Prosecutor Andrea Reeb and District Attorney Mary Carmack-Altwies.');
    expect(await federal.locator('.says').textContent()).toContain('First Judicial District Court');

    // Filters.
    const conflicts = annotations.filter((a) => a.verdict === 'conflict').length;
    await panel.getByRole('button', { name: /^Flags/ }).click();
    await expect.poll(() => items.count()).toBe(conflicts);
    expect(await panel.locator('.annotations .badge.conflict').count()).toBe(conflicts);
    await panel.getByRole('button', { name: /^Dates/ }).click();
    await expect.poll(() => items.count()).toBe(annotations.filter((a) => a.kind === 'date').length);
    await panel.getByRole('button', { name: /^All/ }).click();

    // A search for "Oct 2021" finds the date stored as 2021-10, and what the case dates to October 21, 2021.
    await panel.getByLabel("Search this page's annotations").fill('Oct 2021');
    const found = await panel.locator('.annotations mark').allTextContents();
    expect(found).toContain('October 2021');
    expect(found.length).toBeLessThan(annotations.length);
    await panel.getByLabel("Search this page's annotations").fill('');

    // A click scrolls the page to the claim and focuses it.
    await federal.locator('button').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('casefile-mark')?.textContent ?? '')).toBe('filed in federal court');

    // The timeline: every case event, the article's dated claims, a conflict in red pointing at the case's date.
    const timeline = panel.locator('svg.timeline');
    expect(await timeline.getAttribute('aria-label')).toMatch(/^Case timeline: \d+ events of the case, \d+ dates in this article, 1 in conflict with the case\.$/);
    expect(await timeline.locator('g.event').count()).toBeGreaterThan(40);
    const conflict = timeline.locator('g.claim.conflict');
    expect(await conflict.count()).toBe(1);
    expect(await conflict.getAttribute('aria-label')).toContain('“earlier this year”');
    expect(await conflict.locator('path').first().getAttribute('stroke')).toBe('#c62828');
    await panel.close();
    await page.close();
  });

  it('follows the page when it is checked again', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, SEED));
    const { page, article } = await checkPage(browser, url);
    const panel = await openExtensionPageFor(browser, 'sidepanel.html', { width: 400, height: 900 });
    await expect.poll(() => panel.locator('.annotations > li').count()).toBe(article!.annotations.length);
    const flag = article!.annotations.find((a) => a.exact === 'filed in federal court')!;
    const ext = await browser.extensionPage();
    await ext.evaluate(([u, key]) => (globalThis as any).chrome.runtime.sendMessage({ type: 'set-decision', url: u, key, verdict: 'wrong', note: 'State court, per the docket.' }), [url, annotationKey(flag)] as const);
    // The panel says what state the page is in, and checks it again when asked.
    await expect.poll(() => panel.locator('.page-state').getAttribute('data-state')).toBe('checked');
    await panel.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => panel.locator('.annotations .note').allTextContents(), { timeout: 10_000 }).toContain('Your note: State court, per the docket.');
    expect(await panel.locator('.page-state').getAttribute('data-state')).toBe('checked');
    await panel.getByRole('button', { name: /^Your decisions/ }).click();
    await expect.poll(() => panel.locator('.annotations > li').count()).toBe(1);
    await panel.close();
    await page.close();
  });
});

describe('the popup', () => {
  it('has a legend, a way to the side panel, singular counts and a search that reads dates as typed', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, SEED));
    const { page } = await checkPage(browser, url);
    const popup = await openPopupFor(browser);
    await popup.locator('[data-count="flags"]').waitFor();
    expect(await popup.getByRole('button', { name: 'Open side panel' }).count()).toBe(1);
    await popup.locator('.legend summary').click();
    expect(await popup.locator('.legend li').count()).toBe(LEGEND.length);
    expect(await popup.locator('.legend li[data-legend="conflict"]').textContent()).toContain('wavy underline');
    // The legend's words say what its samples draw, and the samples draw what the page draws.
    const samples = await popup.locator('.legend li').evaluateAll((items, props) => items.map((li) => {
      const look = li.querySelector('.sample > span')!.shadowRoot!.querySelector('span')!;
      const cs = getComputedStyle(look);
      return { words: li.querySelector('.look')!.textContent!, style: Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
    }), LOOK_PROPERTIES);
    for (const s of samples) expect(wordsFor(s.style), `${s.words}`).toEqual(expect.arrayContaining(s.words.replace(/^— /, '').split(/,? /)));
    const drawn = await markLooks(page, LOOK_PROPERTIES);
    expect(drawn.length).toBeGreaterThan(10);
    for (const part of ['background-color', 'background-image', 'box-shadow', 'text-decoration-style'] as const) {
      const inLegend = new Set(samples.map((s) => s.style[part]));
      for (const mark of drawn.filter((m) => visibleLook(m.style))) expect(inLegend, `${part} of “${mark.text}”`).toContain(mark.style[part]);
    }
    expect(await popup.locator('.counts li').allTextContents()).not.toContainEqual(expect.stringMatching(/^1 (names|dates|flags)$/));
    await popup.getByLabel('Search the case').fill('Oct 2021');
    const events = await popup.locator('.case details').nth(1).locator('li').allTextContents();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e).toMatch(/^October \d+, 2021/);
    await popup.close();
    await page.close();
  });
});
