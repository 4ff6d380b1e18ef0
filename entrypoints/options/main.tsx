import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { Options } from '../../components/options/Options';
import type { OptionsApi } from '../../components/options/api';

const CHUNK = 1 << 20;

/** The options page's only way to the data: messages to the background, which validates and stores. */
const api: OptionsApi = {
  send: (message) => browser.runtime.sendMessage(message),
  importWithProgress: (message, onProgress) =>
    new Promise((resolve) => {
      const port = browser.runtime.connect({ name: 'casefile-import' });
      port.onMessage.addListener((m: { progress?: string; result?: unknown }) => {
        if (m.progress) onProgress(m.progress);
        if (m.result !== undefined) {
          resolve(m.result as never);
          port.disconnect();
        }
      });
      port.onDisconnect.addListener(() => resolve({ ok: false, problems: ['the background stopped before the import finished; nothing was stored'] } as never));
      // A large file goes in 1 MB pieces: one huge message would hold this page's thread
      // for as long as it takes to serialise, and the page must stay responsive.
      const field = 'text' in message ? 'text' : 'file' in message && typeof message.file === 'string' ? 'file' : null;
      const body = field ? ((message as Record<string, unknown>)[field] as string) : '';
      if (!field || body.length < CHUNK) {
        port.postMessage(message);
        return;
      }
      port.postMessage({ begin: { ...message, [field]: null }, field, length: body.length });
      let at = 0;
      const next = () => {
        if (at >= body.length) {
          port.postMessage({ end: true });
          return;
        }
        port.postMessage({ chunk: body.slice(at, at + CHUNK) });
        at += CHUNK;
        onProgress(`sending ${Math.min(100, Math.round((100 * at) / body.length))}%`);
        setTimeout(next, 0);
      };
      next();
    }),
  download: downloadText,
};

render(<Options api={api} />, document.getElementById('app')!);
