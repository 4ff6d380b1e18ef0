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
    service.handle(message).then(sendResponse, (error) => {
      console.error('Casefile: request failed', error);
      sendResponse({ error: String(error?.message ?? error) });
    });
    return true;
  });
});
