/**
 * `npm run sweep -- [--json] [DIR|FILE...]`: the built extension over every .html page of the
 * folders given (default: ../shared/corpus/dev and the seed pages), one line per page:
 * whether an article was found, counts of names, dates and flags, uncaught errors (page,
 * content script, background) and highlights outside the article body. With --json, one
 * JSON object per line: {"page","article","names","dates","flags","errors":[…],"outside":[…]}.
 * Exits 1 when any page had an error or a highlight outside its article.
 */
import { parseArgs } from 'node:util';
import { launchWithExtension } from './lib/browser';
import { htmlFiles, sweep } from './lib/sweep';

const { values: args, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
const dirs = positionals.length ? positionals : ['../shared/corpus/dev', '../shared/fixtures/seeds'];

async function main() {
  const files = htmlFiles(dirs);
  const browser = await launchWithExtension();
  try {
    const rows = await sweep(browser, files, (row) => {
      if (args.json) console.log(JSON.stringify(row));
      else {
        const problems = [...row.errors, ...row.outside.map((o) => `outside the article: "${o}"`)];
        console.log(`${row.page.padEnd(58)} ${row.article ? 'article' : 'skipped'}  names ${String(row.names).padStart(3)}  dates ${String(row.dates).padStart(3)}  flags ${row.flags}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
      }
    });
    const bad = rows.filter((r) => r.errors.length || r.outside.length);
    if (!args.json) console.log(`\n${rows.length} pages, ${rows.filter((r) => r.article).length} articles, ${rows.reduce((n, r) => n + r.flags, 0)} flags, ${bad.length} with errors or highlights outside the article`);
    process.exitCode = bad.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`sweep: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
