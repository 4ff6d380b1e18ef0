/**
 * The popup: what state this tab's page is in (reading, checked, changed since, not an
 * article, off) with "Check again", its counts and flags (click one to scroll to it), the
 * reading controls (on or off here and everywhere; names and dates on every article or only
 * on those about a case), the side panel, the legend, names added to a case from this page
 * (with Undo), the case dataset, and export buttons. It asks again while the page is not
 * settled, so it never shows a page that is still changing as checked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadingSettings } from '../lib/page/settings';
import type { Addition } from '../lib/background/table';
import type { CaseFile } from '../lib/cases/format';
import type { StoredArticle } from '../lib/db/schema';
import type { PageState } from '../lib/messaging/protocol';
import { toCSV } from '../lib/export/csv';
import { toMarkdown } from '../lib/export/markdown';
import { toW3C, type PageAnnotations } from '../lib/export/w3c';
import { CaseBrowser } from './CaseBrowser';
import { Legend } from './Legend';
import { readable } from './format';
import { PageStatus, settled } from './PageStatus';
import { ReadingControls } from './ReadingControls';
import { Safe } from './Safe';

export interface PopupApi {
  pageState: () => Promise<PageState | null>;
  /** What the background stored for the page (its text, the page's text map, decisions): what exports are made from. */
  storedArticle: (state: PageState) => Promise<StoredArticle | null>;
  /** Check the page now; `everything`: highlight its names and dates even if it is about no case. */
  checkPage: (options?: { everything?: boolean }) => Promise<PageState | null>;
  /** Scroll the page to a highlight; false when it is not drawn there now. */
  scrollTo: (id: string) => Promise<boolean>;
  /** The reader's settings, and keeping them (open pages follow). */
  settings: () => Promise<ReadingSettings>;
  saveSettings: (settings: ReadingSettings) => Promise<void>;
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
  const [settings, setSettings] = useState<ReadingSettings | null>(null);
  const [notice, setNotice] = useState('');
  const stateRef = useRef(state);
  stateRef.current = state;
  const load = () => api.pageState().then(setState, () => setState(null));
  useEffect(() => {
    load();
    api.caseFile().then(setFile, () => setFile(null));
    api.settings().then(setSettings, () => undefined);
    // While the page is not settled (being read, waiting for its text, changed), ask again.
    const timer = setInterval(() => {
      const s = stateRef.current;
      if (s === undefined || (s && (s.status === 'checking' || s.status === 'waiting' || s.changed))) load();
    }, 500);
    return () => clearInterval(timer);
  }, []);
  const check = (options?: { everything?: boolean }) => {
    setState((s) => (s ? { ...s, status: 'checking', changed: false } : s));
    api.checkPage(options).then(setState, () => setState(null));
  };
  const changeSettings = async (next: ReadingSettings) => {
    setSettings(next);
    await api.saveSettings(next);
    // The page applies them at once; its new state follows.
    setTimeout(load, 150);
  };
  const goTo = async (id: string, exact: string) => {
    setNotice((await api.scrollTo(id)) ? '' : `“${exact}” is not shown on the page now.`);
  };
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
      <PageStatus state={state} onCheck={() => check()} onEverything={() => check({ everything: true })} />
      {state?.status === 'checked' && (
        <>
          {state.published && <p class="meta">Published {readable(state.published)}</p>}
          <ul class="counts" aria-label="Counts">
            <li><b data-count="names">{names}</b> {names === 1 ? 'name' : 'names'}</li>
            <li><b data-count="dates">{dates}</b> {dates === 1 ? 'date' : 'dates'}</li>
            <li class={flags.length ? 'has-flags' : ''}><b data-count="flags">{flags.length}</b> {flags.length === 1 ? 'flag' : 'flags'}</li>
          </ul>
          <section>
            <h2>Flagged claims</h2>
            {!flags.length && settled(state) && <p class="none">No conflicts with the case on this page.</p>}
            {notice && <p class="notice" role="status">{notice}</p>}
            <ol class="flags">
              {flags.map((a) => (
                <li key={a.id}>
                  <button class="flag" onClick={() => goTo(a.id, a.exact)}>
                    <span class="quote">“<Safe text={a.exact} />”</span>
                    <span class="says">case: <Safe text={readable(a.expected, a)} />{a.caseTitle ? <> (<Safe text={a.caseTitle} />)</> : ''}</span>
                    {a.decision?.verdict && <span class={`decision ${a.decision.verdict}`}>{a.decision.verdict === 'wrong' ? 'you marked the checker wrong' : 'you confirmed it'}</span>}
                    {a.decision?.note && <span class="note">note: <Safe text={a.decision.note} /></span>}
                  </button>
                </li>
              ))}
            </ol>
          </section>
          {!!state.hidden?.length && (
            <section class="hidden">
              <h2>No longer shown on the page ({state.hidden.length})</h2>
              <p class="none">The page kept redrawing its text and removing these highlights; they are listed here instead.</p>
              <ul>
                {state.hidden.map((a) => (
                  <li key={a.id}>“<Safe text={a.exact} />” <span class="says">{a.kind}{a.verdict === 'conflict' ? <> · flagged: the case says <Safe text={readable(a.expected, a)} /></> : ''}</span></li>
                ))}
              </ul>
            </section>
          )}
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
      {settings && <ReadingControls settings={settings} host={hostOf(state)} onChange={changeSettings} />}
      <Legend />
      {file && <CaseBrowser file={file} />}
      <footer><button class="link" onClick={() => api.openOptions()}>Manage cases, imports and backup…</button></footer>
    </main>
  );
}

/** The host of the tab's page, for the site switch (none for pages Casefile cannot read). */
function hostOf(state: PageState | null | undefined): string | null {
  try {
    return state ? new URL(state.url).hostname : null;
  } catch {
    return null;
  }
}
