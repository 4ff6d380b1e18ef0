/**
 * The options page: the cases (which are active, where, export, delete, edit), imports of
 * case files and CSV by file picker or drag-and-drop, the backup of everything, and the
 * annotations of every article read. Every change goes through the background.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CaseSummary } from '../../lib/background/table';
import type { OptionsApi } from './api';
import { AnnotationsPanel } from './AnnotationsPanel';
import { BackupPanel } from './BackupPanel';
import { CaseEditor } from './CaseEditor';
import { CaseList } from './CaseList';
import { ImportPanel } from './ImportPanel';

export function Options({ api }: { api: OptionsApi }) {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = async () => {
    const answer = await api.messenger.send('list-cases', {});
    if (answer.ok) setCases(answer.value.cases);
  };
  useEffect(() => {
    refresh();
  }, []);
  return (
    <main>
      <h1>Casefile</h1>
      <p class="lede">Your cases and annotations stay in this browser. Nothing is sent anywhere.</p>
      <CaseList api={api} cases={cases} onChange={refresh} onEdit={setEditing} />
      {editing && <CaseEditor api={api} caseId={editing} onClose={() => setEditing(null)} onChange={refresh} />}
      <ImportPanel api={api} cases={cases} onImported={refresh} />
      <AnnotationsPanel api={api} />
      <BackupPanel api={api} onRestored={refresh} />
    </main>
  );
}
