import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { background, caseFile, loadSettings, openSidePanel, orNull, saveSettings, storedArticle, tab } from '../../components/extension';
import { Popup, type PopupApi } from '../../components/Popup';

const api: PopupApi = {
  pageState: async () => orNull(await tab.send('get-page-state', {})),
  storedArticle,
  checkPage: async (options) => orNull(await tab.send('check-page', options ?? {})),
  scrollTo: async (id) => !!orNull(await tab.send('scroll-to', { id }))?.scrolled,
  settings: loadSettings,
  saveSettings,
  caseFile,
  additions: async (url) => orNull(await background.send('page-additions', { url }))?.additions ?? [],
  undoAddition: async (caseId, id) => {
    const answer = await background.send('undo-addition', { caseId, id });
    return answer.ok ? null : answer.message;
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  openSidePanel: () => void openSidePanel().then((opened) => opened && window.close()),
  download: downloadText,
};

render(<Popup api={api} />, document.getElementById('app')!);
