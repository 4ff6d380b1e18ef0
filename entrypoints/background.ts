// Chrome's service worker. It has no DOM parser, so Casefile's service lives in the host page
// (entrypoints/host/), opened as an offscreen document; the worker keeps that document open,
// answers no message itself (so a page's HTML reaches the host alone), and takes what only a
// worker can: the keyboard shortcuts. Firefox has no worker: its background page is the host
// page itself (see wxt.config.ts), which takes the shortcuts there.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listenForCommands } from '../lib/background/commands';
import { keepHost, type KeeperApi } from '../lib/background/keeper';

export default defineBackground({
  exclude: ['firefox'],
  main() {
    const ensure = keepHost(browser as unknown as KeeperApi);
    browser.runtime.onStartup.addListener(() => { ensure().catch(() => undefined); });
    browser.runtime.onInstalled.addListener(() => { ensure().catch(() => undefined); });
    listenForCommands(browser);
  },
});
