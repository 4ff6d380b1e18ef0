/**
 * `npm run check -- [--format json|w3c|csv|md] <file-or-URL>...`
 * Runs the built extension in headless Chromium on each page (local files are served on
 * 127.0.0.1) and prints its annotations. Exit 0 when every page was checked; 1 with a
 * message for a missing file, an unreachable URL or a page with no article; 2 for bad usage.
 */
import { existsSync } from 'node:fs';
import { toCSV } from '../lib/export/csv';
import { toMarkdown } from '../lib/export/markdown';
import { toW3C } from '../lib/export/w3c';
import type { StoredArticle } from '../lib/messaging/protocol';
import { checkPage, launchWithExtension, storedArticle } from './lib/browser';
import { serveFiles } from './lib/serve';

const FORMATS = ['json', 'w3c', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];

function usage(message: string): never {
  console.error(`check: ${message}\nusage: npm run check -- [--format json|w3c|csv|md] <file-or-URL>...`);
  process.exit(2);
}

/** The `--format json` object for one page: the contract outside checks rely on. */
export function pageJson(a: StoredArticle) {
  return {
    url: a.url,
    title: a.title,
    published: a.published,
    annotations: a.annotations.map((x) => ({
      exact: x.exact, prefix: x.prefix, suffix: x.suffix, start: x.start, end: x.end, kind: x.kind, entity: x.entity,
      value: x.value, granularity: x.granularity, verdict: x.verdict, expected: x.verdict === 'conflict' ? x.expected : null,
      sources: x.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, published: s.published })),
    })),
  };
}

async function main() {
  const args = process.argv.slice(2);
  let format: Format = 'json';
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] as Format;
    else if (a.startsWith('--format=')) format = a.slice(9) as Format;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else targets.push(a);
  }
  if (!FORMATS.includes(format)) usage(`unknown format "${format}" (expected one of ${FORMATS.join(', ')})`);
  if (!targets.length) usage('no page given');

  const files = targets.filter((t) => !/^https?:\/\//.test(t));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    for (const f of missing) console.error(`check: ${f}: no such file`);
    process.exit(1);
  }
  const served = await serveFiles(files);
  const browser = await launchWithExtension();
  const results: StoredArticle[] = [];
  let failed = false;
  try {
    for (const target of targets) {
      const url = /^https?:\/\//.test(target) ? target : served.urlOf(target);
      let outcome;
      try {
        outcome = await checkPage(browser, url);
      } catch (error) {
        console.error(`check: ${target}: could not load the page (${(error as Error).message.split('\n')[0]})`);
        failed = true;
        continue;
      }
      // Exports point into the page's own text: wait (briefly) for the page to send its map.
      for (let waited = 0; format !== 'json' && outcome.article && !outcome.article.pageText && waited < 5000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        outcome = { ...outcome, article: (await storedArticle(browser, url)).article ?? outcome.article };
      }
      await outcome.page.close();
      if (!outcome.article) {
        const why = outcome.status === 'timeout' ? 'timed out waiting for the check' : 'no article found on the page';
        console.error(`check: ${target}: ${why}`);
        failed = true;
        continue;
      }
      results.push(outcome.article);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const pages = results.map((r) => ({ url: r.url, title: r.title, published: r.published, text: r.text, pageText: r.pageText, annotations: r.annotations }));
  if (format === 'json') for (const r of results) console.log(JSON.stringify(pageJson(r)));
  else if (format === 'w3c') for (const p of pages) console.log(JSON.stringify(toW3C(p)));
  else if (format === 'csv') process.stdout.write(toCSV(pages));
  else process.stdout.write(toMarkdown(pages));
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(`check: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
