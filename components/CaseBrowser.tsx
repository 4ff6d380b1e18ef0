/** The case dataset in the popup: people, events and sources, with a search box that finds dates however they are typed ("Oct 2021"). */
import { useMemo, useState } from 'preact/hooks';
import type { CaseFile } from '../lib/cases/format';
import { humanDate } from '../lib/dates/calendar';
import { matcher } from '../lib/show/search';
import { Safe } from './Safe';

export function CaseBrowser({ file }: { file: CaseFile }) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const match = useMemo(() => matcher(q), [q]);
  const people = useMemo(() => file.people.filter((p) => match([p.name, ...(p.aliases ?? []), ...(p.roles ?? []).map((r) => r.role)], (p.roles ?? []).flatMap((r) => [r.from, r.to]))), [file, match]);
  const events = useMemo(() => [...file.events].sort((a, b) => a.date.localeCompare(b.date)).filter((e) => match([e.label], [e.date])), [file, match]);
  const sources = useMemo(() => file.sources.filter((s) => match([s.publisher, s.title], [s.published])), [file, match]);
  return (
    <section class="case">
      <h2><Safe text={file.title} /></h2>
      <input type="search" placeholder="Search people, events, sources" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} aria-label="Search the case" />
      <details open={!!q}>
        <summary>People ({people.length})</summary>
        <ul>{people.map((p) => (
          <li key={p.id}><b><Safe text={p.name} /></b>{p.roles?.length ? <> — <Safe text={p.roles[0].role} /></> : ''}</li>
        ))}</ul>
      </details>
      <details open={!!q}>
        <summary>Events ({events.length})</summary>
        <ul>{events.map((e) => (
          <li key={e.id}><span class="date">{humanDate(e.date)}</span> <Safe text={e.label} /></li>
        ))}</ul>
      </details>
      <details open={!!q}>
        <summary>Sources ({sources.length})</summary>
        <ul>{sources.map((s) => (
          <li key={s.id}><a href={s.url} target="_blank" rel="noopener noreferrer"><Safe text={s.title} /></a> <span class="meta"><Safe text={s.publisher} /></span></li>
        ))}</ul>
      </details>
    </section>
  );
}
