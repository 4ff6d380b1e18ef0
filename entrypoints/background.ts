import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAnalyser } from '../lib/background/analyser';
import { CasefileService } from '../lib/background/service';
import { CasefileDB } from '../lib/db/schema';

export default defineBackground(() => {
  const service = new CasefileService(new CasefileDB(), createAnalyser());
  // Ask the browser to keep this origin's data under storage pressure (cases, annotations, decisions).
  navigator.storage?.persist?.().catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => {
    service.ensureSeeded().catch((error) => console.error('Casefile: seeding the bundled case failed', error));
  });
  // Chrome's shortcut for the side panel (Firefox's sidebar command needs no code). The panel
  // must open within the key press, so nothing is awaited before.
  browser.commands?.onCommand.addListener((command, tab) => {
    const sidePanel = (browser as unknown as { sidePanel?: { open: (o: { windowId: number }) => Promise<void> } }).sidePanel;
    if (command === 'open-side-panel' && tab?.windowId !== undefined) sidePanel?.open({ windowId: tab.windowId }).catch((error) => console.warn('Casefile: the side panel did not open', error));
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== browser.runtime.id) return false;
    // A content script speaks for a web page, which may only ask for its own article to be
    // checked; the extension's own pages (popup, options) have its origin.
    const origin = sender.url?.startsWith(browser.runtime.getURL('/')) ? 'extension' : 'page';
    service.handle(message, origin, sender.url).then(sendResponse, (error) => {
      console.error('Casefile: request failed', error);
      sendResponse({ error: String(error?.message ?? error) });
    });
    return true;
  });
  // Large imports from the options page report their progress over a port.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'casefile-import' || !port.sender?.url?.startsWith(browser.runtime.getURL('/'))) return;
    // A large file arrives in pieces: {begin, field}, {chunk}…, {end}; anything else is one message.
    let pending: { message: Record<string, unknown>; field: string; parts: string[] } | null = null;
    port.onMessage.addListener((raw) => {
      let message = raw;
      if (raw?.begin && typeof raw.field === 'string') {
        pending = { message: raw.begin, field: raw.field, parts: [] };
        return;
      }
      if (typeof raw?.chunk === 'string' && pending) {
        pending.parts.push(raw.chunk);
        return;
      }
      if (raw?.end && pending) {
        message = { ...pending.message, [pending.field]: pending.parts.join('') };
        pending = null;
      }
      service.handleImport(message, (progress) => port.postMessage({ progress }))
        .then((result) => port.postMessage({ result }), (error) => {
          console.error('Casefile: import failed', error);
          port.postMessage({ result: { ok: false, problems: [`the import failed and nothing was stored: ${String(error?.message ?? error)}`] } });
        });
    });
  });
});
