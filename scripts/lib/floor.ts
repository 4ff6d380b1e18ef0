/**
 * The floor under the benchmark's ratio: the barest extension that could do Casefile's job,
 * run over the same pages. Its content script clones the page, runs Readability on the clone
 * and sends the article's text to its background once — the case lives in the extension's
 * storage, so one round trip is the least any design pays — and recognises, checks and draws
 * nothing. Its time from script start to answer, over Readability alone timed the way every
 * page run times it, is the ratio below which no extension gets on this machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from './browser';
import { readabilityAlone } from './page-run';

const require = createRequire(import.meta.url);

/** The probe: stamps its timings on the root element, where the harness reads them. */
const PROBE = `;(() => {
  const stamp = (figures) => document.documentElement.setAttribute('data-casefile-floor', JSON.stringify(figures));
  try {
    const start = performance.now();
    const parsed = new Readability(document.cloneNode(true)).parse();
    const extracted = performance.now();
    chrome.runtime.sendMessage({ text: parsed ? parsed.textContent : '' }).then(() => {
      const end = performance.now();
      stamp({ extract: extracted - start, roundTrip: end - extracted, total: end - start });
    }, (error) => stamp({ error: String(error) }));
  } catch (error) {
    stamp({ error: String(error) });
  }
})();`;

/** Write the bare extension to a fresh folder and return its path. */
function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Casefile floor probe', version: '1',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(join(dir, 'background.js'), 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ length: (message.text || "").length }); });\n');
  writeFileSync(join(dir, 'content.js'), readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8') + PROBE);
  return dir;
}

export interface FloorRun {
  url: string;
  /** Clone plus Readability in the content script, then the one round trip, and both: ms. */
  extract: number;
  roundTrip: number;
  total: number;
  /** Readability alone, timed as the benchmark times it. */
  readability: number;
  ratio: number;
}

/** Run the bare extension over `urls`, one run each in order (the first page once more before, to warm the browser). */
export async function measureFloor(urls: string[]): Promise<FloorRun[]> {
  const dir = writeFloorExtension();
  const browser = await launchWithExtension({ extensionDir: dir });
  const runs: FloorRun[] = [];
  try {
    for (const [i, url] of [urls[0], ...urls].entries()) {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${url}${i === 0 ? '?warm' : ''}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-casefile-floor'), null, { timeout: 20_000 });
        const stamped = JSON.parse((await page.evaluate(() => document.documentElement.getAttribute('data-casefile-floor'))) ?? '{}');
        const readability = (await readabilityAlone(page)) ?? NaN;
        const figures = stamped.error ? { extract: NaN, roundTrip: NaN, total: NaN } : stamped;
        if (i > 0) runs.push({ url, ...figures, readability, ratio: figures.total / readability });
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}
