/**
 * `npm run bench -- [--json] [--pages N] [--repeat N] [--scale-records N] [DIR...]`: what Casefile costs on real pages, in the
 * real browser. The built extension runs in Debian's Chromium over every .html page of the
 * folders (default ../shared/corpus/dev), served on 127.0.0.1 with every other request
 * blocked, and for each page it reports:
 *  - each stage's time inside the content script (extract, recognise, link and check,
 *    anchor, render) and the total from the script's start to the last highlight;
 *  - Readability.parse() alone on a fresh clone of the same page, timed in the same run, and
 *    the ratio total ÷ Readability alone;
 *  - long tasks (> 50 ms) overlapping Casefile's work, and layout shift while it highlighted;
 * then the same pages against a generated case of 100,000 people and events (loaded once),
 * a generated 2,000-highlight article, and the content script's size and start-up cost.
 * Last, the floor (scripts/lib/floor.ts): the barest extension that could do the job — clone,
 * Readability, one message to its background — over the same pages, and its own ratio.
 * Every page runs --repeat times (3 by default), each time under a new URL and with the stored
 * articles dropped, so that each run is a first visit; a page's row is its run with the median ratio, while long tasks and layout
 * shift count over every run. Figures go to bench/results/latest.json; --json prints that JSON
 * instead of the tables.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serializeCase } from '../lib/cases/serialize';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { askBackground, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './lib/browser';
import { generateCase, longArticle } from './lib/bench-data';
import { measureFloor, type FloorRun } from './lib/floor';
import { runPage, type PageRun } from './lib/page-run';
import { serveFiles } from './lib/serve';
import { htmlFiles } from './lib/sweep';

const { values: args, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, pages: { type: 'string' }, repeat: { type: 'string', default: '3' }, 'scale-records': { type: 'string', default: '100000' } },
  allowPositionals: true,
});
const dirs = positionals.length ? positionals : ['../shared/corpus/dev'];

interface PageFigures {
  page: string;
  article: boolean;
  extract: number;
  recognise: number;
  linkAndCheck: number;
  anchor: number;
  render: number;
  total: number;
  /** Script evaluation before main() ran (its start-up cost), and the wait for an idle moment. */
  startup: number;
  idleWait: number;
  readability: number;
  ratio: number;
  longTasks: number;
  longestSlice: number;
  /** Casefile's time on the page's own thread: its start-up plus every slice of its work. */
  pageThread: number;
  layoutShift: number;
  highlights: number;
  /** Where the article was extracted (off the page's thread, or on it), and the extract stage's parts. */
  mode: string;
  parts: Record<string, number>;
  roundTrip: number;
  /** The ratio of every run of this page (the row is the run with the median one). */
  ratioRuns: number[];
}

/** The bundled case's id (lib/cases/bundled). */
const BUNDLED_CASE_ID = 'rust-shooting';

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

function figures(name: string, run: PageRun): PageFigures {
  const t = run.timings ?? {};
  const total = t.total ?? NaN;
  const readability = run.readabilityMs ?? NaN;
  return {
    page: name,
    article: run.state?.status === 'checked',
    extract: t.extract ?? NaN, recognise: t.recognise ?? NaN, linkAndCheck: t.linkAndCheck ?? NaN, anchor: t.anchor ?? NaN, render: t.render ?? NaN,
    total,
    startup: t.mainStart !== undefined && t.scriptStart !== undefined ? t.mainStart - t.scriptStart : NaN,
    idleWait: t.runStart !== undefined && t.mainStart !== undefined ? t.runStart - t.mainStart : NaN,
    readability,
    ratio: total / readability,
    longTasks: run.casefileLongTasks.length,
    longestSlice: Math.max(0, ...(t.slices ?? []).map(([s, e]) => e - s)),
    pageThread: (t.mainStart !== undefined && t.scriptStart !== undefined ? t.mainStart - t.scriptStart : 0) + (t.slices ?? []).reduce((n, [s, e]) => n + e - s, 0),
    layoutShift: run.layoutShift,
    highlights: run.state?.annotations.length ?? 0,
    mode: t.mode ?? '—',
    parts: Object.fromEntries(Object.entries(t.extractParts ?? {}).map(([k, v]) => [k, round(v)])),
    roundTrip: t.roundTrip ?? NaN,
    ratioRuns: [],
  };
}

/** Every page once, each from its own copy and as a first visit. */
async function runAll(browser: ExtensionBrowser, copies: string[], urlOf: (f: string) => string): Promise<PageFigures[]> {
  await forgetArticles(browser);
  const out: PageFigures[] = [];
  for (const file of copies) {
    const run = await runPage(browser, urlOf(file));
    out.push(figures(basename(file), run));
    await run.page.close();
  }
  return out;
}

/** Make one case the only active one and check a page with it, so its index is built; returns that check's link-and-check time. */
async function activate(browser: ExtensionBrowser, caseId: string, warmUrl: string): Promise<number> {
  await send(browser, { type: 'set-active-cases', ids: [caseId] });
  const warm = await runPage(browser, warmUrl, { readability: false });
  await warm.page.close();
  return warm.timings?.linkAndCheck ?? NaN;
}

/**
 * One row per page from its runs (`runs[r][i]`: page i in run r): the run with the median
 * ratio, with long tasks and layout shift added up over all runs and the longest slice of any.
 */
function byPage(runs: PageFigures[][]): PageFigures[] {
  return runs[0].map((_, i) => medianRun(runs.map((run) => run[i])));
}

/**
 * Drop the articles and claims stored so far, straight from the extension's database: a
 * copy's canonical link names the same article as the original, and each run is to be a
 * first reading of it (the cases stay).
 */
async function forgetArticles(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.extensionPage();
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('casefile');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'claims', 'sites'], 'readwrite');
      tx.objectStore('articles').clear();
      tx.objectStore('claims').clear();
      tx.objectStore('sites').clear();
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

/** The run with the median ratio (a run that measured none ranks last): one whole, consistent row. */
function withMedianRatio<T extends { ratio: number }>(runs: T[]): T {
  const ranked = [...runs].sort((a, b) => (Number.isFinite(a.ratio) ? a.ratio : Infinity) - (Number.isFinite(b.ratio) ? b.ratio : Infinity));
  return ranked[Math.floor((ranked.length - 1) / 2)];
}

function medianRun(runs: PageFigures[]): PageFigures {
  const row = withMedianRatio(runs);
  return {
    ...row,
    longTasks: runs.reduce((n, r) => n + r.longTasks, 0),
    layoutShift: runs.reduce((n, r) => n + r.layoutShift, 0),
    longestSlice: Math.max(...runs.map((r) => r.longestSlice)),
    ratioRuns: runs.map((r) => round(r.ratio, 3)),
  };
}

async function send(browser: ExtensionBrowser, message: { type: string } & Record<string, unknown>): Promise<any> {
  const answer = await askBackground(browser, message);
  if (!answer.ok) throw new Error(`${message.type}: ${[answer.message, ...answer.problems.slice(0, 5)].join('; ')}`);
  return answer.value;
}

function table(rows: PageFigures[]): string {
  const cols: [string, (r: PageFigures) => string][] = [
    ['page', (r) => r.page.slice(0, 34).padEnd(34)],
    ['extract', (r) => fmt(r.extract)], ['recog', (r) => fmt(r.recognise)], ['check', (r) => fmt(r.linkAndCheck)],
    ['anchor', (r) => fmt(r.anchor)], ['render', (r) => fmt(r.render)], ['total', (r) => fmt(r.total)],
    ['readab', (r) => fmt(r.readability)], ['ratio', (r) => fmt(r.ratio, 2)], ['long', (r) => String(r.longTasks).padStart(6)],
    ['slice', (r) => fmt(r.longestSlice)], ['thread', (r) => fmt(r.pageThread)], ['shift', (r) => fmt(r.layoutShift, 3)], ['marks', (r) => String(r.highlights).padStart(6)],
  ];
  const head = cols.map(([h], i) => (i ? h.padStart(7) : h.padEnd(34))).join(' ');
  return [head, ...rows.map((r) => cols.map(([, f], i) => (i ? f(r).padStart(7) : f(r))).join(' '))].join('\n');
}
function floorTable(floor: FloorRun[], bundled: PageFigures[]): string {
  const head = `${'page'.padEnd(34)} ${['extract', 'trip', 'total', 'readab', 'ratio', 'casefile÷floor'].map((h) => h.padStart(7)).join(' ')}`;
  return [head, ...floor.map((r, i) => `${bundled[i].page.slice(0, 34).padEnd(34)} ${[fmt(r.extract), fmt(r.roundTrip), fmt(r.total), fmt(r.readability), fmt(r.ratio, 2), fmt(bundled[i].total / r.total, 2)].map((x) => x.padStart(7)).join(' ')}`)].join('\n');
}
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

async function main() {
  let files = htmlFiles(dirs);
  if (args.pages) files = files.slice(0, Number(args.pages));
  const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
  const scaleRecords = Number(args['scale-records']);
  const bigCase = generateCase(scaleRecords);
  const long = longArticle();
  mkdirSync('tmp/bench', { recursive: true });
  writeFileSync('tmp/bench/long-article.html', long.html);
  // Every run of every page, in both passes, is served under its own URL (and the stored
  // articles are dropped before each run: see forgetArticles), so each is a first visit.
  const repeat = Math.max(1, Number(args.repeat) || 1);
  const copies = Array.from({ length: 2 * repeat }, (_, k) => {
    if (k === 0) return files;
    const dir = join('tmp/bench', `copy-${k}`);
    mkdirSync(dir, { recursive: true });
    return files.map((f) => {
      const copy = join(dir, basename(f));
      copyFileSync(f, copy);
      return copy;
    });
  });
  const served = await serveFiles([...copies.flat(), 'tmp/bench/long-article.html']);
  const browser = await launchWithExtension();
  let closed = false;
  const log = (line: string) => { if (!args.json) console.log(line); };
  try {
    // Warm the background once (its first check seeds the bundled case and builds the index).
    const warm = await runPage(browser, `${served.urlOf(files[0])}?warm`, { readability: false });
    await warm.page.close();

    log(`Casefile benchmark: ${files.length} pages from ${dirs.join(', ')}, ${repeat} run(s) each, Chromium headless, ${new Date().toISOString()}\n`);
    const importStarted = Date.now();
    await send(browser, { type: 'import-case', file: serializeCase(bigCase), activate: false });
    const importMs = Date.now() - importStarted;
    // The two cases take turns, run by run, so that the machine's drift over the minutes a
    // pass takes (and the big case sitting in the database) weighs on both alike.
    const bundledRuns: PageFigures[][] = [];
    const scaledRuns: PageFigures[][] = [];
    let indexBuildMs = NaN;
    for (let r = 0; r < repeat; r++) {
      await activate(browser, BUNDLED_CASE_ID, `${served.urlOf(files[0])}?warm-bundled-${r}`);
      bundledRuns.push(await runAll(browser, copies[r], served.urlOf));
      const built = await activate(browser, bigCase.id, `${served.urlOf(files[0])}?warm-generated-${r}`);
      if (r === 0) indexBuildMs = built;
      scaledRuns.push(await runAll(browser, copies[repeat + r], served.urlOf));
    }
    const bundled = byPage(bundledRuns);
    const scaled = byPage(scaledRuns);
    log(`Against the bundled case (each page's run with the median ratio of ${repeat}; times in ms; ratio = total ÷ Readability alone; long = Casefile long tasks > 50 ms over all runs; slice = its longest synchronous slice; thread = its time on the page's thread):`);
    log(table(bundled));
    log(`\nAgainst a generated case of ${scaleRecords.toLocaleString('en')} people and events, runs taking turns with the bundled case's (imported in ${importMs} ms; first check, building its index: ${fmt(indexBuildMs)} ms):`);
    log(table(scaled));

    const longRun = await runPage(browser, served.urlOf('tmp/bench/long-article.html'));
    const longFigures = figures('long-article (generated)', longRun);
    await longRun.page.close();
    await send(browser, { type: 'set-active-cases', ids: [BUNDLED_CASE_ID] });
    log(`\nA generated article with ${long.paragraphs} paragraphs from the seed pages (against the generated case):`);
    log(table([longFigures]));

    await browser.close();
    closed = true;
    const floorRuns = await measureFloor(copies.slice(0, repeat).flat().map((f) => served.urlOf(f)));
    const floor = files.map((_, i) => withMedianRatio(floorRuns.filter((_, k) => k % files.length === i)));
    log('\nThe floor: a bare extension that clones the page, runs Readability and sends the article to its background once, nothing else (times in ms):');
    log(floorTable(floor, bundled));

    const articles = bundled.filter((r) => r.article && Number.isFinite(r.ratio));
    const floorRatios = floor.map((r) => r.ratio).filter(Number.isFinite);
    const overFloor = floor.flatMap((r, i) => (bundled[i]?.article && Number.isFinite(r.total) ? [bundled[i].total / r.total] : []));
    const ratios = articles.map((r) => r.ratio);
    const scaleRatios = bundled.flatMap((r, i) => (r.article && scaled[i]?.article ? [scaled[i].total / r.total] : []));
    const result = {
      date: new Date().toISOString(),
      pages: files.length,
      articles: articles.length,
      ratioMedian: round(quantile(ratios, 0.5), 3),
      ratioP95: round(quantile(ratios, 0.95), 3),
      longTasksOver50ms: [...bundled, ...scaled, longFigures].reduce((n, r) => n + r.longTasks, 0),
      layoutShift: round([...bundled, ...scaled, longFigures].reduce((n, r) => n + r.layoutShift, 0), 4),
      scaleRatio: round(quantile(scaleRatios, 0.5), 3),
      scaleRatioP95: round(quantile(scaleRatios, 0.95), 3),
      // The one stage the case's size can touch: link and check, generated ÷ bundled, median per page.
      scaleCheckRatio: round(quantile(bundled.flatMap((r, i) => (r.article && scaled[i]?.article && r.linkAndCheck > 0 ? [scaled[i].linkAndCheck / r.linkAndCheck] : [])), 0.5), 3),
      contentScriptBytes: content.length,
      contentScriptGzipBytes: gzipSync(content).length,
      pageThreadMedianMs: round(quantile(articles.map((r) => r.pageThread), 0.5)),
      longestSliceMs: round(Math.max(...[...bundled, ...scaled, longFigures].map((r) => r.longestSlice))),
      startupMedianMs: round(quantile(bundled.map((r) => r.startup).filter(Number.isFinite), 0.5), 2),
      totalMedianMs: round(quantile(articles.map((r) => r.total), 0.5)),
      readabilityMedianMs: round(quantile(articles.map((r) => r.readability), 0.5)),
      stageMediansMs: Object.fromEntries((['extract', 'recognise', 'linkAndCheck', 'anchor', 'render'] as const).map((k) => [k, round(quantile(articles.map((r) => r[k]), 0.5))])),
      scaleRecords,
      scaleImportMs: importMs,
      scaleIndexFirstCheckMs: round(indexBuildMs),
      floorRatioMedian: round(quantile(floorRatios, 0.5), 3),
      floorRatioP95: round(quantile(floorRatios, 0.95), 3),
      floorTotalMedianMs: round(quantile(floor.map((r) => r.total), 0.5)),
      overFloorMedian: round(quantile(overFloor, 0.5), 3),
      longArticle: { highlights: longFigures.highlights, renderMs: round(longFigures.render), longTasks: longFigures.longTasks, longestSliceMs: round(longFigures.longestSlice), layoutShift: round(longFigures.layoutShift, 4), totalMs: round(longFigures.total) },
      perPage: { bundled, scaled, floor: floor.map(({ url: _url, ...r }, i) => ({ page: basename(files[i]), ...r })) },
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
    if (args.json) console.log(JSON.stringify(result, null, 2));
    else {
      const { perPage: _perPage, ...summary } = result;
      console.log('\nSummary (also in bench/results/latest.json):');
      console.log(JSON.stringify(summary, null, 2));
    }
  } finally {
    if (!closed) await browser.close();
    await served.close();
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
