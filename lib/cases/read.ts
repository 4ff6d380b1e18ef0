/**
 * Reading a case file or a CSV table from its bytes, the same way on the command line and in
 * the options page, so both give the same answer on the same file: UTF-8 with or without a
 * byte-order mark, UTF-16 (little or big endian, with or without one); then the JSON parsed
 * and validated, or the CSV rows added to a case and the whole validated, every problem at once.
 */
import { addCsv, csvPath } from './csv';
import type { CaseFile } from './format';
import { formatProblems, validateCase } from './validate';

/** The text of a file, whatever of UTF-8 and UTF-16 it is written in (a byte-order mark dropped). */
export function decodeText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  let encoding = 'utf-8';
  if (a === 0xff && b === 0xfe) encoding = 'utf-16le';
  else if (a === 0xfe && b === 0xff) encoding = 'utf-16be';
  // Without a mark, text that starts with an ASCII character has a zero byte beside it in UTF-16.
  else if (bytes.length >= 2 && a !== 0 && b === 0) encoding = 'utf-16le';
  else if (bytes.length >= 2 && a === 0 && b !== 0) encoding = 'utf-16be';
  return new TextDecoder(encoding).decode(bytes);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A case file's text, parsed and validated: the case, or every problem as `path: message`. */
export function readCaseText(text: string): Checked<CaseFile> {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problems: [`$: the file is not JSON (${(error as Error).message})`] };
  }
  const result = validateCase(json);
  return result.ok ? { ok: true, value: result.value } : { ok: false, problems: formatProblems(result.problems) };
}

/**
 * The rows of a people or events CSV added to `base`, the whole case validated: the new case
 * and how many rows it gained, or every problem of every row at once, by CSV line.
 */
export function readCsvInto(base: CaseFile, kind: 'people' | 'events', text: string, name = `${kind}.csv`): Checked<{ file: CaseFile; rows: number }> {
  const firstNew = base[kind].length;
  const added = addCsv(base, kind, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, name);
  const problems = added.problems.map((p) => `${p.path}: ${p.message}`);
  if (added.file) {
    const result = validateCase(added.file);
    // A row whose cell was already refused (a source that is neither an id nor a URL) is not reported twice.
    const said = new Set(added.problems.map((p) => p.path));
    if (!result.ok) {
      for (const p of result.problems) {
        const path = csvPath(p.path, kind, firstNew, name);
        if (![...said].some((s) => path.startsWith(s))) problems.push(`${path}: ${p.message}`);
      }
    } else if (!problems.length) return { ok: true, value: { file: result.value, rows: result.value[kind].length - firstNew } };
  }
  const lineOf = (p: string) => Number(/ line (\d+)/.exec(p)?.[1] ?? 0);
  return { ok: false, problems: problems.map((p, i) => [p, i] as const).sort((x, y) => lineOf(x[0]) - lineOf(y[0]) || x[1] - y[1]).map(([p]) => p) };
}
