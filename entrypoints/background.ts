import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAnalyser } from '../lib/background/analyser';
import { onCommand } from '../lib/background/commands';
import { senderAddress } from '../lib/background/sender';
import { CasefileService } from '../lib/background/service';
import { CasefileDB } from '../lib/db/schema';
import { LONG_WORK_PORT, Reassembler, type PortAnswer } from '../lib/messaging/messenger';
import { fail } from '../lib/messaging/result';

export default defineBackground(() => {
  const service = new CasefileService(new CasefileDB(), createAnalyser());
  // Ask the browser to keep this origin's data under storage pressure (cases, annotations, decisions).
  navigator.storage?.persist?.().catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => {
    service.ensureSeeded().catch((error) => console.error('Casefile: seeding the bundled case failed', error));
  });
  // The keyboard shortcuts (lib/background/commands.ts): the side panel, the next and previous flag.
  browser.commands?.onCommand.addListener((command, tab) => {
    const sidePanel = (browser as unknown as { sidePanel?: { open: (o: { windowId: number }) => Promise<void> } }).sidePanel;
    onCommand(command, tab, {
      toTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
      openSidePanel: sidePanel ? (windowId) => sidePanel.open({ windowId }) : undefined,
    });
  });
  const extensionPages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== browser.runtime.id) return false;
    // A content script speaks for a web page, which may only ask about its own article; the
    // extension's own pages (popup, options) have its origin. The table says who may ask what.
    const origin = sender.url?.startsWith(extensionPages) ? 'extension' : 'page';
    service.handle(message, origin, origin === 'page' ? senderAddress(sender) : sender.url).then(sendResponse);
    return true;
  });
  // Long work from the extension's own pages (imports, restores) reports its progress over a
  // port; a large file arrives in pieces. The same table answers it.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LONG_WORK_PORT || !port.sender?.url?.startsWith(extensionPages)) return;
    const pieces = new Reassembler();
    const post = (answer: PortAnswer) => port.postMessage(answer);
    port.onMessage.addListener((frame) => {
      const arrived = pieces.accept(frame);
      if (!arrived) return;
      if ('problem' in arrived) return post({ result: fail('malformed', arrived.problem) });
      // The answer goes once the handler has finished, and its write has landed.
      service.handle(arrived.message, 'extension', port.sender?.url, { progress: (progress) => post({ progress }) })
        .then((result) => post({ result }));
    });
  });
});
