import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadText } from '../../components/download';
import { Options } from '../../components/options/Options';
import type { OptionsApi } from '../../components/options/api';
import type { Messages } from '../../lib/background/table';
import { decodeText } from '../../lib/cases/read';
import { createMessenger } from '../../lib/messaging/messenger';

/** The options page's only way to the data: messages to the background, which validates and stores. */
const api: OptionsApi = {
  messenger: createMessenger<Messages>({
    send: (message) => browser.runtime.sendMessage(message),
    connect: (name) => browser.runtime.connect({ name }),
  }),
  download: downloadText,
  readText: async (file) => decodeText(new Uint8Array(await file.arrayBuffer())),
};

render(<Options api={api} />, document.getElementById('app')!);
