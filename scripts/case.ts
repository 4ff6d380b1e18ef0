/**
 * `npm run case -- validate FILE [--into CASE.json]`: the extension's case validation on the
 * command line, for datasets prepared outside the browser. Files are read as the options
 * page reads them (UTF-8 or UTF-16, with or without a byte-order mark), and validated by the
 * same code, so both give the same answer on the same file.
 *  - FILE.json: a case file. Exit 0 and one line ("ok: <id> — N people, …") when valid;
 *    exit 1 and every problem, one per line as `path: message`, when not.
 *  - FILE.csv: a people or events table (told apart by its header), checked as it would be
 *    added to the case in --into (default: an empty case); every problem of every row, by CSV line.
 * Exit 2 for bad usage or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { csvKind } from '../lib/cases/csv';
import { CASE_FORMAT, CASE_FORMAT_VERSION, type CaseFile } from '../lib/cases/format';
import { decodeText, readCaseText, readCsvInto } from '../lib/cases/read';

function usage(message?: string): never {
  if (message) console.error(`case: ${message}`);
  console.error('usage: npm run case -- validate FILE.json|FILE.csv [--into CASE.json]');
  process.exit(2);
}

function read(path: string): string {
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    console.error(`case: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    process.exit(2);
  }
}

function summary(file: CaseFile): string {
  return `${file.people.length} people, ${file.organizations.length} organizations, ${file.places.length} places, ${file.matters.length} matters, ` +
    `${file.events.length} events, ${file.facts.length} facts, ${file.sources.length} sources`;
}

function refuse(problems: string[], trailer?: string): never {
  for (const line of problems) console.error(line);
  if (trailer) console.error(trailer);
  process.exit(1);
}

const [command, path, ...rest] = process.argv.slice(2);
if (command !== 'validate' || !path) usage();
const intoAt = rest.indexOf('--into');
const into = intoAt >= 0 ? rest[intoAt + 1] : undefined;
if (intoAt >= 0 && !into) usage('--into needs a case file');

const text = read(path);
if (/\.csv$/i.test(path)) {
  const kind = csvKind(text);
  if (!kind) refuse([`${basename(path)} line 1: the header names neither people (id, name, sources, …) nor events (id, label, date, sources, …)`]);
  let base: CaseFile = { format: CASE_FORMAT, version: CASE_FORMAT_VERSION, id: 'csv-import', title: basename(path), people: [], organizations: [], places: [], matters: [], events: [], facts: [], sources: [] };
  if (into) {
    const target = readCaseText(read(into));
    if (!target.ok) refuse(target.problems, undefined);
    base = target.value;
  }
  const result = readCsvInto(base, kind, text, basename(path));
  if (!result.ok) refuse(result.problems);
  console.log(`ok: ${basename(path)} — ${result.value.rows} ${kind} rows${into ? ` added to ${result.value.file.id}` : ''}`);
} else {
  const result = readCaseText(text);
  if (!result.ok) refuse(result.problems, `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${basename(path)}`);
  console.log(`ok: ${result.value.id} (“${result.value.title}”) — ${summary(result.value)}`);
}
