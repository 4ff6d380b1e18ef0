import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { background, caseFile, openSidePanel, orNull, storedArticle, tab } from '../../components/extension';
import { Popup, type PopupApi } from '../../components/Popup';

const api: PopupApi = {
  pageState: async () => orNull(await tab.send('get-page-state', {})),
  storedArticle,
  checkPage: async () => orNull(await tab.send('check-page', {})),
  scrollTo: async (id) => void (await tab.send('scroll-to', { id })),
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
