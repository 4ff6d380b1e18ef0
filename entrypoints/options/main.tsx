import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../components/options/Options';
import type { OptionsApi } from '../../components/options/api';

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
      port.postMessage(message);
    }),
  download: (name, type, text) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

render(<Options api={api} />, document.getElementById('app')!);
