/** One file with everything (cases with your edits, articles, annotations, decisions), and its restore. */
import { useState } from 'preact/hooks';
import type { OptionsApi } from './api';

export function BackupPanel({ api, onRestored }: { api: OptionsApi; onRestored: () => void }) {
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const exportAll = async () => {
    const answer = await api.messenger.send('export-backup', {});
    if (!answer.ok) return setProblems([answer.message]);
    const { backup } = answer.value;
    api.download(`casefile-backup-${backup.exportedAt.slice(0, 10)}.json`, 'application/json', JSON.stringify(backup));
    setMessage(`Backup written: ${backup.cases.length} cases, ${backup.articles.length} articles, ${backup.decisions.length} decisions.`);
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    setProblems([]);
    // The text goes as it is: the background parses and checks it, off this page's thread.
    const backup = await api.readText(file);
    const result = await api.messenger.sendWithProgress('import-backup', { backup }, (p) => setMessage(p));
    if (!result.ok) {
      setMessage('');
      setProblems([`${file.name} was not restored (nothing was changed):`, ...(result.problems.length ? result.problems : [result.message])]);
    } else {
      const { counts } = result.value;
      setMessage(`Restored ${counts.cases} cases, ${counts.articles} articles and ${counts.decisions} decisions.`);
      onRestored();
    }
  };
  return (
    <section aria-labelledby="backup-h">
      <h2 id="backup-h">Backup</h2>
      <p>Everything in one file: your cases and edits, the articles you read with their annotations, and your decisions.</p>
      <button onClick={exportAll}>Export everything</button>
      <label class="file">Restore a backup <input type="file" accept=".json,application/json" aria-label="Backup file" onChange={(e) => restore((e.target as HTMLInputElement).files?.[0])} /></label>
      {message && <p role="status">{message}</p>}
      {problems.length > 0 && <div class="problems" role="alert"><p>{problems[0]}</p><ul>{problems.slice(1, 201).map((p) => <li key={p}>{p}</li>)}</ul></div>}
    </section>
  );
}
