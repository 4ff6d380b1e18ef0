/**
 * The popup: this tab's counts and flags (click one to scroll to it), a button to check a
 * page that does not look like an article, the side panel, the legend, the case dataset, and
 * export buttons.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CaseFile } from '../lib/cases/format';
import type { PageState, StoredArticle } from '../lib/messaging/protocol';
import { toCSV } from '../lib/export/csv';
import { toMarkdown } from '../lib/export/markdown';
import { toW3C, type PageAnnotations } from '../lib/export/w3c';
import { CaseBrowser } from './CaseBrowser';
import { Legend } from './Legend';
import { plural, readable } from './format';

export interface PopupApi {
  pageState: () => Promise<PageState | null>;
  /** What the background stored for the page (its text, the page's text map, decisions): what exports are made from. */
  storedArticle: (state: PageState) => Promise<StoredArticle | null>;
  checkPage: () => Promise<PageState | null>;
  scrollTo: (id: string) => Promise<void>;
  caseFile: () => Promise<CaseFile | null>;
  download: (name: string, type: string, text: string) => void;
  /** The options page: cases, imports, edits, backup. */
  openOptions: () => void;
  /** The side panel, which stays open beside the article (the popup closes on a click in the page). */
  openSidePanel: () => void;
}

export function Popup({ api }: { api: PopupApi }) {
  const [state, setState] = useState<PageState | null | undefined>(undefined);
  const [file, setFile] = useState<CaseFile | null>(null);
  useEffect(() => {
    api.pageState().then(setState, () => setState(null));
    api.caseFile().then(setFile, () => setFile(null));
  }, []);

  const annotations = state?.annotations ?? [];
  const flags = annotations.filter((a) => a.verdict === 'conflict');
  const names = annotations.filter((a) => a.kind === 'person' || a.kind === 'organization' || a.kind === 'place').length;
  const dates = annotations.filter((a) => a.kind === 'date').length;
  // Exports come from the stored article when there is one: it has the text (for sentences)
  // and the page's text map (for selectors other clients can use).
  const exportable = async (): Promise<PageAnnotations | null> => (state ? (await api.storedArticle(state).catch(() => null)) ?? { url: state.url, title: state.title, published: state.published, annotations } : null);
  const exportAs = async (ext: string, type: string, write: (page: PageAnnotations) => string) => {
    const page = await exportable();
    if (page) api.download(`${slug}.${ext}`, type, write(page));
  };
  const slug = (state?.title || 'casefile').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);

  return (
    <main>
      <header>
        <h1>Casefile</h1>
        <button class="open-panel" onClick={() => api.openSidePanel()} title="Every annotation in its sentence, the case timeline (Alt+Shift+K)">Open side panel</button>
      </header>
      {state === undefined && <p class="status">Reading this page…</p>}
      {state === null && <p class="status">Casefile cannot read this page (browser pages and file views are not checked).</p>}
      {state && state.status !== 'checked' && (
        <div class="status">
          <p>{state.message ?? (state.status === 'checking' ? 'Checking…' : 'Not checked yet.')}</p>
          <button onClick={() => api.checkPage().then(setState)}>Check this page anyway</button>
        </div>
      )}
      {state?.status === 'checked' && (
        <>
          <p class="page-title">{state.title}{state.published ? ` · ${readable(state.published)}` : ''}</p>
          <ul class="counts" aria-label="Counts">
            <li><b data-count="names">{names}</b> {names === 1 ? 'name' : 'names'}</li>
            <li><b data-count="dates">{dates}</b> {dates === 1 ? 'date' : 'dates'}</li>
            <li class={flags.length ? 'has-flags' : ''}><b data-count="flags">{flags.length}</b> {flags.length === 1 ? 'flag' : 'flags'}</li>
          </ul>
          <section>
            <h2>Flagged claims</h2>
            {!flags.length && <p class="none">No conflicts with the case on this page.</p>}
            <ol class="flags">
              {flags.map((a) => (
                <li key={a.id}>
                  <button class="flag" onClick={() => api.scrollTo(a.id)}>
                    <span class="quote">“{a.exact}”</span>
                    <span class="says">case: {readable(a.expected, a)}{a.caseTitle ? ` (${a.caseTitle})` : ''}</span>
                    {a.decision?.verdict && <span class={`decision ${a.decision.verdict}`}>{a.decision.verdict === 'wrong' ? 'you marked the checker wrong' : 'you confirmed it'}</span>}
                    {a.decision?.note && <span class="note">note: {a.decision.note}</span>}
                  </button>
                </li>
              ))}
            </ol>
          </section>
          {!!state.orphans?.length && (
            <section class="orphans">
              <h2>No longer on the page ({state.orphans.length})</h2>
              <p class="none">Annotations from an earlier visit whose words are gone. They are kept, not attached elsewhere.</p>
              <ul>
                {state.orphans.map((a) => (
                  <li key={a.id}>“{a.exact}” <span class="says">{a.kind}{a.verdict === 'conflict' ? ', was flagged' : ''}{a.decision?.note ? ` · note: ${a.decision.note}` : ''}</span></li>
                ))}
              </ul>
            </section>
          )}
          <section class="export">
            <h2>Export this page</h2>
            <button onClick={() => exportAs('jsonld', 'application/ld+json', (page) => JSON.stringify(toW3C(page), null, 2))}>W3C JSON-LD</button>
            <button onClick={() => exportAs('csv', 'text/csv', (page) => toCSV([page]))}>CSV</button>
            <button onClick={() => exportAs('md', 'text/markdown', (page) => toMarkdown([page]))}>Markdown</button>
          </section>
        </>
      )}
      <Legend />
      {file && <CaseBrowser file={file} />}
      <footer><button class="link" onClick={() => api.openOptions()}>Manage cases, imports and backup…</button></footer>
    </main>
  );
}
