/**
 * The case file validator. It reports every problem at once, each with its JSON path and
 * what was expected, because a person fixing a file by hand needs the whole list — and a
 * file with any problem must change nothing stored.
 */
import { granularityOf } from '../dates/calendar';
import { MAX_DEPTH, tooDeep } from '../util/depth';
import { cleanHttpUrl } from '../util/url';
import { CASE_FORMAT, CASE_FORMAT_VERSION, KEY_ORDER, type CaseFile } from './format';

export interface Problem {
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; value: CaseFile; problems: [] }
  | { ok: false; problems: Problem[] };

const ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const LIMIT = { name: 200, label: 1000, note: 10000, list: 1000 } as const;
const STATUSES = ['verified', 'unverified', 'disputed'];
const FACT_TYPES = ['text', 'date', 'number', 'duration', 'boolean', 'ref'];
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

type Json = Record<string, unknown>;

/** Describe a value briefly for a message: strings quoted and cut, others by type. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Validate a parsed case file against the format, version 1. */
export function validateCase(input: unknown): ValidationResult {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  if (!isObject(input)) {
    return { ok: false, problems: [{ path: '$', message: `${show(input)} is not a case file (expected a JSON object)` }] };
  }
  if (input.format !== CASE_FORMAT) report('format', `${show(input.format)} is not "${CASE_FORMAT}"`);
  if (input.version !== CASE_FORMAT_VERSION) {
    const newer = typeof input.version === 'number' && input.version > CASE_FORMAT_VERSION;
    report('version', newer
      ? `version ${input.version} is newer than this Casefile reads (expected ${CASE_FORMAT_VERSION}); update the extension`
      : `${show(input.version)} is not a supported version (expected ${CASE_FORMAT_VERSION})`);
  }
  checkKeys(input, KEY_ORDER.case, '', report);
  checkId(input.id, 'id', report);
  checkText(input.title, 'title', LIMIT.label, true, report);
  checkText(input.description, 'description', LIMIT.note, false, report);
  if (input.updated !== undefined) checkDate(input.updated, 'updated', report);

  // Pass 1: every id and its kind, so that references can be resolved in pass 2.
  const kinds = new Map<string, string>();
  const lists = ['people', 'organizations', 'places', 'matters', 'events', 'facts', 'sources'] as const;
  for (const list of lists) {
    const records = input[list];
    if (records === undefined && list !== 'people' && list !== 'events' && list !== 'sources') continue;
    if (!Array.isArray(records)) {
      report(list, `${show(records)} is not a list`);
      continue;
    }
    records.forEach((record, i) => {
      if (!isObject(record) || typeof record.id !== 'string') return;
      if (kinds.has(record.id)) report(`${list}[${i}].id`, `"${record.id}" is used twice (ids are unique across the whole file)`);
      else kinds.set(record.id, list);
    });
  }
  const entityLists = ['people', 'organizations', 'places', 'matters'];
  const isEntity = (id: string) => entityLists.includes(kinds.get(id) ?? '');
  const refSources = (value: unknown, path: string, required: boolean) => {
    if (!checkList(value, path, required, report)) return;
    (value as unknown[]).forEach((id, j) => {
      if (typeof id !== 'string') report(`${path}[${j}]`, `${show(id)} is not a source id`);
      else if (kinds.get(id) !== 'sources') report(`${path}[${j}]`, `"${id}" does not name a source`);
    });
    if (required && (value as unknown[]).length === 0) report(path, 'names no source (expected at least one)');
  };

  for (const list of entityLists) {
    const records = input[list];
    if (!Array.isArray(records)) continue;
    records.forEach((r, i) => {
      const p = `${list}[${i}]`;
      if (!isObject(r)) return report(p, `${show(r)} is not an object`);
      checkKeys(r, KEY_ORDER.entity.filter((k) => k !== 'roles' || list === 'people'), p, report);
      checkId(r.id, `${p}.id`, report);
      checkText(r.name, `${p}.name`, LIMIT.name, true, report);
      checkStrings(r.aliases, `${p}.aliases`, LIMIT.name, report);
      refSources(r.sources, `${p}.sources`, true);
      checkText(r.note, `${p}.note`, LIMIT.note, false, report);
      checkStatus(r.status, `${p}.status`, report);
      if (list === 'people' && r.roles !== undefined && checkList(r.roles, `${p}.roles`, false, report)) {
        (r.roles as unknown[]).forEach((role, j) => {
          const rp = `${p}.roles[${j}]`;
          if (!isObject(role)) return report(rp, `${show(role)} is not an object`);
          checkKeys(role, KEY_ORDER.role, rp, report);
          checkText(role.role, `${rp}.role`, LIMIT.label, true, report);
          for (const end of ['from', 'to'] as const) {
            if (role[end] !== null && role[end] !== undefined) checkDate(role[end], `${rp}.${end}`, report);
          }
          if (typeof role.from === 'string' && typeof role.to === 'string' && granularityOf(role.from) && granularityOf(role.to)
            && role.from.slice(0, role.to.length) > role.to.slice(0, role.from.length)) {
            report(`${rp}.from`, `"${role.from}" is after "to" ("${role.to}")`);
          }
          refSources(role.sources, `${rp}.sources`, true);
          checkText(role.note, `${rp}.note`, LIMIT.note, false, report);
        });
      }
    });
  }

  (Array.isArray(input.events) ? input.events : []).forEach((e, i) => {
    const p = `events[${i}]`;
    if (!isObject(e)) return report(p, `${show(e)} is not an object`);
    checkKeys(e, KEY_ORDER.event, p, report);
    checkId(e.id, `${p}.id`, report);
    checkText(e.label, `${p}.label`, LIMIT.label, true, report);
    const g = checkDate(e.date, `${p}.date`, report);
    if (g && e.granularity !== g) report(`${p}.granularity`, `${show(e.granularity)} does not match the date "${String(e.date)}" (expected "${g}")`);
    if (checkList(e.participants, `${p}.participants`, false, report)) {
      (e.participants as unknown[]).forEach((id, j) => {
        if (typeof id !== 'string' || !isEntity(id)) report(`${p}.participants[${j}]`, `${show(id)} does not name a person, organization, place or matter`);
      });
    }
    checkStrings(e.triggers, `${p}.triggers`, LIMIT.name, report);
    refSources(e.sources, `${p}.sources`, true);
    checkText(e.note, `${p}.note`, LIMIT.note, false, report);
    checkStatus(e.status, `${p}.status`, report);
  });

  (Array.isArray(input.facts) ? input.facts : []).forEach((f, i) => {
    const p = `facts[${i}]`;
    if (!isObject(f)) return report(p, `${show(f)} is not an object`);
    checkKeys(f, KEY_ORDER.fact, p, report);
    checkId(f.id, `${p}.id`, report);
    if (typeof f.subject !== 'string' || !(isEntity(f.subject) || kinds.get(f.subject) === 'events')) {
      report(`${p}.subject`, `${show(f.subject)} does not name an entity or event`);
    }
    checkText(f.predicate, `${p}.predicate`, LIMIT.name, true, report);
    if (!FACT_TYPES.includes(f.type as string)) report(`${p}.type`, `${show(f.type)} is not a fact type (expected one of ${FACT_TYPES.join(', ')})`);
    else checkFactValue(f, p, (id) => isEntity(id) || kinds.get(id) === 'events', report);
    checkText(f.unit, `${p}.unit`, LIMIT.name, false, report);
    checkStrings(f.triggers, `${p}.triggers`, LIMIT.name, report);
    refSources(f.sources, `${p}.sources`, true);
    checkText(f.note, `${p}.note`, LIMIT.note, false, report);
    checkStatus(f.status, `${p}.status`, report);
  });

  (Array.isArray(input.sources) ? input.sources : []).forEach((s, i) => {
    const p = `sources[${i}]`;
    if (!isObject(s)) return report(p, `${show(s)} is not an object`);
    checkKeys(s, KEY_ORDER.source, p, report);
    checkId(s.id, `${p}.id`, report);
    checkText(s.publisher, `${p}.publisher`, LIMIT.name, true, report);
    checkText(s.title, `${p}.title`, LIMIT.label, true, report);
    checkUrl(s.url, `${p}.url`, report);
    if (s.published !== undefined) checkDate(s.published, `${p}.published`, report);
    checkText(s.note, `${p}.note`, LIMIT.note, false, report);
  });

  return problems.length ? { ok: false, problems } : { ok: true, value: normalised(input), problems: [] };
}

/** The lists the format lets a file leave out. */
const OPTIONAL_LISTS = ['organizations', 'places', 'matters', 'facts'] as const;

/**
 * A valid file as the rest of Casefile reads it: the lists it may leave out are there (empty),
 * and every source URL is written as it parses (its normalised `href`).
 */
function normalised(input: Json): CaseFile {
  const out: Json = { ...input };
  for (const list of OPTIONAL_LISTS) if (out[list] === undefined) out[list] = [];
  out.sources = (input.sources as Json[]).map((s) => {
    const clean = cleanHttpUrl(s.url as string);
    return 'href' in clean && clean.href !== s.url ? { ...s, url: clean.href } : s;
  });
  return out as unknown as CaseFile;
}

/** One line per problem, as the command line and the options page print them. */
export function formatProblems(problems: Problem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

type Report = (path: string, message: string) => void;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(record: Json, allowed: readonly string[], path: string, report: Report) {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key) && !key.startsWith('x-')) {
      report(path ? `${path}.${key}` : key, `unknown key (expected one of ${allowed.join(', ')}, or a key beginning with "x-")`);
    } else if (key.startsWith('x-')) {
      // Free-form values are kept as they are, but not nested without bound (storing them would overflow the stack).
      const deep = tooDeep(record[key], MAX_DEPTH, path ? `${path}.${key}` : key);
      if (deep) report(deep, `nested more than ${MAX_DEPTH} levels deep (at most ${MAX_DEPTH})`);
    }
  }
}

function checkId(value: unknown, path: string, report: Report) {
  if (typeof value !== 'string' || !ID.test(value)) {
    report(path, `${show(value)} is not an id (expected lowercase letters, digits, "_", "." or "-", at most 64, starting with a letter or digit)`);
  }
}

function checkText(value: unknown, path: string, max: number, required: boolean, report: Report) {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value.trim() === '')) return report(path, `${show(value)} is not ${required ? 'a non-empty' : 'a'} string`);
  if (value.length > max) report(path, `is ${value.length} characters long (at most ${max})`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value)) report(path, 'contains control characters (expected plain text)');
}

function checkList(value: unknown, path: string, required: boolean, report: Report): boolean {
  if (value === undefined && !required) return false;
  if (!Array.isArray(value)) {
    report(path, `${show(value)} is not a list`);
    return false;
  }
  if (value.length > LIMIT.list) report(path, `has ${value.length} entries (at most ${LIMIT.list})`);
  return true;
}

function checkStrings(value: unknown, path: string, max: number, report: Report) {
  if (!checkList(value, path, false, report)) return;
  (value as unknown[]).forEach((s, j) => checkText(s, `${path}[${j}]`, max, true, report));
}

function checkStatus(value: unknown, path: string, report: Report) {
  if (value !== undefined && !STATUSES.includes(value as string)) report(path, `${show(value)} is not a status (expected verified, unverified or disputed)`);
}

function checkDate(value: unknown, path: string, report: Report) {
  const g = typeof value === 'string' ? granularityOf(value) : null;
  if (!g) report(path, `${show(value)} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
  return g;
}

function checkUrl(value: unknown, path: string, report: Report) {
  if (typeof value !== 'string') return report(path, `${show(value)} is not a URL`);
  // Whitespace and control characters are refused, not dropped as `new URL` would: the stored URL is the one that parses.
  const clean = cleanHttpUrl(value, 2000);
  if ('problem' in clean) report(path, /characters long/.test(clean.problem) ? clean.problem : `${show(value)} ${clean.problem}`);
}

function checkFactValue(f: Json, p: string, isRef: (id: string) => boolean, report: Report) {
  const v = f.value;
  const path = `${p}.value`;
  switch (f.type) {
    case 'text': return checkText(v, path, LIMIT.label, true, report);
    case 'date': return void checkDate(v, path, report);
    case 'number': if (typeof v !== 'number' || !Number.isFinite(v)) report(path, `${show(v)} is not a number`); return;
    case 'duration': if (typeof v !== 'string' || !DURATION.test(v)) report(path, `${show(v)} is not an ISO 8601 duration (expected e.g. "P18M")`); return;
    case 'boolean': if (typeof v !== 'boolean') report(path, `${show(v)} is not true or false`); return;
    case 'ref': if (typeof v !== 'string' || !isRef(v)) report(path, `${show(v)} does not name an entity or event`); return;
  }
}
