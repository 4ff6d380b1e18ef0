/**
 * Where the service listens: the one context of the extension that holds the database, the
 * cases' indexes, the recognisers and a DOM parser — Chrome's offscreen document, Firefox's
 * background page. Every sender's message (a page's check included) is answered here in one
 * hop: the page's HTML is parsed, read, checked and stored where it lands, with everything
 * warm from page to page. Thin wiring over `CasefileService.handle` and the message table.
 */
import { LONG_WORK_PORT, Reassembler, type PortAnswer, type PortLike } from '../messaging/messenger';
import { fail } from '../messaging/result';
import { senderAddress, type MessageSenderLike } from './sender';
import type { CasefileService } from './service';

/** Who sent a message, as the browser says (a content script's tab with its address now, for the top frame). */
export interface RuntimeSender extends MessageSenderLike {
  id?: string;
  url?: string;
}

/** The part of the extension runtime the host listens on (`browser.runtime`; a fake in tests). */
export interface HostRuntime {
  id: string;
  getURL(path: string): string;
  onMessage: { addListener(listener: (message: unknown, sender: RuntimeSender, sendResponse: (answer: unknown) => void) => boolean | undefined | void): void };
  onConnect: { addListener(listener: (port: PortLike & { name: string; sender?: RuntimeSender }) => void): void };
}

/** Answer every message and long-work port of this extension with `service`. */
export function hostService(runtime: HostRuntime, service: CasefileService): void {
  const extensionPages = runtime.getURL('/');
  runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's own pages and content scripts are answered.
    if (sender.id !== runtime.id) return false;
    // A content script speaks for a web page, which may only ask about its own article; the
    // extension's own pages (popup, options) have its origin. The table says who may ask what.
    const origin = sender.url?.startsWith(extensionPages) ? 'extension' : 'page';
    // A page that moved its address within its origin (history.pushState) speaks for where it is now.
    service.handle(message, origin, origin === 'page' ? senderAddress(sender) : sender.url).then(sendResponse);
    return true;
  });
  // Long work from the extension's own pages (imports, restores) reports its progress over a
  // port; a large file arrives in pieces. The same table answers it.
  runtime.onConnect.addListener((port) => {
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
}
