/**
 * The floor under the benchmark's ratio: the least work Casefile's design must do, and
 * nothing else, as a bare extension run over the same pages. Its content script serialises
 * the page once (the same `snapshotPage` serialisation Casefile uses) and sends it in one
 * message; its offscreen document — the component that parses, which answers the page itself —
 * parses the HTML and runs Readability on it, and answers. No recognising, no checking, no
 * storing, no drawing. Its time from script start to answer, over Readability alone timed
 * the way every page run times it, is the ratio below which this design cannot get here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { launchWithExtension } from './browser';
import { readabilityAlone } from './page-run';

const require = createRequire(import.meta.url);

/** The page's half: serialise as Casefile does, send once, stamp the figures on the root element for the harness. */
const CONTENT = `
import { leanHtml } from ${JSON.stringify(resolve(import.meta.dirname, '../../lib/extract/snapshot.ts'))};
const start = performance.now();
const stamp = (figures) => document.documentElement.setAttribute('data-casefile-floor', JSON.stringify(figures));
try {
  const html = leanHtml(document.documentElement.outerHTML);
  const sent = performance.now();
  chrome.runtime.sendMessage({ floor: true, url: location.href, html }).then((answer) => {
    const end = performance.now();
    if (!answer || answer.error) stamp({ error: String(answer && answer.error) });
    else stamp({ snapshot: sent - start, roundTrip: end - sent, work: answer.work, total: end - start });
  }, (error) => stamp({ error: String(error) }));
} catch (error) {
  stamp({ error: String(error) });
}
`;

/** The parser's half, in the offscreen document: parse, Readability, answer. */
const OFFSCREEN = `
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (!message || message.floor !== true) return false;
  const start = performance.now();
  try {
    const doc = new DOMParser().parseFromString(message.html, 'text/html');
    const parsed = new Readability(doc).parse();
    reply({ length: parsed ? parsed.textContent.length : 0, work: performance.now() - start });
  } catch (error) {
    reply({ error: String(error) });
  }
  return false;
});
`;

/** The service worker keeps an offscreen document open and answers nothing itself. */
const BACKGROUND = `
const open = () => chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'floor probe' }).catch(() => undefined);
chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((found) => { if (!found.length) open(); });
`;

/** Write the bare extension to a fresh folder and return its path. */
function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'Casefile floor probe', version: '1', permissions: ['offscreen'],
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  }));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'offscreen.html'), '<!doctype html><script src="readability.js"></script><script src="offscreen.js"></script>');
  writeFileSync(join(dir, 'readability.js'), readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8'));
  writeFileSync(join(dir, 'offscreen.js'), OFFSCREEN);
  const content = buildSync({ stdin: { contents: CONTENT, loader: 'js', resolveDir: import.meta.dirname }, bundle: true, format: 'iife', write: false, target: 'chrome120' });
  writeFileSync(join(dir, 'content.js'), content.outputFiles[0].text);
  return dir;
}

export interface FloorRun {
  url: string;
  /** On the page: serialising it; then the one round trip; the parse and Readability inside it; and the whole: ms. */
  snapshot: number;
  roundTrip: number;
  work: number;
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
        const figures = stamped.error ? { snapshot: NaN, roundTrip: NaN, work: NaN, total: NaN } : stamped;
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
