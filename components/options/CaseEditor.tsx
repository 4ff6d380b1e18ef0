/**
 * Edit one case: pick a list (people, events, facts, sources, …), pick a record or start a
 * new one from a template, edit it as JSON, save. The background validates the whole case
 * with the change and refuses it, with every problem, if anything is wrong.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CASE_LISTS, type CaseList } from '../../lib/cases/edits';
import type { CaseFile } from '../../lib/cases/format';
import { Safe } from '../Safe';
import type { OptionsApi } from './api';

const TEMPLATES: Record<CaseList, (source: string) => Record<string, unknown>> = {
  people: (s) => ({ id: 'new_person', name: 'Full Name', aliases: ['Surname'], roles: [{ role: 'role as news writes it', from: null, to: null, sources: [s] }], sources: [s] }),
  organizations: (s) => ({ id: 'new_organization', name: 'Organization Name', aliases: [], sources: [s] }),
  places: (s) => ({ id: 'new_place', name: 'Place Name', sources: [s] }),
  matters: (s) => ({ id: 'new_matter', name: 'State v. Someone', sources: [s] }),
  events: (s) => ({ id: 'new_event', label: 'What happened', date: '2024-01-31', granularity: 'day', participants: [], triggers: ['word'], sources: [s] }),
  facts: (s) => ({ id: 'new_fact', subject: 'entity_or_event_id', predicate: 'what is said of it', type: 'text', value: 'the value', sources: [s] }),
  sources: () => ({ id: 'new_source', publisher: 'Publisher', title: 'Title of the article or document', url: 'https://', published: '2024-01-31' }),
};

const label = (r: Record<string, unknown>) => String(r.name ?? r.label ?? r.title ?? r.predicate ?? r.id);

export function CaseEditor({ api, caseId, onClose, onChange }: { api: OptionsApi; caseId: string; onClose: () => void; onChange: () => void }) {
  const [file, setFile] = useState<CaseFile | null>(null);
  const [list, setList] = useState<CaseList>('people');
  const [query, setQuery] = useState('');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const load = async () => {
    const answer = await api.messenger.send('get-case-file', { id: caseId });
    setFile(answer.ok ? answer.value.case : null);
  };
  useEffect(() => {
    load();
  }, [caseId]);
  const records = useMemo(() => {
    const all = ((file?.[list] ?? []) as unknown as Record<string, unknown>[]);
    const q = query.trim().toLowerCase();
    return (q ? all.filter((r) => JSON.stringify(r).toLowerCase().includes(q)) : all).slice(0, 300);
  }, [file, list, query]);

  const save = async () => {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(text);
    } catch (error) {
      setProblems([`Not JSON: ${(error as Error).message}`]);
      return;
    }
    if (typeof record?.id !== 'string') {
      setProblems(['The record needs an "id" (lowercase letters, digits, _ . -).']);
      return;
    }
    const answer = await api.messenger.send('edit-case', { id: caseId, edit: { op: 'put', list, record } });
    if (!answer.ok) setProblems(['Not saved (the case is unchanged):', ...(answer.problems.length ? answer.problems : [answer.message])]);
    else {
      setProblems([]);
      setMessage(`Saved ${list} “${label(record)}”. Pages checked from now on use it.`);
      await load();
      onChange();
    }
  };
  const remove = async () => {
    let id: unknown;
    try {
      id = JSON.parse(text)?.id;
    } catch {
      id = undefined;
    }
    if (typeof id !== 'string') return;
    const answer = await api.messenger.send('edit-case', { id: caseId, edit: { op: 'remove', list, id } });
    if (!answer.ok) setProblems(['Not removed (the case is unchanged):', ...(answer.problems.length ? answer.problems : [answer.message])]);
    else {
      setProblems([]);
      setText('');
      setMessage(`Removed ${id}.`);
      await load();
      onChange();
    }
  };
  if (!file) return <section><p>Loading…</p></section>;
  const firstSource = file.sources[0]?.id ?? 'source_id';
  return (
    <section class="editor" aria-labelledby="editor-h">
      <h2 id="editor-h">Edit “<Safe text={file.title} />” <button class="close" onClick={onClose} aria-label="Close the editor">×</button></h2>
      <div class="tabs" role="tablist">
        {CASE_LISTS.map((l) => (
          <button key={l} role="tab" aria-selected={l === list} onClick={() => { setList(l); setText(''); setProblems([]); }}>
            {l} ({((file[l] ?? []) as unknown[]).length})
          </button>
        ))}
      </div>
      <div class="columns">
        <div>
          <input type="search" aria-label={`Search ${list}`} placeholder={`Search ${list}`} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
          <button onClick={() => { setText(JSON.stringify(TEMPLATES[list](firstSource), null, 2)); setProblems([]); setMessage(''); }}>New…</button>
          <ul class="records">
            {records.map((r) => (
              <li key={String(r.id)}>
                <button onClick={() => { setText(JSON.stringify(r, null, 2)); setProblems([]); setMessage(''); }}><Safe text={label(r)} /></button>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <textarea aria-label="Record (JSON)" spellcheck={false} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} placeholder="Pick a record or start a new one." />
          <div class="buttons">
            <button disabled={!text} onClick={save}>Save</button>
            <button disabled={!text} onClick={remove}>Remove</button>
          </div>
          {message && <p role="status">{message}</p>}
          {problems.length > 0 && <div class="problems" role="alert"><p>{problems[0]}</p><ul>{problems.slice(1).map((p) => <li key={p}>{p}</li>)}</ul></div>}
        </div>
      </div>
    </section>
  );
}
