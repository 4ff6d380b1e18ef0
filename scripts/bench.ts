/**
 * `npm run bench -- [--json] [--pages N] [--repeat N] [--scale-records N] [--extension DIR] [DIR...]`:
 * what Casefile costs on real pages, in the real browser. The built extension (or the one in
 * --extension DIR, e.g. an older build, so that before and after come from one script) runs in
 * Debian's Chromium over every .html page of the folders (default ../shared/corpus/dev),
 * served on 127.0.0.1 with every other request blocked, and for each page it reports:
 *  - each stage's time (extract, recognise, link and check, anchor, render), the total from
 *    the content script's start to the last highlight, and the time to the first flag drawn;
 *  - Readability.parse() alone on a fresh clone of the same page, timed in the same run, and
 *    the ratio total ÷ Readability alone;
 *  - the time spent between hops: the round trip to the extension less the work timed inside it;
 *  - long tasks (> 50 ms) overlapping Casefile's work, its longest synchronous slice, its
 *    whole time on the page's thread, and layout shift while it highlighted;
 * then the same pages against a generated case of 100,000 people and events (runs taking
 * turns with the bundled case's), three generated pages (a 700-paragraph article, a 5 MB
 * article, a 10,000-paragraph page), the content script's size, the Node engine's pages per
 * second on this machine, and last the floor (scripts/lib/floor.ts): a bare extension that
 * does only what this design must — serialise once, one message, parse, Readability.
 * Every page runs --repeat times (3 by default), each time under a new URL and with the stored
 * articles dropped, so that each run is a first visit; a page's row is its run with the median
 * ratio, while long tasks and layout shift count over every run. Figures go to
 * bench/results/latest.json; --json prints that JSON instead of the tables. Targets are
 * printed beside the figures, never asserted.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { serializeCase } from '../lib/cases/serialize';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { askBackground, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './lib/browser';
import { resolve } from 'node:path';
import { asVersion1, generateCase, heavyArticle, longArticle, manyParagraphs, SEEDS } from './lib/bench-data';
import { EnginePool } from './lib/node-engine/pool';
import { BUNDLED_CASE } from '../lib/background/service';
import { measureFloor, type FloorRun } from './lib/floor';
import { runPage, type PageRun } from './lib/page-run';
import { serveFiles } from './lib/serve';
import { htmlFiles } from './lib/sweep';

const { values: args, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, pages: { type: 'string' }, repeat: { type: 'string', default: '3' }, 'scale-records': { type: 'string', default: '100000' }, extension: { type: 'string' } },
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
  /** From the script's start to the first flag drawn (NaN when the page has none, or the build does not say). */
  firstFlag: number;
  /** The round trip to the extension less the work timed inside it: what the hops themselves cost. */
  betweenHops: number;
  longTasks: number;
  longestSlice: number;
  /** Slices of its work longer than one frame (16 ms). */
  slicesOver16: number;
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
    firstFlag: t.firstFlag !== undefined && t.scriptStart !== undefined ? t.firstFlag - t.scriptStart : NaN,
    betweenHops: betweenHops(t),
    longTasks: run.casefileLongTasks.length,
    longestSlice: Math.max(0, ...(t.slices ?? []).map(([s, e]) => e - s)),
    slicesOver16: (t.slices ?? []).filter(([s, e]) => e - s > 16).length,
    pageThread: (t.mainStart !== undefined && t.scriptStart !== undefined ? t.mainStart - t.scriptStart : 0) + (t.slices ?? []).reduce((n, [s, e]) => n + e - s, 0),
    layoutShift: run.layoutShift,
    highlights: run.state?.annotations.length ?? 0,
    mode: t.mode ?? '—',
    parts: Object.fromEntries(Object.entries(t.extractParts ?? {}).map(([k, v]) => [k, round(v)])),
    roundTrip: t.roundTrip ?? NaN,
    ratioRuns: [],
  };
}

/** Work the extension timed inside the round trip (parsing, extraction, recognising, checking), taken from it. */
function betweenHops(t: NonNullable<PageRun['timings']>): number {
  if (t.roundTrip === undefined) return NaN;
  const remote = Object.entries(t.extractParts ?? {}).filter(([k]) => t.mode === 'off-page' && k !== 'snapshot' && k !== 'attach').reduce((n, [, v]) => n + v, 0);
  return t.roundTrip - remote - (t.recognise ?? 0) - (t.linkAndCheck ?? 0);
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
      // Whichever of these the build's schema has (an older build, benched for comparison, has no per-site table).
      const stores = ['articles', 'claims', 'sites'].filter((name) => db.objectStoreNames.contains(name));
      const tx = db.transaction(stores, 'readwrite');
      for (const name of stores) tx.objectStore(name).clear();
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
    slicesOver16: runs.reduce((n, r) => n + r.slicesOver16, 0),
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
    ['anchor', (r) => fmt(r.anchor)], ['render', (r) => fmt(r.render)], ['hops', (r) => fmt(r.betweenHops)], ['flag', (r) => fmt(r.firstFlag)], ['total', (r) => fmt(r.total)],
    ['readab', (r) => fmt(r.readability)], ['ratio', (r) => fmt(r.ratio, 2)], ['long', (r) => String(r.longTasks).padStart(6)],
    ['slice', (r) => fmt(r.longestSlice)], ['thread', (r) => fmt(r.pageThread)], ['shift', (r) => fmt(r.layoutShift, 3)], ['marks', (r) => String(r.highlights).padStart(6)],
  ];
  const head = cols.map(([h], i) => (i ? h.padStart(7) : h.padEnd(34))).join(' ');
  return [head, ...rows.map((r) => cols.map(([, f], i) => (i ? f(r).padStart(7) : f(r))).join(' '))].join('\n');
}
function floorTable(floor: FloorRun[], bundled: PageFigures[]): string {
  const head = `${'page'.padEnd(34)} ${['snap', 'trip', 'work', 'total', 'readab', 'ratio', 'casefile÷floor'].map((h) => h.padStart(7)).join(' ')}`;
  return [head, ...floor.map((r, i) => `${bundled[i].page.slice(0, 34).padEnd(34)} ${[fmt(r.snapshot), fmt(r.roundTrip), fmt(r.work), fmt(r.total), fmt(r.readability), fmt(r.ratio, 2), fmt(bundled[i].total / r.total, 2)].map((x) => x.padStart(7)).join(' ')}`)].join('\n');
}

/** The Node engine over the same pages, `rounds` times: pages per second with every core, and with one worker. */
async function engineThroughput(files: string[], rounds = 3): Promise<{ workers: number; pagesPerSecond: number; pagesPerSecondOneWorker: number; pages: number }> {
  const pages = files.map((f) => ({ url: `http://127.0.0.1/${basename(f)}`, html: readFileSync(f, 'utf8') }));
  const measure = async (workers?: number) => {
    const pool = await EnginePool.start(BUNDLED_CASE, workers);
    try {
      await Promise.all(pages.map((p) => pool.check(p.url, p.html))); // warm
      const started = performance.now();
      for (let r = 0; r < rounds; r++) await Promise.all(pages.map((p) => pool.check(p.url, p.html)));
      return { workers: pool.size, rate: (rounds * pages.length) / ((performance.now() - started) / 1000) };
    } finally {
      await pool.close();
    }
  };
  const all = await measure();
  const one = await measure(1);
  return { workers: all.workers, pagesPerSecond: round(all.rate), pagesPerSecondOneWorker: round(one.rate), pages: rounds * pages.length };
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

async function main() {
  let files = htmlFiles(dirs);
  if (args.pages) files = files.slice(0, Number(args.pages));
  const extensionDir = resolve(args.extension ?? EXTENSION_DIR);
  const content = readFileSync(join(extensionDir, 'content-scripts/content.js'));
  const scaleRecords = Number(args['scale-records']);
  const bigCase = generateCase(scaleRecords);
  mkdirSync('tmp/bench', { recursive: true });
  // Pages no corpus holds: long, heavy, and very many paragraphs.
  const generated = [
    { name: 'long article (700 paragraphs)', file: 'tmp/bench/long-article.html', ...longArticle() },
    { name: '5 MB article', file: 'tmp/bench/heavy-article.html', ...heavyArticle() },
    { name: '10,000-paragraph page', file: 'tmp/bench/many-paragraphs.html', ...manyParagraphs() },
  ];
  for (const g of generated) writeFileSync(g.file, g.html);
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
  const served = await serveFiles([...copies.flat(), ...generated.map((g) => g.file), ...SEEDS]);
  const browser = await launchWithExtension({ extensionDir });
  let closed = false;
  const log = (line: string) => { if (!args.json) console.log(line); };
  try {
    // Warm the background once (its first check seeds the bundled case and builds the index).
    const warm = await runPage(browser, `${served.urlOf(files[0])}?warm`, { readability: false });
    await warm.page.close();

    log(`Casefile benchmark: ${files.length} pages from ${dirs.join(', ')}, ${repeat} run(s) each, Chromium headless, ${new Date().toISOString()}\n`);
    const importStarted = Date.now();
    // A build from before case format version 2 (benched for comparison) takes the same records written as version 1.
    await send(browser, { type: 'import-case', file: serializeCase(bigCase), activate: false })
      .catch(() => send(browser, { type: 'import-case', file: serializeCase(asVersion1(bigCase)), activate: false }));
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

    const generatedFigures: (PageFigures & { name: string; megabytes: number; paragraphs: number })[] = [];
    for (const g of generated) {
      const run = await runPage(browser, served.urlOf(g.file), { timeoutMs: 300_000 });
      generatedFigures.push({ ...figures(g.name, run), name: g.name, megabytes: round(g.html.length / 1e6, 2), paragraphs: g.paragraphs });
      await run.page.close();
    }
    await send(browser, { type: 'set-active-cases', ids: [BUNDLED_CASE_ID] });
    log('\nGenerated pages, from the seed pages\' paragraphs (against the generated case):');
    log(table(generatedFigures));

    // The corpus pages are other stories, with no flag: the seed pages show how soon a flag is drawn.
    const flaggedRuns: PageFigures[][] = [];
    for (let r = 0; r < repeat; r++) {
      await forgetArticles(browser);
      const run: PageFigures[] = [];
      for (const seed of SEEDS) {
        const page = await runPage(browser, `${served.urlOf(seed)}?flags-${r}`);
        run.push(figures(basename(seed), page));
        await page.page.close();
      }
      flaggedRuns.push(run);
    }
    const flagged = byPage(flaggedRuns);
    log('\nPages with flags (the seed pages, against the bundled case): "flag" is the time from the script\'s start to the first flag drawn:');
    log(table(flagged));
    await browser.close();
    closed = true;
    const floorRuns = await measureFloor(copies.slice(0, repeat).flat().map((f) => served.urlOf(f)));
    const floor = files.map((_, i) => withMedianRatio(floorRuns.filter((_, k) => k % files.length === i)));
    log('\nThe floor: a bare extension that serialises the page once and sends it in one message to its offscreen document, which parses it, runs Readability and answers; nothing else (times in ms):');
    log(floorTable(floor, bundled));

    const engine = await engineThroughput(files);
    log(`\nThe Node engine (npm run check -- --engine node): ${engine.pagesPerSecond} pages/s with ${engine.workers} worker(s), ${engine.pagesPerSecondOneWorker} pages/s with one (${engine.pages} pages timed).`);

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
      // Over the pages that have flags (the seed pages; the corpus pages are other stories).
      firstFlagMedianMs: round(quantile(flagged.map((r) => r.firstFlag).filter(Number.isFinite), 0.5)),
      flaggedTotalMedianMs: round(quantile(flagged.map((r) => r.total).filter(Number.isFinite), 0.5)),
      flaggedRatioMedian: round(quantile(flagged.map((r) => r.ratio).filter(Number.isFinite), 0.5), 3),
      betweenHopsMedianMs: round(quantile(articles.map((r) => r.betweenHops).filter(Number.isFinite), 0.5)),
      longTasksOver50ms: [...bundled, ...scaled, ...generatedFigures].reduce((n, r) => n + r.longTasks, 0),
      // Slices of Casefile's work on the page's thread longer than one frame (16 ms), over every page and run.
      slicesOver16ms: [...bundled, ...scaled, ...generatedFigures].reduce((n, r) => n + r.slicesOver16, 0),
      layoutShift: round([...bundled, ...scaled, ...generatedFigures].reduce((n, r) => n + r.layoutShift, 0), 4),
      scaleRatio: round(quantile(scaleRatios, 0.5), 3),
      scaleRatioP95: round(quantile(scaleRatios, 0.95), 3),
      // The one stage the case's size can touch: link and check, generated ÷ bundled, median per page.
      scaleCheckRatio: round(quantile(bundled.flatMap((r, i) => (r.article && scaled[i]?.article && r.linkAndCheck > 0 ? [scaled[i].linkAndCheck / r.linkAndCheck] : [])), 0.5), 3),
      contentScriptBytes: content.length,
      contentScriptGzipBytes: gzipSync(content).length,
      pageThreadMedianMs: round(quantile(articles.map((r) => r.pageThread), 0.5)),
      longestSliceMs: round(Math.max(...[...bundled, ...scaled, ...generatedFigures].map((r) => r.longestSlice))),
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
      floorBetweenHopsMedianMs: round(quantile(floor.map((r) => r.roundTrip - r.work).filter(Number.isFinite), 0.5)),
      generated: generatedFigures.map((g) => ({ page: g.name, megabytes: g.megabytes, paragraphs: g.paragraphs, article: g.article, highlights: g.highlights, totalMs: round(g.total), firstFlagMs: round(g.firstFlag), longestSliceMs: round(g.longestSlice), slicesOver16ms: g.slicesOver16, longTasks: g.longTasks, layoutShift: round(g.layoutShift, 4), pageThreadMs: round(g.pageThread) })),
      engine,
      extension: extensionDir,
      perPage: { bundled, scaled, flagged, floor: floor.map(({ url: _url, ...r }, i) => ({ page: basename(files[i]), ...r })) },
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
