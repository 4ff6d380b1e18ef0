/**
 * People and events from CSV files, for datasets kept in a spreadsheet. The header names the
 * columns (any order); lists in a cell are separated by ";" ; a source cell may hold a
 * source id of the case or a URL, which becomes a source of its own. Every problem is
 * reported with its line, all at once, and a file with any problem adds nothing.
 */
import type { CaseEvent, CaseFile, Person, Source } from './format';
import { granularityOf } from '../dates/calendar';

export interface CsvProblem {
  path: string;
  message: string;
}

/** Parse CSV text (RFC 4180: quotes, doubled quotes, newlines inside quotes) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

const PEOPLE_COLUMNS = ['id', 'name', 'aliases', 'sources', 'note', 'status'];
const EVENT_COLUMNS = ['id', 'label', 'date', 'granularity', 'participants', 'triggers', 'sources', 'note', 'status'];

const list = (cell: string | undefined) => (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);

/** Which kind of rows a CSV holds, from its header. */
export function csvKind(text: string): 'people' | 'events' | null {
  const header = (parseCsv(text.slice(0, 2000))[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.includes('name') && header.includes('id')) return 'people';
  if (header.includes('label') && header.includes('date')) return 'events';
  return null;
}

/**
 * Add the rows of a people or events CSV to a case (a copy: the original is not touched).
 * Returns the new case and the problems of its cells (with `people.csv line 4: …` style
 * paths); every row is added even when some are bad, so that validating the result names
 * every bad row at once. Without a usable header there is no case, only its problems.
 */
export function addCsv(file: CaseFile, kind: 'people' | 'events', text: string, name = `${kind}.csv`): { file?: CaseFile; problems: CsvProblem[] } {
  const rows = parseCsv(text);
  const problems: CsvProblem[] = [];
  if (!rows.length) return { problems: [{ path: name, message: 'the file is empty (expected a header line and rows)' }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const known = kind === 'people' ? PEOPLE_COLUMNS : EVENT_COLUMNS;
  header.forEach((h, i) => { if (!known.includes(h)) problems.push({ path: `${name} line 1, column ${i + 1}`, message: `"${h}" is not a column (expected ${known.join(', ')})` }); });
  for (const required of kind === 'people' ? ['id', 'name', 'sources'] : ['id', 'label', 'date', 'sources']) {
    if (!header.includes(required)) problems.push({ path: `${name} line 1`, message: `the "${required}" column is missing` });
  }
  if (problems.length) return { problems };

  const out: CaseFile = { ...file, people: [...(file.people ?? [])], events: [...(file.events ?? [])], sources: [...(file.sources ?? [])] };
  const sourceIds = new Set(out.sources.map((s) => s.id));
  const sourceByUrl = new Map(out.sources.map((s) => [s.url, s.id]));
  const sourceFor = (cell: string, path: string): string | null => {
    if (sourceIds.has(cell)) return cell;
    if (/^https?:\/\//i.test(cell)) {
      const existing = sourceByUrl.get(cell);
      if (existing) return existing;
      let host = '';
      try { host = new URL(cell).hostname.replace(/^www\./, ''); } catch { /* reported by validation */ }
      const id = `src-${hash(cell)}`;
      const source: Source = { id, publisher: host || cell, title: cell, url: cell };
      out.sources.push(source);
      sourceIds.add(id);
      sourceByUrl.set(cell, id);
      return id;
    }
    problems.push({ path, message: `"${cell}" is neither a source id of the case nor an http(s) URL` });
    return null;
  };

  rows.slice(1).forEach((cells, r) => {
    const line = r + 2;
    const get = (col: string) => cells[header.indexOf(col)]?.trim() ?? '';
    const at = (col: string) => `${name} line ${line}, ${col}`;
    if (cells.length > header.length) problems.push({ path: `${name} line ${line}`, message: `${cells.length} cells for ${header.length} columns` });
    const sources = list(get('sources')).map((s) => sourceFor(s, at('sources'))).filter((s): s is string => !!s);
    const status = get('status') || undefined;
    const note = get('note') || undefined;
    if (kind === 'people') {
      const person: Person = { id: get('id'), name: get('name'), sources };
      const aliases = list(get('aliases'));
      if (aliases.length) person.aliases = aliases;
      if (note) person.note = note;
      if (status) person.status = status as Person['status'];
      out.people.push(person);
    } else {
      const date = get('date');
      const event: CaseEvent = { id: get('id'), label: get('label'), date, granularity: (get('granularity') || granularityOf(date) || 'day') as CaseEvent['granularity'], sources };
      const participants = list(get('participants'));
      const triggers = list(get('triggers'));
      if (participants.length) event.participants = participants;
      if (triggers.length) event.triggers = triggers;
      if (note) event.note = note;
      if (status) event.status = status as CaseEvent['status'];
      out.events.push(event);
    }
  });
  return { file: out, problems };
}

/** A short stable hash for generated ids. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Map a validator's path into a CSV-added case back to the CSV line it came from
 * (`people[41].name` → `people.csv line 3, name`), for records the CSV added.
 */
export function csvPath(path: string, kind: 'people' | 'events', firstNew: number, name = `${kind}.csv`): string {
  const m = new RegExp(`^${kind}\\[(\\d+)\\]\\.?(.*)$`).exec(path);
  if (!m || Number(m[1]) < firstNew) return path;
  return `${name} line ${Number(m[1]) - firstNew + 2}${m[2] ? `, ${m[2]}` : ''}`;
}
