/** One file with everything (cases with your edits, articles, annotations, decisions), and its restore. */
import { useState } from 'preact/hooks';
import type { OptionsApi } from './api';

export function BackupPanel({ api, onRestored }: { api: OptionsApi; onRestored: () => void }) {
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const exportAll = async () => {
    const { backup } = await api.send({ type: 'export-backup' });
    api.download(`casefile-backup-${backup.exportedAt.slice(0, 10)}.json`, 'application/json', JSON.stringify(backup));
    setMessage(`Backup written: ${backup.cases.length} cases, ${backup.articles.length} articles, ${backup.decisions.length} decisions.`);
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    setProblems([]);
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch (error) {
      setProblems([`${file.name} is not JSON: ${(error as Error).message}`]);
      return;
    }
    const result = await api.importWithProgress({ type: 'import-backup', backup }, (p) => setMessage(p));
    if (!result.ok) setProblems([`${file.name} was not restored (nothing was changed):`, ...(result.problems ?? [])]);
    else {
      const counts = result.counts as { cases: number; articles: number; decisions: number };
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
