/**
 * `npm run case -- validate FILE [--into CASE.json]`: the extension's case validation on the
 * command line, for datasets prepared outside the browser.
 *  - FILE.json: a case file. Exit 0 and one line ("ok: <id> — N people, …") when valid;
 *    exit 1 and every problem, one per line as `path: message`, when not.
 *  - FILE.csv: a people or events table (told apart by its header), checked as it would be
 *    added to the case in --into (default: an empty case); problems name the CSV line.
 * Exit 2 for bad usage or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { addCsv, csvKind, csvPath } from '../lib/cases/csv';
import { CASE_FORMAT, CASE_FORMAT_VERSION, type CaseFile } from '../lib/cases/format';
import { formatProblems, validateCase } from '../lib/cases/validate';

function usage(message?: string): never {
  if (message) console.error(`case: ${message}`);
  console.error('usage: npm run case -- validate FILE.json|FILE.csv [--into CASE.json]');
  process.exit(2);
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`case: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    process.exit(2);
  }
}

function summary(file: CaseFile): string {
  return `${file.people.length} people, ${file.organizations.length} organizations, ${file.places.length} places, ${file.matters.length} matters, ` +
    `${file.events.length} events, ${file.facts.length} facts, ${file.sources.length} sources`;
}

const [command, path, ...rest] = process.argv.slice(2);
if (command !== 'validate' || !path) usage();
const intoAt = rest.indexOf('--into');
const into = intoAt >= 0 ? rest[intoAt + 1] : undefined;
if (intoAt >= 0 && !into) usage('--into needs a case file');

const text = read(path);
if (/\.csv$/i.test(path)) {
  const kind = csvKind(text);
  if (!kind) {
    console.error(`${basename(path)} line 1: the header names neither people (id, name, sources, …) nor events (id, label, date, sources, …)`);
    process.exit(1);
  }
  let base: CaseFile = { format: CASE_FORMAT, version: CASE_FORMAT_VERSION, id: 'csv-import', title: basename(path), people: [], organizations: [], places: [], matters: [], events: [], facts: [], sources: [] };
  if (into) {
    const target = validateCase(JSON.parse(read(into)));
    if (!target.ok) {
      console.error(`${into} is not a valid case (fix it first):`);
      for (const line of formatProblems(target.problems)) console.error(line);
      process.exit(1);
    }
    base = target.value;
  }
  const added = addCsv(base, kind, text, basename(path));
  if ('problems' in added) {
    for (const p of added.problems) console.error(`${p.path}: ${p.message}`);
    process.exit(1);
  }
  const result = validateCase(added.file);
  if (!result.ok) {
    for (const p of result.problems) console.error(`${csvPath(p.path, kind, base[kind].length, basename(path))}: ${p.message}`);
    process.exit(1);
  }
  console.log(`ok: ${basename(path)} — ${added.file[kind].length - base[kind].length} ${kind} rows${into ? ` added to ${result.value.id}` : ''}`);
} else {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    console.error(`$: ${basename(path)} is not JSON (${(error as Error).message})`);
    process.exit(1);
  }
  const result = validateCase(json);
  if (!result.ok) {
    for (const line of formatProblems(result.problems)) console.error(line);
    console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${basename(path)}`);
    process.exit(1);
  }
  console.log(`ok: ${result.value.id} (“${result.value.title}”) — ${summary(result.value)}`);
}
