/** Every article read, with exports of all annotations (W3C, CSV, Markdown) and the import of Casefile's W3C files. */
import { useEffect, useState } from 'preact/hooks';
import { toCSV } from '../../lib/export/csv';
import { toMarkdown } from '../../lib/export/markdown';
import { toW3C } from '../../lib/export/w3c';
import type { StoredArticle } from '../../lib/db/schema';
import { Safe } from '../Safe';
import type { OptionsApi } from './api';
import { plural } from '../format';

export function AnnotationsPanel({ api }: { api: OptionsApi }) {
  const [articles, setArticles] = useState<StoredArticle[]>([]);
  const [message, setMessage] = useState('');
  const refresh = async () => {
    const answer = await api.messenger.send('list-articles', {});
    if (answer.ok) setArticles(answer.value.articles);
  };
  useEffect(() => {
    refresh();
  }, []);
  const stamp = new Date().toISOString().slice(0, 10);
  const importW3C = async (file: File | undefined) => {
    if (!file) return;
    const answer = await api.messenger.sendWithProgress('import-annotations', { collection: await api.readText(file) }, () => undefined);
    setMessage(answer.ok
      ? `Imported ${answer.value.annotations} annotations on ${answer.value.articles} articles.`
      : `${file.name} was not imported: ${(answer.problems.length ? answer.problems : [answer.message]).slice(0, 20).join('; ')}`);
    refresh();
  };
  const flags = (a: StoredArticle) => a.annotations.filter((x) => x.verdict === 'conflict').length;
  return (
    <section aria-labelledby="annotations-h">
      <h2 id="annotations-h">Articles and annotations</h2>
      <p>{plural(articles.length, 'article')} read, {plural(articles.reduce((n, a) => n + a.annotations.length, 0), 'annotation')}.</p>
      <div class="buttons">
        <button disabled={!articles.length} onClick={() => api.download(`casefile-annotations-${stamp}.jsonld`, 'application/ld+json', JSON.stringify(articles.map((a) => toW3C(a)), null, 2))}>All as W3C JSON-LD</button>
        <button disabled={!articles.length} onClick={() => api.download(`casefile-annotations-${stamp}.csv`, 'text/csv', toCSV(articles))}>All as CSV</button>
        <button disabled={!articles.length} onClick={() => api.download(`casefile-annotations-${stamp}.md`, 'text/markdown', toMarkdown(articles))}>All as Markdown</button>
        <label class="file">Import W3C annotations <input type="file" accept=".json,.jsonld,application/ld+json,application/json" aria-label="W3C annotations file" onChange={(e) => importW3C((e.target as HTMLInputElement).files?.[0])} /></label>
      </div>
      {message && <p role="status">{message}</p>}
      <ul class="articles">
        {articles.slice(0, 200).map((a) => (
          <li key={a.url}>
            <a href={a.url} target="_blank" rel="noopener noreferrer"><Safe text={a.title || a.url} /></a>
            <span class="meta"> · {plural(a.annotations.length, 'annotation')} · {plural(flags(a), 'flag')}{a.orphans?.length ? ` · ${a.orphans.length} orphaned` : ''}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
