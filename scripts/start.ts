/**
 * `npm start`: the main job on the bundled case. Serves the seed pages on 127.0.0.1 and opens
 * Chromium with the built extension on them. With a display it stays open for you to use;
 * without one (or with --headless) it runs headless, prints each page's flagged claims and
 * writes screenshots of the highlighted article, an open claim card and the popup.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPage, launchWithExtension, openExtensionPageFor, openPopupFor } from './lib/browser';
import { serveFiles } from './lib/serve';
import { plural, readable } from '../components/format';

const seeds = resolve(import.meta.dirname, '../../shared/fixtures/seeds');
const outDir = resolve(import.meta.dirname, '../screenshots');

async function main() {
  const args = process.argv.slice(2);
  const pages = (args.filter((a) => !a.startsWith('--')).length ? args.filter((a) => !a.startsWith('--')) : readdirSync(seeds).filter((f) => f.endsWith('.html')).map((f) => resolve(seeds, f)));
  const headless = args.includes('--headless') || !process.env.DISPLAY;
  if (headless) {
    const why = args.includes('--headless') ? 'you passed --headless' : 'there is no display (DISPLAY is not set)';
    console.log(`Running Chromium headless, because ${why}: flagged claims are printed below and screenshots written to ${outDir}. With a display, Chromium opens for you to use.`);
  }
  const served = await serveFiles(pages);
  const browser = await launchWithExtension({ headless });
  mkdirSync(outDir, { recursive: true });
  for (const file of pages) {
    const url = served.urlOf(file);
    const { page, article } = await checkPage(browser, url);
    const name = file.split('/').pop()!.replace(/\.html?$/, '');
    if (!article) {
      console.log(`\n${name}: no article found`);
      continue;
    }
    const flags = article.annotations.filter((a) => a.verdict === 'conflict');
    const count = (k: string[]) => article.annotations.filter((a) => k.includes(a.kind)).length;
    console.log(`\n${article.title}\n  ${url}\n  published ${article.published ?? 'unknown'} · ${plural(count(['person', 'organization', 'place']), 'name')} · ${plural(count(['date']), 'date')} · ${plural(flags.length, 'flag')}`);
    for (const f of flags) {
      const expected = readable(f.expected, f);
      console.log(`  ⚑ “${f.exact}” — ${f.claim}\n      the case says: ${expected} (${f.sources.length} sources)`);
    }
    if (!headless) continue;
    await page.screenshot({ path: resolve(outDir, `${name}-article.png`), fullPage: true });
    // Marks say nothing to the page; the first flag is found by its words, as a reader finds it.
    const flag = flags.length ? page.locator('casefile-mark', { hasText: flags[0].exact }).first() : null;
    if (flag && (await flag.count())) {
      await flag.scrollIntoViewIfNeeded();
      await flag.click();
      await page.locator('casefile-card').waitFor({ state: 'attached' });
      await page.waitForTimeout(200);
      await page.screenshot({ path: resolve(outDir, `${name}-card.png`) });
    }
    const popup = await openPopupFor(browser);
    await popup.locator('[data-count="flags"]').waitFor();
    await popup.locator('.legend summary').click();
    await popup.screenshot({ path: resolve(outDir, `${name}-popup.png`), fullPage: true });
    await popup.close();
    const panel = await openExtensionPageFor(browser, 'sidepanel.html', { width: 400, height: 900 });
    await panel.locator('svg.timeline').waitFor();
    // The whole panel in one window as tall as its content: a full-page capture of a scrolling
    // window cuts the scrollbar's width off the right edge, which the reader never sees.
    await panel.setViewportSize({ width: 400, height: await panel.evaluate(() => document.documentElement.scrollHeight) });
    await panel.screenshot({ path: resolve(outDir, `${name}-sidepanel.png`) });
    await panel.close();
    await page.close();
  }
  if (headless) {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 1200, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('tr[data-case]').first().waitFor();
    await options.screenshot({ path: resolve(outDir, 'options.png'), fullPage: true });
    // The case editor's form, on a person with roles.
    await options.locator('tr[data-case]').first().getByRole('button', { name: 'Edit' }).click();
    await options.locator('.records button').first().click();
    await options.locator('.record-form').waitFor();
    await options.locator('.editor').screenshot({ path: resolve(outDir, 'options-editor.png') });
    await options.close();
    console.log(`\nScreenshots written to ${outDir}`);
    await browser.close();
    await served.close();
  } else {
    console.log('\nChromium is open with Casefile loaded on the seed pages. Close the window to finish.');
    await new Promise((r) => browser.context.on('close', r));
    await served.close();
  }
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
