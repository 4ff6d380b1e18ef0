import { render } from 'preact';
import { browser } from 'wxt/browser';
import { caseFile, fixedTab, orNull, storedArticle, tab, targetTab } from '../../components/extension';
import { SidePanel, type SidePanelApi } from '../../components/SidePanel';

const api: SidePanelApi = {
  pageState: async () => orNull(await tab.send('get-page-state', {})),
  storedArticle,
  caseFile,
  checkPage: async (options) => orNull(await tab.send('check-page', options ?? {})),
  scrollTo: async (id) => !!orNull(await tab.send('scroll-to', { id }))?.scrolled,
  // Switching tabs in this window, or the followed tab navigating or reloading.
  onTabChange: (callback) => {
    const activated = (info: { windowId: number }) => { if (!fixedTab()) browser.windows.getCurrent().then((w) => info.windowId === w.id && callback()); };
    const updated = async (tabId: number, change: { status?: string; url?: string }) => {
      if ((change.status === 'complete' || change.url) && tabId === (await targetTab())) callback();
    };
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);
    return () => {
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
    };
  },
};

render(<SidePanel api={api} />, document.getElementById('app')!);
