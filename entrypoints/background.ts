import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CasefileService } from '../lib/background/service';

export default defineBackground(() => {
  const service = new CasefileService();
  browser.runtime.onInstalled.addListener(() => {
    service.ensureSeeded().catch((error) => console.error('Casefile: seeding the bundled case failed', error));
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== browser.runtime.id) return false;
    // A content script speaks for a web page, which may only ask for its own article to be
    // checked; the extension's own pages (popup, options) have its origin.
    const origin = sender.url?.startsWith(browser.runtime.getURL('/')) ? 'extension' : 'page';
    service.handle(message, origin).then(sendResponse, (error) => {
      console.error('Casefile: request failed', error);
      sendResponse({ error: String(error?.message ?? error) });
    });
    return true;
  });
});
