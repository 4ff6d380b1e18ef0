/**
 * Import a case file (JSON in the documented format) or a people/events CSV, by file picker
 * or by dropping files on the panel. Progress is shown while the background parses,
 * validates and stores; a file with any problem changes nothing, and every problem is listed.
 */
import { useState } from 'preact/hooks';
import { csvKind } from '../../lib/cases/csv';
import { visible } from '../format';
import type { CaseSummary } from '../../lib/background/table';
import type { Result } from '../../lib/messaging/result';
import type { OptionsApi } from './api';

/** An import's answer as the panel shows it: the case, or every problem (the failure's own sentence when it has none). */
function flat(answer: Result<{ case: CaseSummary }>): { ok: true; case: CaseSummary } | { ok: false; problems: string[] } {
  return answer.ok ? { ok: true, case: answer.value.case } : { ok: false, problems: answer.problems.length ? answer.problems : [answer.message] };
}

export function ImportPanel({ api, cases, onImported }: { api: OptionsApi; cases: CaseSummary[]; onImported: () => void }) {
  const [phase, setPhase] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [target, setTarget] = useState('');
  const [newId, setNewId] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [over, setOver] = useState(false);

  const importFiles = async (files: File[]) => {
    setProblems([]);
    setDone('');
    for (const file of files) {
      setPhase(`Reading ${file.name}…`);
      const text = await api.readText(file);
      const started = performance.now();
      const progress = (p: string) => setPhase(`${file.name}: ${p}`);
      let result: { ok: true; case?: CaseSummary } | { ok: false; problems: string[] };
      if (/\.csv$/i.test(file.name) || csvKind(text)) {
        const kind = csvKind(text);
        const caseId = target || newId.trim();
        if (!kind) result = { ok: false, problems: [`${file.name} line 1: the header names neither people (id, name, …) nor events (id, label, date, …)`] };
        else if (!caseId) result = { ok: false, problems: [`${file.name}: choose a case to add the rows to, or give the new case an id`] };
        else result = flat(await api.messenger.sendWithProgress('import-csv', { caseId, title: newTitle.trim() || undefined, kind, text, name: file.name }, progress));
      } else {
        result = flat(await api.messenger.sendWithProgress('import-case', { file: text, activate: true }, progress));
      }
      if (!result.ok) {
        setProblems([`${file.name} was not imported (nothing was changed):`, ...result.problems]);
        setPhase('');
        onImported();
        return;
      }
      const c = result.case;
      setDone(`${file.name}: imported${c ? ` into “${c.title}” (${c.counts.people} people, ${c.counts.events} events)` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    setPhase('');
    onImported();
  };

  return (
    <section
      aria-labelledby="import-h"
      class={`import ${over ? 'over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); importFiles([...(e.dataTransfer?.files ?? [])]); }}
    >
      <h2 id="import-h">Import a case</h2>
      <p>Drop a case file (<code>.json</code>) or a people or events table (<code>.csv</code>) here, or choose files.</p>
      <input type="file" accept=".json,.csv,application/json,text/csv" multiple aria-label="Case files" onChange={(e) => importFiles([...((e.target as HTMLInputElement).files ?? [])])} />
      <fieldset>
        <legend>CSV rows go into</legend>
        <select aria-label="Case for CSV rows" value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
          <option value="">a new case…</option>
          {cases.filter((c) => !c.problems).map((c) => <option key={c.id} value={c.id}>{visible(c.title)}</option>)}
        </select>
        {!target && (
          <>
            <input aria-label="New case id" placeholder="id, e.g. my-case" value={newId} onInput={(e) => setNewId((e.target as HTMLInputElement).value)} />
            <input aria-label="New case title" placeholder="title" value={newTitle} onInput={(e) => setNewTitle((e.target as HTMLInputElement).value)} />
          </>
        )}
      </fieldset>
      {phase && <p class="progress" role="status"><progress /> {phase}</p>}
      {done && <p class="done" role="status">{done}</p>}
      {problems.length > 0 && (
        <div class="problems" role="alert">
          <p>{problems[0]}</p>
          <ul>{problems.slice(1, 501).map((p) => <li key={p}>{p}</li>)}</ul>
          {problems.length > 501 && <p>… and {problems.length - 501} more.</p>}
        </div>
      )}
    </section>
  );
}
