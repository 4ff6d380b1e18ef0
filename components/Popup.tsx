/**
 * The popup: this tab's counts and flags (click one to scroll to it), a button to check a
 * page that does not look like an article, the side panel, the legend, names added to a case
 * from this page (with Undo), the case dataset, and export buttons.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Addition } from '../lib/background/table';
import type { CaseFile } from '../lib/cases/format';
import type { StoredArticle } from '../lib/db/schema';
import type { PageState } from '../lib/messaging/protocol';
import { toCSV } from '../lib/export/csv';
import { toMarkdown } from '../lib/export/markdown';
import { toW3C, type PageAnnotations } from '../lib/export/w3c';
import { CaseBrowser } from './CaseBrowser';
import { Legend } from './Legend';
import { plural, readable } from './format';
import { Safe } from './Safe';

export interface PopupApi {
  pageState: () => Promise<PageState | null>;
  /** What the background stored for the page (its text, the page's text map, decisions): what exports are made from. */
  storedArticle: (state: PageState) => Promise<StoredArticle | null>;
  checkPage: () => Promise<PageState | null>;
  scrollTo: (id: string) => Promise<void>;
  caseFile: () => Promise<CaseFile | null>;
  /** Names added to a case from this page's cards, still there. */
  additions: (url: string) => Promise<Addition[]>;
  /** Take one back; answers why it could not, or null. */
  undoAddition: (caseId: string, id: string) => Promise<string | null>;
  download: (name: string, type: string, text: string) => void;
  /** The options page: cases, imports, edits, backup. */
  openOptions: () => void;
  /** The side panel, which stays open beside the article (the popup closes on a click in the page). */
  openSidePanel: () => void;
}

export function Popup({ api }: { api: PopupApi }) {
  const [state, setState] = useState<PageState | null | undefined>(undefined);
  const [file, setFile] = useState<CaseFile | null>(null);
  const [additions, setAdditions] = useState<Addition[]>([]);
  const [undoMessage, setUndoMessage] = useState('');
  useEffect(() => {
    api.pageState().then(setState, () => setState(null));
    api.caseFile().then(setFile, () => setFile(null));
  }, []);
  useEffect(() => {
    if (state?.url) api.additions(state.url).then(setAdditions, () => setAdditions([]));
  }, [state?.url]);
  const undo = async (a: Addition) => {
    const problem = await api.undoAddition(a.caseId, a.id);
    setUndoMessage(problem ? `Not undone: ${problem}` : `Removed “${a.name}” from ${a.caseTitle}.`);
    if (!problem) setAdditions(additions.filter((x) => x !== a));
    api.caseFile().then(setFile, () => undefined);
  };

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
          <p class="page-title"><Safe text={state.title} />{state.published ? ` · ${readable(state.published)}` : ''}</p>
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
                    <span class="quote">“<Safe text={a.exact} />”</span>
                    <span class="says">case: <Safe text={readable(a.expected, a)} />{a.caseTitle ? <> (<Safe text={a.caseTitle} />)</> : ''}</span>
                    {a.decision?.verdict && <span class={`decision ${a.decision.verdict}`}>{a.decision.verdict === 'wrong' ? 'you marked the checker wrong' : 'you confirmed it'}</span>}
                    {a.decision?.note && <span class="note">note: <Safe text={a.decision.note} /></span>}
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
                  <li key={a.id}>“<Safe text={a.exact} />” <span class="says">{a.kind}{a.verdict === 'conflict' ? ', was flagged' : ''}{a.decision?.note ? <> · note: <Safe text={a.decision.note} /></> : ''}</span></li>
                ))}
              </ul>
            </section>
          )}
          {(additions.length > 0 || undoMessage) && (
            <section class="additions">
              <h2>Added to a case from this page</h2>
              <ul>
                {additions.map((a) => (
                  <li key={`${a.caseId}/${a.id}`}>
                    <span class="what">“<Safe text={a.name} />” to <Safe text={a.caseTitle} /></span>
                    <button class="undo" onClick={() => undo(a)}>Undo</button>
                  </li>
                ))}
              </ul>
              {undoMessage && <p class="none" role="status">{undoMessage}</p>}
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
