/**
 * The Node engine (`npm run check -- --engine node`) against the extension in Chromium: on
 * the seed pages and the labelled real articles, served at the same addresses, both must give
 * the same annotations — the engine is the extension's pipeline, only parsed by linkedom
 * instead of the browser's HTML parser, so any difference here is a parser difference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CASE } from '../../lib/background/service';
import { pageJson } from '../../lib/engine/pipeline';
import { checkPage, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { EnginePool } from '../../scripts/lib/node-engine/pool';
import { serveFiles, type Served } from '../../scripts/lib/serve';
import { SEED_PAGES, SEEDS_DIR } from '../helpers/seeds';

const REAL_DIR = resolve(import.meta.dirname, '../../../shared/corpus/rust-real/pages');
const PAGES = [
  ...SEED_PAGES.map((p) => resolve(SEEDS_DIR, p)),
  ...readdirSync(REAL_DIR).filter((f) => f.endsWith('.html')).sort().map((f) => resolve(REAL_DIR, f)),
];

let browser: ExtensionBrowser;
let served: Served;
let pool: EnginePool;

beforeAll(async () => {
  served = await serveFiles(PAGES);
  [browser, pool] = await Promise.all([launchWithExtension(), EnginePool.start(BUNDLED_CASE, 1)]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), pool?.close(), served?.close()]);
});

describe('the Node engine', () => {
  it(`gives the extension's annotations on the seed pages and the ${PAGES.length - SEED_PAGES.length} real articles`, async () => {
    expect(PAGES.length).toBeGreaterThan(40);
    const differences: string[] = [];
    // A few tabs at a time: most of a page's time in the browser is waiting, not working.
    for (let i = 0; i < PAGES.length; i += 4) {
      await Promise.all(PAGES.slice(i, i + 4).map(async (file) => {
        const url = served.urlOf(file);
        const [inBrowser, inNode] = await Promise.all([checkPage(browser, url), pool.check(url, readFileSync(file, 'utf8'))]);
        await inBrowser.page.close();
        const name = file.split('/').pop();
        if (!inBrowser.article || !('page' in inNode)) {
          differences.push(`${name}: browser ${inBrowser.article ? 'checked' : inBrowser.status}, node ${'page' in inNode ? 'checked' : inNode.error}`);
          return;
        }
        const a = pageJson(inBrowser.article);
        const b = pageJson(inNode.page);
        if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${name}: ${firstDifference(a, b)}`);
      }));
    }
    expect(differences).toEqual([]);
  });
});

/** The first way two pages' JSON differ, in a line. */
function firstDifference(a: ReturnType<typeof pageJson>, b: ReturnType<typeof pageJson>): string {
  for (const key of ['url', 'title', 'published'] as const) if (a[key] !== b[key]) return `${key}: ${a[key]} ≠ ${b[key]}`;
  if (a.annotations.length !== b.annotations.length) return `${a.annotations.length} annotations in the browser, ${b.annotations.length} in Node`;
  const i = a.annotations.findIndex((x, k) => JSON.stringify(x) !== JSON.stringify(b.annotations[k]));
  return `annotation ${i}: ${JSON.stringify(a.annotations[i]).slice(0, 200)} ≠ ${JSON.stringify(b.annotations[i]).slice(0, 200)}`;
}
