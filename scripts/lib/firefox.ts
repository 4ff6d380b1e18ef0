/**
 * Runs the Firefox build in Debian's Firefox ESR, headless, driven by puppeteer-core over
 * WebDriver BiDi (Firefox speaks no CDP). The add-on is installed as a temporary add-on
 * (`webExtension.install`), as `about:debugging` would. Every request that leaves this
 * machine is refused at once: Firefox is given a proxy on a closed local port for all but
 * 127.0.0.1, so a page's remote scripts, fonts and ads fail fast instead of waiting on DNS.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Where `wxt build -b firefox` writes (the manifest version follows wxt.config.ts). */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Port 9 (discard) has no listener here: a proxied request is refused at once. */
const NO_NETWORK = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '127.0.0.1, localhost',
};

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on's id, as Firefox installed it. */
  addonId: string;
  close: () => Promise<void>;
}

/** Launch Firefox ESR headless with the Firefox build of Casefile installed (fresh profile each time). */
export async function launchFirefoxWithExtension(options: { extensionDir?: string; headless?: boolean } = {}): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`The Firefox build is missing (${extensionDir}): run \`npm run build:firefox\` first.`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it with \`apt-get install -y firefox-esr\` (or set FIREFOX_PATH).`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: NO_NETWORK,
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    return { browser, addonId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
