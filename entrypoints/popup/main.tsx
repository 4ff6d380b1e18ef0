import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { Popup, type PopupApi } from '../../components/Popup';
import type { Messages } from '../../lib/background/table';
import { createMessenger } from '../../lib/messaging/messenger';
import { runtimeTransport } from '../../lib/messaging/runtime-transport';
import type { PageMessages } from '../../lib/page/messages';

/** The tab this popup speaks for: the active tab, or `?tab=ID` when opened as a page (tests, CLI). */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const background = createMessenger<Messages>(runtimeTransport(browser.runtime));
/** The tab's content script; a tab without one (a browser page, or a page that blocks it) answers `unavailable`. */
const tab = createMessenger<PageMessages>({
  send: async (message) => {
    const id = await targetTab();
    if (id === undefined) throw new Error('no tab');
    return browser.tabs.sendMessage(id, message);
  },
});

const orNull = <T,>(answer: { ok: true; value: T } | { ok: false }) => (answer.ok ? answer.value : null);

const api: PopupApi = {
  pageState: async () => orNull(await tab.send('get-page-state', {})),
  checkPage: async () => orNull(await tab.send('check-page', {})),
  scrollTo: async (id) => void (await tab.send('scroll-to', { id })),
  caseFile: async () => orNull(await background.send('get-case', {}))?.case ?? null,
  additions: async (url) => orNull(await background.send('page-additions', { url }))?.additions ?? [],
  undoAddition: async (caseId, id) => {
    const answer = await background.send('undo-addition', { caseId, id });
    return answer.ok ? null : answer.message;
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  download: downloadText,
};

render(<Popup api={api} />, document.getElementById('app')!);
