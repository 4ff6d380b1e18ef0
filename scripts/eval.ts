/**
 * `npm run eval [-- --conll FILE] [--timeml DIR] [--errors N]`: measures the recognisers
 * through the same text interface the product uses, and prints
 *  - names: per type precision, recall and F1, exact span (as conlleval counts) and overlap;
 *  - dates: recognition P/R/F1 (overlap and exact) and value accuracy of recognised dates;
 *  - speed: tokens per second for names and dates together, start-up time (module load to
 *    first result, in a fresh Node process), and the bytes the content script must load.
 * Defaults: ../shared/data/conll2003/eng.testa and ../shared/data/timebank/.
 *
 * `npm run eval -- --claims DIR --labels FILE [--only NAME] [--json FILE]`: instead, checks
 * every labelled page of DIR against the bundled case without a browser (the extension's own
 * pipeline, HTML parsed by linkedom) and prints the corpus scorer's per-page lines and totals,
 * then the checker's time per article. `--json` writes each page's `npm run check` JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { documentText, readConll, type ConllDoc } from './lib/eval/conll';
import { readTimemlDir } from './lib/eval/timeml';
import { addCounts, matchSpans, pct, prf, type Counts, type Span } from './lib/eval/score';
import { recogniseDates } from '../lib/recognise/dates';
import { recogniseNames } from '../lib/recognise/names';
import { checkHtml, pageJson } from '../lib/engine/pipeline';
import { checkArticle } from '../lib/check/check';
import type { ArticleText, Mention } from '../lib/types';
import { parseWithLinkedom } from '../lib/engine/linkedom';
import { buildCaseIndex } from '../lib/link/case-index';
import type { CaseFile } from '../lib/cases/format';
import { addPage, emptyTotals, pageLine, scorePage, totalsLine, type LabelledPage } from './lib/eval/claims';

const { values: args } = parseArgs({
  options: {
    conll: { type: 'string', default: '../shared/data/conll2003/eng.testa' },
    timeml: { type: 'string', default: '../shared/data/timebank' },
    errors: { type: 'string', default: '0' },
    claims: { type: 'string' },
    labels: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});

const TYPE_OF_KIND: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const TYPES = ['PER', 'ORG', 'LOC'];
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function row(label: string, c: Counts): string {
  const r = prf(c);
  return `  ${label.padEnd(10)} P ${pct(r.precision).padStart(5)}  R ${pct(r.recall).padStart(5)}  F1 ${pct(r.f1).padStart(5)}   (${c.tp + c.fn} gold, ${c.tp + c.fp} found)`;
}

function evalNames(docs: ConllDoc[]) {
  const counts = { exact: new Map(TYPES.map((t) => [t, zero()])), overlap: new Map(TYPES.map((t) => [t, zero()])) };
  const shown: string[] = [];
  for (const doc of docs) {
    const { text, names } = documentText(doc);
    const gold = names.filter((n) => n.type !== 'MISC');
    const found: Span[] = recogniseNames(text).map((m) => ({ start: m.start, end: m.end, type: TYPE_OF_KIND[m.kind] }));
    for (const mode of ['exact', 'overlap'] as const) {
      for (const type of TYPES) {
        const { counts: c, pairs } = matchSpans(gold.filter((g) => g.type === type), found.filter((f) => f.type === type), mode);
        addCounts(counts[mode].get(type)!, c);
        if (mode === 'exact' && shown.length < Number(args.errors)) {
          const hit = new Set(pairs.map(([, p]) => p));
          for (const f of found) if (f.type === type && !hit.has(f)) shown.push(`FP ${type} ${JSON.stringify(text.slice(f.start, f.end))} in ${JSON.stringify(context(text, f))}`);
          const got = new Set(pairs.map(([g]) => g));
          for (const g of gold) if (g.type === type && !got.has(g)) shown.push(`FN ${type} ${JSON.stringify(text.slice(g.start, g.end))} in ${JSON.stringify(context(text, g))}`);
        }
      }
    }
  }
  console.log(`Names (${args.conll}; PER/ORG/LOC, type must match; MISC is not scored)`);
  for (const mode of ['exact', 'overlap'] as const) {
    console.log(` ${mode === 'exact' ? 'exact span' : 'overlap'}:`);
    const all = zero();
    for (const type of TYPES) {
      console.log(row(type, counts[mode].get(type)!));
      addCounts(all, counts[mode].get(type)!);
    }
    console.log(row('overall', all));
  }
  for (const line of shown) console.log(`  ${line}`);
}

function context(text: string, s: { start: number; end: number }): string {
  return text.slice(Math.max(0, s.start - 40), Math.min(text.length, s.end + 40)).replace(/\n/g, ' / ');
}

function evalDates(dir: string) {
  const docs = readTimemlDir(dir);
  const exact = zero();
  const overlap = zero();
  let valued = 0;
  let right = 0;
  const shown: string[] = [];
  for (const doc of docs) {
    const gold = doc.dates.map((d) => ({ ...d, type: 'date' }));
    const found = recogniseDates(doc.text, doc.published).map((m) => ({ start: m.start, end: m.end, type: 'date', value: m.value! }));
    addCounts(exact, matchSpans(gold, found, 'exact').counts);
    const o = matchSpans(gold, found, 'overlap');
    addCounts(overlap, o.counts);
    for (const [g, p] of o.pairs) {
      valued++;
      if (g.value === p.value) right++;
      else if (shown.length < Number(args.errors)) shown.push(`VALUE ${JSON.stringify(doc.text.slice(p.start, p.end))} → ${p.value}, gold ${JSON.stringify(doc.text.slice(g.start, g.end))} ${g.value} (DCT ${doc.published})`);
    }
    if (shown.length < Number(args.errors)) {
      const hitP = new Set(o.pairs.map(([, p]) => p));
      const hitG = new Set(o.pairs.map(([g]) => g));
      for (const f of found) if (!hitP.has(f)) shown.push(`FP ${JSON.stringify(doc.text.slice(f.start, f.end))} → ${f.value} in ${JSON.stringify(context(doc.text, f))}`);
      for (const g of gold) if (!hitG.has(g)) shown.push(`FN ${JSON.stringify(doc.text.slice(g.start, g.end))} ${g.value} in ${JSON.stringify(context(doc.text, g))}`);
    }
  }
  console.log(`\nDates (${dir}; DATE-type TIMEX3, creation time as the reference date; ${docs.length} documents)`);
  console.log(row('overlap', overlap));
  console.log(row('exact', exact));
  console.log(`  value accuracy ${pct(right / valued)}% of ${valued} recognised dates (value and granularity both right)`);
  for (const line of shown) console.log(`  ${line}`);
}

function evalSpeed(docs: ConllDoc[]) {
  const texts = docs.map((d) => documentText(d));
  const tokens = texts.reduce((n, t) => n + t.tokens, 0);
  for (const t of texts.slice(0, 20)) { recogniseNames(t.text); recogniseDates(t.text, '1996-08-30'); } // warm
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (const t of texts) { recogniseNames(t.text); recogniseDates(t.text, '1996-08-30'); }
    times.push(performance.now() - t0);
  }
  const ms = Math.min(...times);
  console.log(`\nSpeed (Node ${process.version}, best of 5 over ${tokens} tokens)`);
  console.log(`  names + dates: ${Math.round(tokens / (ms / 1000)).toLocaleString('en')} tokens/s (${ms.toFixed(0)} ms)`);
}

async function evalStartup() {
  const dir = resolve('tmp/eval');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { recogniseNames } from '${resolve('lib/recognise/names')}';\nexport { recogniseDates } from '${resolve('lib/recognise/dates')}';\n`);
  const out = join(dir, 'recognisers.mjs');
  await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', outfile: out, platform: 'neutral', logLevel: 'error' });
  const probe = `const t0 = performance.now(); const m = await import(${JSON.stringify(out)});` +
    `m.recogniseNames('Alec Baldwin spoke in Santa Fe on Monday.'); m.recogniseDates('Alec Baldwin spoke in Santa Fe on Monday.', '2024-07-12');` +
    `console.log(performance.now() - t0);`;
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' })));
  runs.sort((a, b) => a - b);
  const bundle = readFileSync(out);
  console.log(`  start-up, module load to first names and dates: ${runs[2].toFixed(1)} ms median of 5 fresh processes (${runs.map((r) => r.toFixed(0)).join(', ')})`);
  console.log(`  recognisers bundled alone: ${kb(bundle.length)} raw, ${kb(gzipSync(bundle).length)} gzipped (model included)`);
  const content = '.output/chrome-mv3/content-scripts/content.js';
  if (existsSync(content)) {
    const js = readFileSync(content);
    console.log(`  content script as built (${content}): ${kb(js.length)} raw, ${kb(gzipSync(js).length)} gzipped, everything it loads at start`);
  } else console.log('  content script: not built (run npm run build to include its size)');
  const css = existsSync('.output/chrome-mv3/content-scripts') ? readdirSync('.output/chrome-mv3/content-scripts').filter((f) => f.endsWith('.css')) : [];
  if (css.length) console.log(`  content CSS: ${css.join(', ')}`);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Claims on labelled pages, without a browser: the scorer's lines, then the time per article. */
function evalClaims(dir: string, labelsFile: string) {
  const labels: Record<string, LabelledPage> = JSON.parse(readFileSync(labelsFile, 'utf8'));
  const file: CaseFile = JSON.parse(readFileSync(resolve('lib/cases/bundled/rust-shooting.json'), 'utf8'));
  const index = buildCaseIndex(file);
  const totals = emptyTotals();
  const checkMs: number[] = [];
  const dumped: string[] = [];
  const checked: { article: ArticleText; mentions: Mention[] }[] = [];
  for (const [name, spec] of Object.entries(labels)) {
    if (args.only && args.only !== name) continue;
    const html = readFileSync(join(dir, name), 'utf8');
    const result = checkHtml(html, `http://127.0.0.1/${encodeURIComponent(name)}`, index, parseWithLinkedom);
    if (!result) {
      totals.pages++;
      totals.failed++;
      totals.expected += spec.flags?.length ?? 0;
      totals.people += spec.people?.length ?? 0;
      console.log(`ERROR ${name} | no article found | missed ${spec.flags?.length ?? 0} | people 0/${spec.people?.length ?? 0}`);
      continue;
    }
    checkMs.push(result.timings.check);
    checked.push({ article: result.article, mentions: result.mentions });
    const page = pageJson({ ...result.article, annotations: result.annotations });
    dumped.push(JSON.stringify(page));
    const score = scorePage(page.annotations, spec);
    addPage(totals, score, spec.flags?.length ?? 0);
    console.log(pageLine(name, score, result.article.published, spec));
  }
  if (args.json) writeFileSync(args.json, dumped.join('\n') + '\n');
  // Link and check alone, per article: the first run above (cold caches), then warm (best of 5 per page).
  const warm = checked.map(({ article, mentions }) => {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      checkArticle(article, mentions, index);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  });
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
    return `median ${at(0.5).toFixed(1)} ms, 95th percentile ${at(0.95).toFixed(1)} ms, max ${(s[s.length - 1] ?? 0).toFixed(1)} ms`;
  };
  console.log(`link and check per article (Node ${process.version}, ${checked.length} pages): first run ${stats(checkMs)}; warm ${stats(warm)}`);
  console.log(totalsLine(totals));
}

async function main() {
  if (args.claims) {
    if (!args.labels) throw new Error('--claims DIR needs --labels FILE');
    evalClaims(args.claims, args.labels);
    return;
  }
  const docs = readConll(args.conll!);
  evalNames(docs);
  evalDates(args.timeml!);
  evalSpeed(docs);
  await evalStartup();
}

main().catch((error) => {
  console.error(`eval: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
