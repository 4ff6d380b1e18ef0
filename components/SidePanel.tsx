/**
 * The side panel (Chrome's side panel, Firefox's sidebar): every annotation of the current
 * tab's article in reading order, each in its sentence, with filters, a search that reads
 * dates as people type them, a click that scrolls the page to it; and the case timeline with
 * this article's dated claims placed on it. It follows the tab: switching tabs, navigating
 * and reloading are events; a re-check of the same page is seen by polling the page's state
 * while the panel is visible (the page announces nothing to extension pages).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CaseFile } from '../lib/cases/format';
import type { PageState, StoredArticle } from '../lib/messaging/protocol';
import { matcher } from '../lib/show/search';
import { sentenceSpanFinder } from '../lib/show/sentence';
import { decisionWords } from '../lib/show/words';
import type { Annotation } from '../lib/types';
import { KIND_LABEL, plural, readable, VERDICT_LABEL } from './format';
import { Legend } from './Legend';
import { PageStatus } from './PageStatus';
import { Timeline } from './Timeline';

export interface SidePanelApi {
  /** The state of the tab the panel speaks for (null: no content script there). */
  pageState: () => Promise<PageState | null>;
  storedArticle: (state: PageState) => Promise<StoredArticle | null>;
  caseFile: () => Promise<CaseFile | null>;
  checkPage: (options?: { everything?: boolean }) => Promise<PageState | null>;
  /** Scroll the page to an annotation; false when it is not drawn there. */
  scrollTo: (id: string) => Promise<boolean>;
  /** Call back when the tab the panel follows changes (switched, navigated, reloaded); returns an unsubscribe. */
  onTabChange: (callback: () => void) => () => void;
}

type Filter = 'all' | 'flags' | 'names' | 'dates' | 'decisions';

const FILTERS: { key: Filter; label: string; test: (a: Annotation) => boolean }[] = [
  { key: 'all', label: 'All', test: () => true },
  { key: 'flags', label: 'Flags', test: (a) => a.verdict === 'conflict' },
  { key: 'names', label: 'Names', test: (a) => a.kind === 'person' || a.kind === 'organization' || a.kind === 'place' },
  { key: 'dates', label: 'Dates', test: (a) => a.kind === 'date' },
  { key: 'decisions', label: 'Your decisions', test: (a) => !!(a.decision?.verdict || a.decision?.note) },
];

/** How often the panel asks the page whether it was checked again, while visible. */
const POLL_MS = 2000;
/** How often while the page is not settled (being read, waiting for its text, changed since its check). */
const UNSETTLED_MS = 500;

/** What changes when the page is checked again (cheap to compare). */
const signature = (s: PageState | null) => (s ? `${s.status}|${s.url}|${s.rechecking}|${s.changed}|${s.hidden?.length ?? 0}|${s.annotations.length}|${s.timings?.end ?? ''}|${s.annotations.map((a) => a.decision?.verdict ?? '').join('')}` : 'none');

export function SidePanel({ api }: { api: SidePanelApi }) {
  const [state, setState] = useState<PageState | null | undefined>(undefined);
  const [article, setArticle] = useState<StoredArticle | null>(null);
  const [file, setFile] = useState<CaseFile | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const seen = useRef('');

  const load = async (force = false) => {
    const next = await api.pageState().catch(() => null);
    const sig = signature(next);
    if (!force && sig === seen.current) return;
    seen.current = sig;
    setState(next);
    setArticle(next?.status === 'checked' ? await api.storedArticle(next).catch(() => null) : null);
  };

  useEffect(() => {
    load(true);
    api.caseFile().then(setFile, () => setFile(null));
    const off = api.onTabChange(() => { setNotice(''); load(true); });
    // Every POLL_MS while visible; every UNSETTLED_MS while the page is being read or changed.
    let last = 0;
    const timer = setInterval(() => {
      const unsettled = !seen.current.startsWith('checked|') || seen.current.includes('|true|');
      if (document.visibilityState !== 'visible' || (!unsettled && Date.now() - last < POLL_MS)) return;
      last = Date.now();
      load();
    }, UNSETTLED_MS);
    return () => { off(); clearInterval(timer); };
  }, []);
  const check = (options?: { everything?: boolean }) => {
    setState((s) => (s ? { ...s, status: 'checking', changed: false } : s));
    api.checkPage(options).then(() => load(true), () => load(true));
  };

  // The stored article has the text (for sentences) and decisions; the page's own list is the fallback.
  const annotations = useMemo(() => [...(article?.annotations ?? state?.annotations ?? [])].sort((a, b) => a.start - b.start || b.end - a.end), [article, state]);
  const spanOf = useMemo(() => sentenceSpanFinder(article?.text), [article]);
  const match = useMemo(() => matcher(query), [query]);
  const test = FILTERS.find((f) => f.key === filter)!.test;
  const shown = annotations.filter((a) => test(a) && match([a.exact, a.entityName, a.claim, a.decision?.note, a.caseTitle, sentenceOf(article?.text, spanOf(a))], [a.value, a.expected]));
  const drawn = new Set(state?.annotations.map((a) => a.id) ?? []);
  const go = async (a: Annotation) => {
    const ok = drawn.has(a.id) && (await api.scrollTo(a.id).catch(() => false));
    setNotice(ok ? '' : `“${a.exact}” is not drawn on the page now.`);
  };

  return (
    <main>
      <header><h1>Casefile</h1></header>
      <PageStatus state={state} onCheck={() => check()} onEverything={() => check({ everything: true })} />
      {state?.status === 'checked' && (
        <>
          {state.published && <p class="meta">Published {readable(state.published)}</p>}
          <p class="meta" data-summary>{plural(annotations.length, 'annotation')} · {plural(annotations.filter((a) => a.verdict === 'conflict').length, 'flag')}{state.rechecking ? ' · checking again…' : ''}</p>
          <div class="filters" role="group" aria-label="Show">
            {FILTERS.map((f) => (
              <button key={f.key} aria-pressed={filter === f.key} onClick={() => setFilter(f.key)}>
                {f.label} <span class="n">{annotations.filter(f.test).length}</span>
              </button>
            ))}
          </div>
          <input type="search" aria-label="Search this page's annotations" placeholder="Search: names, dates (Oct 2021), words" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
          {notice && <p class="notice" role="status">{notice}</p>}
          <ol class="annotations" aria-label="Annotations in reading order">
            {shown.map((a) => <AnnotationItem key={a.id} a={a} text={article?.text} span={spanOf(a)} onClick={() => go(a)} />)}
          </ol>
          {!shown.length && <p class="none">Nothing here matches.</p>}
          {!!state.hidden?.length && (
            <section class="orphans hidden">
              <h2>No longer shown on the page ({state.hidden.length})</h2>
              <ul>{state.hidden.map((a) => <li key={a.id}>“{a.exact}” <span class="meta">{KIND_LABEL[a.kind]}{a.verdict === 'conflict' ? ', flagged' : ''}: the page kept removing its highlight</span></li>)}</ul>
            </section>
          )}
          {!!state.orphans?.length && (
            <section class="orphans">
              <h2>No longer on the page ({state.orphans.length})</h2>
              <ul>{state.orphans.map((a) => <li key={a.id}>“{a.exact}” <span class="meta">{KIND_LABEL[a.kind]}{a.verdict === 'conflict' ? ', was flagged' : ''}</span></li>)}</ul>
            </section>
          )}
        </>
      )}
      {file && (
        <section class="case-timeline">
          <h2>Timeline of “{file.title}”</h2>
          <Timeline events={file.events} claims={state?.status === 'checked' ? annotations : []} onSelect={(id) => { const a = annotations.find((x) => x.id === id); if (a) go(a); }} />
        </section>
      )}
      <Legend open />
    </main>
  );
}

function sentenceOf(text: string | undefined, span: { start: number; end: number } | null): string | null {
  return text && span ? text.slice(span.start, span.end) : null;
}

/** One annotation: what it is, its verdict, its sentence with the words marked, what the case says, your decision. */
function AnnotationItem({ a, text, span, onClick }: { a: Annotation; text?: string; span: { start: number; end: number } | null; onClick: () => void }) {
  const inSentence = text && span && span.start <= a.start && a.end <= span.end;
  return (
    <li class={`item ${a.verdict}`} data-kind={a.kind}>
      <button class="item-button" onClick={onClick}>
        <span class="head">
          <span class="kind">{KIND_LABEL[a.kind]}</span>
          {a.verdict !== 'unknown' && <span class={`badge ${a.verdict}`}>{VERDICT_LABEL[a.verdict]}</span>}
          {a.decision?.verdict && <span class={`badge decided ${a.decision.verdict}`}>{a.decision.verdict === 'wrong' ? 'checker wrong' : 'confirmed'}</span>}
        </span>
        {inSentence ? (
          <span class="sentence">{text.slice(span.start, a.start)}<mark>{text.slice(a.start, a.end)}</mark>{text.slice(a.end, span.end)}</span>
        ) : (
          <span class="sentence"><mark>{a.exact}</mark></span>
        )}
        {a.entityName && a.entityName !== a.exact && <span class="meta">{a.entityName}</span>}
        {a.kind === 'date' && a.value && <span class="meta">read as {readable(a.value)}</span>}
        {a.expected && a.verdict !== 'unknown' && <span class="says">{a.claim ? `${a.claim} — ` : ''}the case {a.verdict === 'conflict' ? 'says' : 'records'} <b>{readable(a.expected, a)}</b></span>}
        {a.decision?.verdict && <span class="meta">{decisionWords(a.decision)}</span>}
        {a.decision?.note && <span class="note">Your note: {a.decision.note}</span>}
      </button>
    </li>
  );
}
