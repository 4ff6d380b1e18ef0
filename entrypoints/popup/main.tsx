import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { Popup, type PopupApi } from '../../components/Popup';

/** The tab this popup speaks for: the active tab, or `?tab=ID` when opened as a page (tests, CLI). */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const toTab = async (message: object) => {
  const id = await targetTab();
  if (id === undefined) return null;
  try {
    return await browser.tabs.sendMessage(id, message);
  } catch {
    return null; // no content script there (a browser page, or a page that blocks it)
  }
};

const api: PopupApi = {
  pageState: () => toTab({ type: 'get-page-state' }),
  storedArticle: async (state) => (await browser.runtime.sendMessage({ type: 'get-article', url: state.url, canonical: state.canonical }))?.article ?? null,
  checkPage: () => toTab({ type: 'check-page' }),
  scrollTo: async (id) => void (await toTab({ type: 'scroll-to', id })),
  caseFile: async () => (await browser.runtime.sendMessage({ type: 'get-case' }))?.case ?? null,
  openOptions: () => void browser.runtime.openOptionsPage(),
  download: downloadText,
};

render(<Popup api={api} />, document.getElementById('app')!);
