/**
 * The sweep: every page of some folders under the built extension, reduced to what breaks
 * or misleads — no article found, uncaught errors, highlights outside the article, flags.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pageErrorsWithoutExtension, type ExtensionBrowser } from './browser';
import { runPage } from './page-run';
import { serveFiles } from './serve';

export interface SweepRow {
  page: string;
  article: boolean;
  names: number;
  dates: number;
  flags: number;
  errors: string[];
  outside: string[];
}

/**
 * The article body a person marked for a page, where the corpus has it (NAME.json beside
 * NAME.html: the benchmark's human-annotated body, or Readability's expected text).
 */
function referenceText(file: string): string {
  const json = file.replace(/\.html$/, '.json');
  if (!existsSync(json)) return '';
  try {
    const truth = JSON.parse(readFileSync(json, 'utf8')).ground_truth ?? {};
    return String(truth.articleBody ?? truth.expected_text ?? '');
  } catch {
    return '';
  }
}

/** Every .html file in the folders (not recursive), sorted. */
export function htmlFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) => {
    const abs = resolve(dir);
    if (statSync(abs).isFile()) return [abs];
    return readdirSync(abs).filter((f) => f.endsWith('.html')).sort().map((f) => join(abs, f));
  });
}

/** Run the sweep over files; `onRow` sees each row as it is made. */
export async function sweep(browser: ExtensionBrowser, files: string[], onRow?: (row: SweepRow) => void): Promise<SweepRow[]> {
  const served = await serveFiles(files);
  const rows: SweepRow[] = [];
  try {
    for (const file of files) {
      const url = served.urlOf(file);
      const run = await runPage(browser, url, { readability: false, outside: true, reference: referenceText(file) });
      const annotations = run.state?.annotations ?? [];
      let errors = run.errors;
      if (errors.some((e) => e.startsWith('page:') || e.startsWith('console:'))) {
        // The page's own scripts fail here without Casefile too (their remote parts are blocked):
        // only errors that appear with Casefile alone count.
        const own = new Set(await pageErrorsWithoutExtension(url));
        errors = errors.filter((e) => !own.has(e.replace(/^(page|console): /, '')));
      }
      const row: SweepRow = {
        page: relative(process.cwd(), file),
        article: run.state?.status === 'checked',
        names: annotations.filter((a) => a.kind === 'person' || a.kind === 'organization' || a.kind === 'place').length,
        dates: annotations.filter((a) => a.kind === 'date').length,
        flags: annotations.filter((a) => a.verdict === 'conflict').length,
        errors,
        outside: run.outside,
      };
      await run.page.close();
      rows.push(row);
      onRow?.(row);
    }
  } finally {
    await served.close();
  }
  return rows;
}
