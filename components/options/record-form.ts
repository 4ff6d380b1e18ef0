/**
 * The per-field forms of the case editor, as data: which fields each list's records have,
 * how a record becomes the strings a form edits, and how those strings become a record
 * again. Keys the form does not show (`x-` keys, anything else) are kept as they were. The
 * record is then saved through the same message as the JSON editor, so the background's
 * validator judges both alike.
 */
import { granularityOf } from '../../lib/dates/calendar';
import type { CaseList } from '../../lib/cases/edits';

export type FieldKind = 'id' | 'text' | 'long' | 'lines' | 'refs' | 'date' | 'url' | 'status' | 'factType' | 'factValue';

export interface Field {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
}

const id: Field = { key: 'id', label: 'Id', kind: 'id', required: true, hint: 'lowercase letters, digits, _ . - (unique in the case)' };
const sources: Field = { key: 'sources', label: 'Sources', kind: 'refs', required: true, hint: 'source ids, separated by commas' };
const note: Field = { key: 'note', label: 'Note', kind: 'long' };
const status: Field = { key: 'status', label: 'Status', kind: 'status', hint: 'only verified records can flag a conflict' };

const ENTITY: Field[] = [id, { key: 'name', label: 'Name', kind: 'text', required: true }, { key: 'aliases', label: 'Aliases', kind: 'lines', hint: 'one per line: other names, surnames, misspellings' }, sources, note, status];

export const FORMS: Record<CaseList, Field[]> = {
  people: ENTITY,
  organizations: ENTITY,
  places: ENTITY,
  matters: ENTITY,
  events: [
    id, { key: 'label', label: 'What happened', kind: 'text', required: true },
    { key: 'date', label: 'Date', kind: 'date', required: true, hint: 'YYYY, YYYY-MM or YYYY-MM-DD; the granularity follows' },
    { key: 'participants', label: 'Participants', kind: 'refs', hint: 'ids of people, organisations, places or matters' },
    { key: 'triggers', label: 'Trigger words', kind: 'lines', hint: 'one per line: words news uses for it (shot, dismissed)' },
    sources, note, status,
  ],
  facts: [
    id, { key: 'subject', label: 'Subject', kind: 'text', required: true, hint: 'id of an entity or event' },
    { key: 'predicate', label: 'Predicate', kind: 'text', required: true, hint: 'what is said of it (can be refiled, court)' },
    { key: 'type', label: 'Type', kind: 'factType', required: true },
    { key: 'value', label: 'Value', kind: 'factValue', required: true, hint: 'text, a date, a number, a duration (P18M), true/false, or an id' },
    { key: 'unit', label: 'Unit', kind: 'text' },
    { key: 'triggers', label: 'Trigger words', kind: 'lines', hint: 'one per line' },
    sources, note, status,
  ],
  sources: [
    id, { key: 'publisher', label: 'Publisher', kind: 'text', required: true }, { key: 'title', label: 'Title', kind: 'text', required: true },
    { key: 'url', label: 'Address', kind: 'url', required: true, hint: 'http(s) link' }, { key: 'published', label: 'Published', kind: 'date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' }, note,
  ],
};

export const STATUSES = ['', 'verified', 'unverified', 'disputed'];
export const FACT_TYPES = ['text', 'date', 'number', 'duration', 'boolean', 'ref'];

/** A person's role as the form edits it: every field a string. */
export interface RoleDraft {
  role: string;
  from: string;
  to: string;
  sources: string;
  note: string;
  /** The role's keys the form does not show (`x-` keys), kept as they were. */
  rest?: Record<string, unknown>;
}

/** A record as the form edits it: every field a string, roles as rows. */
export interface Draft {
  fields: Record<string, string>;
  roles: RoleDraft[];
}

const listText = (v: unknown, sep: string) => (Array.isArray(v) ? v.join(sep) : '');
const split = (text: string, by: RegExp) => text.split(by).map((s) => s.trim()).filter(Boolean);

/** A record's fields as strings for the form. */
export function toDraft(list: CaseList, record: Record<string, unknown>): Draft {
  const fields: Record<string, string> = {};
  for (const f of FORMS[list]) {
    const v = record[f.key];
    fields[f.key] = f.kind === 'lines' ? listText(v, '\n') : f.kind === 'refs' ? listText(v, ', ') : v === undefined || v === null ? '' : String(v);
  }
  const roles = list === 'people' && Array.isArray(record.roles)
    ? (record.roles as Record<string, unknown>[]).map(({ role, from, to, sources: refs, note: text, ...rest }) => ({
      role: String(role ?? ''), from: String(from ?? ''), to: String(to ?? ''), sources: listText(refs, ', '), note: String(text ?? ''), rest,
    }))
    : [];
  return { fields, roles };
}

/** A fact's value in its type: a number, true/false, or the text as typed (the validator says what is wrong). */
function factValue(type: string, text: string): unknown {
  if (type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The record the form describes, laid over the original: empty optional fields are left
 * out, lists split, an event's granularity taken from its date, roles' empty ends null.
 */
export function fromDraft(list: CaseList, draft: Draft, original: Record<string, unknown> = {}): Record<string, unknown> {
  const record: Record<string, unknown> = { ...original };
  for (const f of FORMS[list]) {
    const text = draft.fields[f.key] ?? '';
    let value: unknown;
    if (f.kind === 'lines') value = split(text, /\n/);
    else if (f.kind === 'refs') value = split(text, /[,;\s]+/);
    else if (f.kind === 'factValue') value = factValue(draft.fields.type ?? '', text.trim());
    else value = text.trim();
    const empty = value === '' || (Array.isArray(value) && value.length === 0);
    if (empty && !f.required) delete record[f.key];
    else record[f.key] = value;
  }
  if (list === 'events') {
    const g = granularityOf(String(record.date ?? ''));
    if (g) record.granularity = g;
  }
  if (list === 'people') {
    if (draft.roles.length) {
      record.roles = draft.roles.map((r) => ({
        role: r.role.trim(), from: r.from.trim() || null, to: r.to.trim() || null, sources: split(r.sources, /[,;\s]+/), ...(r.note.trim() ? { note: r.note.trim() } : {}), ...r.rest,
      }));
    } else delete record.roles;
  }
  return reorder(list, record);
}

const ORDER: Record<CaseList, string[]> = {
  people: ['id', 'name', 'aliases', 'roles', 'sources', 'note', 'status'],
  organizations: ['id', 'name', 'aliases', 'sources', 'note', 'status'],
  places: ['id', 'name', 'aliases', 'sources', 'note', 'status'],
  matters: ['id', 'name', 'aliases', 'sources', 'note', 'status'],
  events: ['id', 'label', 'date', 'granularity', 'participants', 'triggers', 'sources', 'note', 'status'],
  facts: ['id', 'subject', 'predicate', 'type', 'value', 'unit', 'triggers', 'sources', 'note', 'status'],
  sources: ['id', 'publisher', 'title', 'url', 'published', 'note'],
};

/** Keys in the contract's order, the rest (x- keys) after, so the JSON view reads as the file does. */
function reorder(list: CaseList, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ORDER[list]) if (k in record) out[k] = record[k];
  for (const k of Object.keys(record)) if (!(k in out)) out[k] = record[k];
  return out;
}

/**
 * Which form field a validation problem is about: `people[3].roles[0].from: …` is the first
 * role's "from"; `events[12].date: …` the date. Null when it names no field of the form.
 */
export function problemField(problem: string): { key: string; role?: number } | null {
  const m = /^\w+\[\d+\]\.(\w+)(?:\[(\d+)\]\.(\w+))?/.exec(problem);
  if (!m) return null;
  if (m[1] === 'roles' && m[2] !== undefined) return { key: m[3], role: Number(m[2]) };
  return { key: m[1] };
}
