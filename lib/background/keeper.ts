/**
 * Chrome's service worker keeps the host open: it has no DOM parser, so the service lives in
 * an offscreen document (see `host.ts`), and the worker's only duty is that the document
 * exists — made when the worker starts, and again whenever a sender finds nobody answering
 * and knocks on the wake port. The worker answers no message itself, so a page's HTML is
 * delivered to the host alone and crosses between processes once.
 */
import type { PortLike } from '../messaging/messenger';

/** The port a sender opens when its message found no receiver: the worker makes the host, then says so. */
export const WAKE_PORT = 'casefile-wake';

/** The port the host writes its problems to, so they show in the worker's console with the rest. */
export const LOG_PORT = 'casefile-log';

export const HOST_PAGE = 'host.html';

/** The parts of Chrome's API the keeper uses (a fake in tests). */
export interface KeeperApi {
  offscreen: { createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void> };
  runtime: {
    getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
    getURL(path: string): string;
    onConnect: { addListener(listener: (port: PortLike & { name: string; sender?: { url?: string } }) => void): void };
  };
}

/** Make the host document unless it is open; resolves once it is (a second caller waits for the first). */
export function hostKeeper(api: KeeperApi): () => Promise<void> {
  let making: Promise<void> | null = null;
  return () => {
    making ??= (async () => {
      if ((await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length) return;
      try {
        await api.offscreen.createDocument({
          url: HOST_PAGE,
          reasons: ['DOM_PARSER'],
          justification: 'Read, check and keep the articles the reader opens, off the pages\' threads.',
        });
      } catch (error) {
        // A racing start of this worker made it first: that one will do.
        if (!/single offscreen document/i.test(String((error as Error)?.message ?? error))) throw error;
      }
    })().finally(() => { making = null; });
    return making;
  };
}

/** Keep the host open: now, and whenever a sender knocks. Returns the keeper (for events that need it). */
export function keepHost(api: KeeperApi): () => Promise<void> {
  const ensure = hostKeeper(api);
  ensure().catch((error) => console.error('Casefile: the host document could not be made', error));
  const extensionPages = api.runtime.getURL('/');
  api.runtime.onConnect.addListener((port) => {
    if (port.name === WAKE_PORT) {
      const reply = (answer: object) => {
        try {
          port.postMessage(answer);
        } catch {
          // The sender gave up waiting.
        }
      };
      ensure().then(() => reply({ ready: true }), (error) => reply({ error: String((error as Error)?.message ?? error) }));
    } else if (port.name === LOG_PORT && port.sender?.url?.startsWith(extensionPages)) {
      port.onMessage.addListener((m) => {
        const line = m as { level?: string; text?: string };
        if (typeof line?.text === 'string') (line.level === 'warn' ? console.warn : console.error)(line.text.slice(0, 4000));
      });
    }
    // Other ports are the host's (long work): left alone, for a receiver's disconnect can close
    // the sender's end while another receiver still holds it.
  });
  return ensure;
}
