/**
 * Exports in the built extension, as a reader makes them from the popup after working on a
 * page: each format carries the reader's decision and note, and the W3C annotations are
 * found again in the live page by an independent implementation of the selectors
 * (dom-anchor-text-position and dom-anchor-text-quote, the libraries Hypothesis's anchoring
 * grew from), bundled into the page as any other client would be.
 *
 * A real browser, not happy-dom: these libraries walk text with a NodeIterator's
 * `referenceNode`/`pointerBeforeReferenceNode`, which happy-dom does not implement (it threw
 * "Iterator exhausted before seek ended" on a two-paragraph page), and the page-text map is
 * made by the content script in the page that was checked.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, launchWithExtension, openPopupFor, storedArticle, type ExtensionBrowser } from '../../scripts/lib/browser';
import { cardText, clickInCard, typeInCard, writeInCard } from '../../scripts/lib/card';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { annotationKey } from '../../lib/types';
import { SEEDS_DIR } from '../helpers/seeds';

const SEED = '000_ed7fe8675b0af3e5.html';
const NOTE = 'Docket checked; the suit was filed in state court.';

let browser: ExtensionBrowser;
let served: Served;
let anchoring = '';

beforeAll(async () => {
  served = await serveFiles([resolve(SEEDS_DIR, SEED)]);
  browser = await launchWithExtension();
  // The two libraries as one script for the page, exposing `window.anchoring`.
  const require = createRequire(import.meta.url);
  const bundled = await build({
    stdin: { contents: `window.anchoring = { position: require('dom-anchor-text-position'), quote: require('dom-anchor-text-quote') };`, resolveDir: resolve(require.resolve('dom-anchor-text-quote'), '..') },
    bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent',
  });
  anchoring = bundled.outputFiles[0].text;
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function download(popup: import('playwright-core').Page, button: string): Promise<string> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: button }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('exports from the popup', () => {
  it('carry the reader\'s decision and note, and re-anchor in the page with an independent selector implementation', async () => {
    const url = served.urlOf(resolve(SEEDS_DIR, SEED));
    const { page, article } = await checkPage(browser, url);
    // The page sends where its article sits in its own text once it has drawn.
    await expect.poll(async () => !!(await storedArticle(browser, url)).article?.pageText, { timeout: 15_000 }).toBe(true);
    // The reader's work, on the flag's card: confirmed, with a note.
    const mark = await page.evaluateHandle(() => [...document.querySelectorAll('casefile-mark')].find((m) => m.textContent === 'filed in federal court')!);
    await mark.evaluate((el) => (el as Element).scrollIntoView({ block: 'start' }));
    await mark.asElement()!.click();
    await expect.poll(() => cardText(page)).toContain('filed in federal court');
    await page.waitForTimeout(800);
    await writeInCard(page, 'Confirm', 'You confirmed this flag.');
    await clickInCard(page, 'Add note');
    await typeInCard(page, 'Note', NOTE);
    await writeInCard(page, 'Save note', `Your note: ${NOTE}`);
    await page.keyboard.press('Escape');
    const flag = article!.annotations.find((a) => a.exact === 'filed in federal court')!;
    const stored = (await storedArticle(browser, url)).article!.annotations.find((a) => annotationKey(a) === annotationKey(flag));
    expect(stored?.decision).toMatchObject({ verdict: 'confirmed', note: NOTE });

    const popup = await openPopupFor(browser);
    await popup.locator('[data-count="flags"]').waitFor();
    const csv = await download(popup, 'CSV');
    const row = csv.split('\r\n').find((r) => r.includes(',filed in federal court,'))!;
    expect(row).toContain(`,confirmed,${NOTE},`);
    expect(row).toContain('The lawsuit, filed in federal court, specifically targets Special Prosecutor Andrea Reeb');
    const md = await download(popup, 'Markdown');
    expect(md).toContain('*You confirmed this flag.*');
    expect(md).toContain(`Your note: ${NOTE}`);
    expect(md).toContain('  > The lawsuit, filed in federal court, specifically targets');
    const w3c = JSON.parse(await download(popup, 'W3C JSON-LD'));
    const items = w3c.first.items;
    expect(items.length).toBe(article!.annotations.length);
    const flagged = items.find((i: any) => i.target.selector[0].exact === 'filed in federal court');
    expect(flagged.body).toContainEqual(expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: NOTE }));
    expect(flagged.body.find((b: any) => b.purpose === 'assessing').value).toMatch(/^Conflicts with the case.*You confirmed this flag\.$/);
    await popup.close();

    // Another client, in the page: every position selector covers its quote in document.body,
    // and every quote selector (with its position as a hint) lands on the same words.
    await page.addScriptTag({ content: anchoring });
    const found = await page.evaluate((selectors) => {
      const { position, quote } = (window as any).anchoring;
      return selectors.map(([q, p]: any[]) => {
        const byPosition = position.toRange(document.body, p).toString();
        const range = quote.toRange(document.body, q, { hint: p.start });
        return { exact: q.exact, byPosition, byQuote: range ? position.fromRange(document.body, range) : null, position: { start: p.start, end: p.end } };
      });
    }, items.map((i: any) => i.target.selector));
    expect(found.length).toBeGreaterThan(10);
    for (const f of found) {
      expect(f.byPosition).toBe(f.exact);
      expect(f.byQuote).toEqual(f.position);
    }
    await page.close();
  });
});
