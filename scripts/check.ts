/**
 * `npm run check -- [--format json|w3c|csv|md] [--engine browser|node] <file-or-URL>...`
 * `npm run check -- --engine node --jsonl [--case FILE] [--workers N]` (JSON lines in and out)
 *
 * The browser engine (the default) runs the built extension in headless Chromium on each page
 * (local files are served on 127.0.0.1) and prints its annotations. The Node engine runs the
 * same pipeline without a browser (HTML parsed by linkedom), in worker threads on every core:
 * for batches. Exit 0 when every page was checked; 1 with a message for a missing file, an
 * unreachable URL or a page with no article; 2 for bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLED_CASE } from '../lib/background/service';
import type { CaseFile } from '../lib/cases/format';
import { formatProblems, validateCase } from '../lib/cases/validate';
import { pageJson } from '../lib/engine/pipeline';
import { toCSV } from '../lib/export/csv';
import { toMarkdown } from '../lib/export/markdown';
import { toW3C } from '../lib/export/w3c';
import { checkPage, EXTENSION_DIR, launchWithExtension, storedArticle } from './lib/browser';
import { ensureFreshBuild } from './lib/fresh-build';
import { EnginePool, type CheckedPage, type EngineAnswer } from './lib/node-engine/pool';
import { serveFiles } from './lib/serve';

const FORMATS = ['json', 'w3c', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = 'usage: npm run check -- [--format json|w3c|csv|md] [--engine browser|node] [--case FILE] [--workers N] <file-or-URL>...\n'
  + '       npm run check -- --engine node --jsonl [--case FILE] [--workers N]   (stdin: {"id","url","html"} per line)';

function usage(message: string): never {
  console.error(`check: ${message}\n${USAGE}`);
  process.exit(2);
}

const isUrl = (t: string) => /^https?:\/\//.test(t);

function parse() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        format: { type: 'string', default: 'json' },
        engine: { type: 'string', default: 'browser' },
        jsonl: { type: 'boolean', default: false },
        case: { type: 'string' },
        workers: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) usage(`unknown format "${format}" (expected one of ${FORMATS.join(', ')})`);
  if (values.engine !== 'browser' && values.engine !== 'node') usage(`unknown engine "${values.engine}" (expected browser or node)`);
  if (values.jsonl && values.engine !== 'node') usage('--jsonl needs --engine node');
  if (values.jsonl && positionals.length) usage('--jsonl reads pages from stdin, not from arguments');
  if (values.jsonl && format !== 'json') usage('--jsonl writes JSON lines only');
  if (values.engine === 'browser' && (values.case || values.workers)) usage('--case and --workers need --engine node (the browser engine checks against the cases stored in its profile)');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers > 0 && workers <= 256)) usage(`--workers must be a whole number from 1 to 256, not "${values.workers}"`);
  if (!values.jsonl && !positionals.length) usage('no page given');
  return { format, engine: values.engine, jsonl: values.jsonl, caseFile: values.case, workers, targets: positionals };
}

function print(format: Format, pages: CheckedPage[]): void {
  if (format === 'json') for (const p of pages) console.log(JSON.stringify(pageJson(p)));
  else if (format === 'w3c') for (const p of pages) console.log(JSON.stringify(toW3C(p)));
  else if (format === 'csv') process.stdout.write(toCSV(pages));
  else process.stdout.write(toMarkdown(pages));
}

/** The case the Node engine checks against: the bundled one, or a case file validated as the extension validates it. */
function loadCase(file: string | undefined): CaseFile {
  if (!file) return BUNDLED_CASE;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`check: ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not a JSON case file (${(error as Error).message})`}`);
    process.exit(1);
  }
  const result = validateCase(json);
  if (!result.ok) {
    console.error(`check: ${file}: not a valid case file:\n${formatProblems(result.problems).map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  return result.value;
}

async function checkInBrowser(targets: string[], format: Format): Promise<boolean> {
  ensureFreshBuild(EXTENSION_DIR);
  const served = await serveFiles(targets.filter((t) => !isUrl(t)));
  const browser = await launchWithExtension();
  const pages: CheckedPage[] = [];
  let failed = false;
  try {
    for (const target of targets) {
      const url = isUrl(target) ? target : served.urlOf(target);
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
        console.error(`check: ${target}: ${outcome.status === 'timeout' ? 'timed out waiting for the check' : 'no article found on the page'}`);
        failed = true;
        continue;
      }
      const { url: key, title, published, text, pageText, annotations } = outcome.article;
      pages.push({ url: key, title, published, text, pageText, annotations });
    }
  } finally {
    await browser.close();
    await served.close();
  }
  print(format, pages);
  return !failed;
}

/** The HTML of a file or a URL (a URL is fetched once, as a reader's browser would). */
async function readPage(target: string): Promise<{ url: string; html: string }> {
  if (!isUrl(target)) return { url: pathToFileURL(resolve(target)).href, html: readFileSync(target, 'utf8') };
  const response = await fetch(target, { redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { url: response.url || target, html: await response.text() };
}

async function checkInNode(targets: string[], format: Format, pool: EnginePool): Promise<boolean> {
  let failed = false;
  const answers = await Promise.all(targets.map(async (target): Promise<EngineAnswer> => {
    try {
      const page = await readPage(target);
      return await pool.check(page.url, page.html);
    } catch (error) {
      return { seq: -1, error: `could not load the page (${(error as Error).message})` };
    }
  }));
  const pages: CheckedPage[] = [];
  answers.forEach((answer, i) => {
    if ('page' in answer) pages.push(answer.page);
    else {
      console.error(`check: ${targets[i]}: ${answer.error}`);
      failed = true;
    }
  });
  print(format, pages);
  return !failed;
}

/**
 * JSON lines: `{"id","url","html"}` in, the check's JSON (with its `id`) or `{"id","error"}`
 * out, in the order read. At most a few pages per worker are read ahead, so a stream of any
 * length runs in bounded memory.
 */
async function streamInNode(pool: EnginePool): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const queue: Promise<string>[] = [];
  const write = async (line: string) => {
    if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    queue.push(checkLine(line, pool));
    while (queue.length >= pool.size * 4) await write(await queue.shift()!);
  }
  while (queue.length) await write(await queue.shift()!);
}

async function checkLine(line: string, pool: EnginePool): Promise<string> {
  let id: unknown = null;
  try {
    const input = JSON.parse(line);
    id = input?.id ?? null;
    if (typeof input?.html !== 'string') throw new Error('"html" must be a string');
    if (typeof input.url !== 'string' || !/^(https?|file):/i.test(input.url)) throw new Error('"url" must be an http(s) or file URL');
    const answer = await pool.check(input.url, input.html);
    return JSON.stringify('page' in answer ? { id, ...pageJson(answer.page) } : { id, error: answer.error });
  } catch (error) {
    return JSON.stringify({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

async function main() {
  const options = parse();
  const missing = options.targets.filter((t) => !isUrl(t) && !existsSync(t));
  for (const f of missing) console.error(`check: ${f}: no such file`);
  if (missing.length) process.exit(1);
  if (options.engine === 'browser') process.exit((await checkInBrowser(options.targets, options.format)) ? 0 : 1);
  const pool = await EnginePool.start(loadCase(options.caseFile), options.workers);
  try {
    if (options.jsonl) {
      await streamInNode(pool);
      process.exitCode = 0;
    } else process.exitCode = (await checkInNode(options.targets, options.format, pool)) ? 0 : 1;
  } finally {
    await pool.close();
  }
}

main().catch((error) => {
  console.error(`check: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
