/**
 * One record as a form: a field per property (lists one per line or comma-separated, a
 * person's roles as rows), each with its hint, and the validator's problems shown next to
 * the field they are about.
 */
import type { CaseList } from '../../lib/cases/edits';
import { FACT_TYPES, FORMS, STATUSES, type Draft, type Field, type RoleDraft } from './record-form';

export interface FieldProblems {
  fields: Record<string, string[]>;
  roles: Record<number, Record<string, string[]>>;
}

const inputId = (key: string, role?: number) => `field-${role === undefined ? '' : `role${role}-`}${key}`;

export function RecordForm({ list, draft, onChange, problems, sourceTitles }: {
  list: CaseList;
  draft: Draft;
  onChange: (draft: Draft) => void;
  problems: FieldProblems;
  /** Source ids to titles, to show what a list of source ids names. */
  sourceTitles: Map<string, string>;
}) {
  const set = (key: string, value: string) => onChange({ ...draft, fields: { ...draft.fields, [key]: value } });
  const setRole = (i: number, patch: Partial<RoleDraft>) => onChange({ ...draft, roles: draft.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const named = (text: string) => text.split(/[,;\s]+/).filter(Boolean).map((id) => sourceTitles.get(id) ?? `${id}: no such source`);
  return (
    <div class="record-form">
      {FORMS[list].map((f) => (
        <FieldRow key={f.key} field={f} value={draft.fields[f.key] ?? ''} problems={problems.fields[f.key]} onInput={(v) => set(f.key, v)}
          after={f.key === 'sources' && draft.fields.sources ? <ul class="named">{named(draft.fields.sources).map((t) => <li key={t}>{t}</li>)}</ul> : null} />
      ))}
      {list === 'people' && (
        <fieldset class="roles">
          <legend>Roles</legend>
          {draft.roles.map((r, i) => (
            <div class="role" key={i} role="group" aria-label={`Role ${i + 1}`}>
              <FieldRow field={{ key: 'role', label: 'Role', kind: 'text', required: true, hint: 'as news writes it (special prosecutor)' }} role={i} value={r.role} problems={problems.roles[i]?.role} onInput={(v) => setRole(i, { role: v })} />
              <FieldRow field={{ key: 'from', label: 'From', kind: 'date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD; empty if unknown' }} role={i} value={r.from} problems={problems.roles[i]?.from} onInput={(v) => setRole(i, { from: v })} />
              <FieldRow field={{ key: 'to', label: 'To', kind: 'date', hint: 'empty while it lasts' }} role={i} value={r.to} problems={problems.roles[i]?.to} onInput={(v) => setRole(i, { to: v })} />
              <FieldRow field={{ key: 'sources', label: 'Sources', kind: 'refs', required: true }} role={i} value={r.sources} problems={problems.roles[i]?.sources} onInput={(v) => setRole(i, { sources: v })} />
              <FieldRow field={{ key: 'note', label: 'Note', kind: 'long' }} role={i} value={r.note} problems={problems.roles[i]?.note} onInput={(v) => setRole(i, { note: v })} />
              <button type="button" onClick={() => onChange({ ...draft, roles: draft.roles.filter((_, j) => j !== i) })}>Remove role {i + 1}</button>
            </div>
          ))}
          <button type="button" onClick={() => onChange({ ...draft, roles: [...draft.roles, { role: '', from: '', to: '', sources: draft.fields.sources ?? '', note: '' }] })}>Add a role</button>
        </fieldset>
      )}
    </div>
  );
}

function FieldRow({ field: f, value, problems, onInput, role, after }: { field: Field; value: string; problems?: string[]; onInput: (v: string) => void; role?: number; after?: preact.ComponentChildren }) {
  const id = inputId(f.key, role);
  const common = {
    id, value, 'aria-invalid': problems?.length ? true : undefined, 'aria-describedby': `${id}-hint`, required: f.required,
    onInput: (e: Event) => onInput((e.target as HTMLInputElement).value),
  };
  let control;
  if (f.kind === 'long' || f.kind === 'lines') control = <textarea rows={f.kind === 'lines' ? 3 : 2} {...common} />;
  else if (f.kind === 'status') control = <select {...common}>{STATUSES.map((s) => <option key={s} value={s}>{s || 'verified (default)'}</option>)}</select>;
  else if (f.kind === 'factType') control = <select {...common}>{FACT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}</select>;
  else if (f.kind === 'url') control = <input type="url" spellcheck={false} {...common} />;
  else control = <input type="text" spellcheck={f.kind === 'text'} {...common} />;
  return (
    <div class={`field ${problems?.length ? 'invalid' : ''}`}>
      <label for={id}>{f.label}{f.required ? ' *' : ''}</label>
      {control}
      <small id={`${id}-hint`}>{problems?.length ? problems.join('; ') : f.hint ?? ''}</small>
      {after}
    </div>
  );
}
