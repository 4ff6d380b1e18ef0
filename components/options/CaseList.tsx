/** The cases, side by side: which are active and on which sites, export, delete, edit. */
import { useState } from 'preact/hooks';
import type { CaseSummary } from '../../lib/background/table';
import { Safe } from '../Safe';
import type { OptionsApi } from './api';

export function CaseList({ api, cases, onChange, onEdit }: { api: OptionsApi; cases: CaseSummary[]; onChange: () => void; onEdit: (id: string) => void }) {
  const [error, setError] = useState('');
  const setActive = async (id: string, on: boolean) => {
    const ids = cases.filter((c) => (c.id === id ? on : c.active)).map((c) => c.id);
    const answer = await api.messenger.send('set-active-cases', { ids });
    setError(answer.ok ? '' : answer.message);
    onChange();
  };
  const setSites = async (id: string, text: string) => {
    const sites = text.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    const answer = await api.messenger.send('set-case-sites', { id, sites: sites.length ? sites : null });
    setError(answer.ok ? '' : [answer.message, ...answer.problems].join(': '));
    onChange();
  };
  const exportCase = async (id: string) => {
    const answer = await api.messenger.send('export-case', { id });
    if (answer.ok) api.download(answer.value.name, 'application/json', answer.value.text);
    else setError(answer.message);
  };
  const remove = async (c: CaseSummary) => {
    if (!confirm(`Delete the case “${c.title}”? Its articles and annotations are kept.`)) return;
    const answer = await api.messenger.send('delete-case', { id: c.id });
    setError(answer.ok ? '' : answer.message);
    onChange();
  };
  return (
    <section aria-labelledby="cases-h">
      <h2 id="cases-h">Cases</h2>
      <table class="cases">
        <thead><tr><th>Active</th><th>Case</th><th>Records</th><th>Sites</th><th /></tr></thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-case={c.id}>
              <td><input type="checkbox" aria-label={`Use ${c.title}`} checked={c.active} onChange={(e) => setActive(c.id, (e.target as HTMLInputElement).checked)} /></td>
              <td>
                <b><Safe text={c.title} /></b>
                <div class="meta">{c.id}{c.bundled ? ' · shipped with Casefile' : ''}{c.edits ? ` · ${c.edits} edit${c.edits === 1 ? '' : 's'} of yours` : ''}</div>
                {c.problems && (
                  <div class="problems" role="alert">
                    Broken, so it is not used: {c.problems.slice(0, 3).join('; ')}{c.problems.length > 3 ? ` … and ${c.problems.length - 3} more` : ''}. Delete it or restore a backup.
                  </div>
                )}
              </td>
              <td class="meta">{c.counts.people} people · {c.counts.events} events · {c.counts.facts} facts · {c.counts.sources} sources</td>
              <td>
                <input
                  class="sites"
                  aria-label={`Sites for ${c.title}`}
                  placeholder="all sites"
                  defaultValue={c.activeOn?.join(', ') ?? ''}
                  onChange={(e) => setSites(c.id, (e.target as HTMLInputElement).value)}
                />
              </td>
              <td class="actions">
                {!c.problems && <button onClick={() => onEdit(c.id)}>Edit</button>}
                {!c.problems && <button onClick={() => exportCase(c.id)}>Export</button>}
                {!c.bundled && <button onClick={() => remove(c)}>Delete</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
