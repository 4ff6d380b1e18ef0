import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { Popup, type PopupApi } from '../../components/Popup';
import { caseFile, openSidePanel, storedArticle, toTab } from '../../components/extension';

const api: PopupApi = {
  pageState: () => toTab({ type: 'get-page-state' }),
  storedArticle,
  checkPage: () => toTab({ type: 'check-page' }),
  scrollTo: async (id) => void (await toTab({ type: 'scroll-to', id })),
  caseFile,
  openOptions: () => void browser.runtime.openOptionsPage(),
  openSidePanel: () => void openSidePanel().then((opened) => opened && window.close()),
  download: downloadText,
};

render(<Popup api={api} />, document.getElementById('app')!);
