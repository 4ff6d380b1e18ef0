/**
 * Runs the built extension in Debian's Chromium (headless unless a display is asked for),
 * with every request that leaves 127.0.0.1 blocked — real pages reference remote scripts,
 * fonts and images, and Casefile must work offline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { StoredArticle } from '../../lib/db/schema';
import { READING_KEY, type ReadingSettings } from '../../lib/page/settings';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** An extension page, for talking to the background as the popup does. */
  extensionPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** Chromium's flags for this machine: headless, no sandbox, no GPU, nothing fetched in the background. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Let requests to this machine through and refuse every other (the pages' remote scripts, fonts, ads). */
async function blockRemote(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort('blockedbyclient');
  });
}

/** Launch Chromium with the built extension (or the one in `extensionDir`) loaded, in a fresh profile (or `profileDir`). */
export async function launchWithExtension(options: { headless?: boolean; profileDir?: string; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`The extension is not built (${extensionDir} is missing): run \`npm run build\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  const headless = options.headless ?? true;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'casefile-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [...(headless ? ['--headless=new'] : []), ...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  await blockRemote(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  // One extension page, opened once even when several callers ask at the same moment.
  let page: Promise<Page> | null = null;
  const openExtensionPage = async () => {
    const opened = await context.newPage();
    await opened.goto(`chrome-extension://${extensionId}/popup.html`);
    return opened;
  };
  return {
    context,
    extensionId,
    worker,
    extensionPage: async () => {
      if (page && !(await page).isClosed()) return page;
      page = openExtensionPage();
      page.catch(() => { page = null; });
      return page;
    },
    close: async () => {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The same browser without the extension, for telling a page's own errors from ours: the
 * sweep loads a page here too and discounts the errors it shows without Casefile.
 */
export async function pageErrorsWithoutExtension(url: string): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: false,
    args: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await blockRemote(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(1500);
    return errors;
  } finally {
    await browser.close();
  }
}

/** The extension API as a page of the extension sees it (typed loosely: it runs in Chromium). */
declare const chrome: any;

/**
 * Open the popup as a page for the most recently opened web page tab (`popup.html?tab=ID`),
 * as the toolbar button would for the active tab.
 */
export async function openPopupFor(browser: ExtensionBrowser, size = { width: 380, height: 760 }): Promise<Page> {
  return openExtensionPageFor(browser, 'popup.html', size);
}

/** Open one of the extension's pages (popup, side panel) as a page speaking for the most recently opened web page tab (`?tab=ID`). */
export async function openExtensionPageFor(browser: ExtensionBrowser, path: string, size: { width: number; height: number }): Promise<Page> {
  const ext = await browser.extensionPage();
  const tabId = await ext.evaluate(async () => {
    const tabs: { id?: number; url?: string }[] = await chrome.tabs.query({});
    const own = await chrome.tabs.getCurrent();
    return tabs.filter((t) => t.id !== own?.id && !t.url?.startsWith('chrome-extension:')).map((t) => t.id).pop();
  });
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}?tab=${tabId}`);
  return page;
}

/** Ask the background for what it stored about a URL (the same message the popup uses). */
export async function storedArticle(browser: ExtensionBrowser, url: string): Promise<{ article: StoredArticle | null; status: string | null }> {
  const answer = await askBackground(browser, { type: 'get-article', url });
  if (!answer.ok) throw new Error(`get-article: ${answer.message}`);
  return answer.value as { article: StoredArticle | null; status: string | null };
}

/** One message to the background from an extension page, as the popup and the options page send them; its `Result`. */
export async function askBackground(browser: ExtensionBrowser, message: { type: string } & Record<string, unknown>): Promise<{ ok: true; value: any } | { ok: false; code: string; message: string; problems: string[] }> {
  const page = await browser.extensionPage();
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/** Change the reader's settings as the popup keeps them (pages opened after read them; open pages follow). */
export async function setReading(browser: ExtensionBrowser, settings: Partial<ReadingSettings>): Promise<void> {
  const page = await browser.extensionPage();
  await page.evaluate(async ([key, changes]) => {
    const now = (await chrome.storage.local.get(key))[key] ?? {};
    await chrome.storage.local.set({ [key]: { ...now, ...changes } });
  }, [READING_KEY, settings] as const);
}

/** The tab whose content script speaks for this page address, and its state (extension pages see no tab addresses: each tab is asked). */
async function findTab(browser: ExtensionBrowser, tabUrl: string): Promise<{ id: number; state: import('../../lib/messaging/protocol').PageState } | null> {
  const ext = await browser.extensionPage();
  return ext.evaluate(async (u) => {
    for (const t of await chrome.tabs.query({})) {
      try {
        const answer = await chrome.tabs.sendMessage(t.id, { type: 'get-page-state' });
        // Builds before the message table answered with the state itself (the bench can run them).
        const state = answer?.ok === true && answer.value ? answer.value : answer;
        if (state?.url === u) return { id: t.id as number, state };
      } catch {
        // No content script in that tab.
      }
    }
    return null;
  }, tabUrl);
}

/** The id of the tab whose content script speaks for this page address. */
export async function tabIdOf(browser: ExtensionBrowser, tabUrl: string): Promise<number | null> {
  return (await findTab(browser, tabUrl))?.id ?? null;
}

/** A tab's content script state (as the popup asks for it), or null where there is none. */
export async function tabState(browser: ExtensionBrowser, tabUrl: string): Promise<import('../../lib/messaging/protocol').PageState | null> {
  return (await findTab(browser, tabUrl))?.state ?? null;
}

/** Open a page and wait until Casefile has checked it (or skipped it). */
export async function checkPage(browser: ExtensionBrowser, url: string, timeoutMs = 30_000): Promise<{ page: Page; article: StoredArticle | null; status: string | null }> {
  const page = await browser.context.newPage();
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  for (;;) {
    const answer = await storedArticle(browser, url);
    if (answer.article && Date.parse(answer.article.checkedAt) >= started) return { page, ...answer };
    if (answer.status && answer.status !== 'checked') return { page, ...answer };
    if (Date.now() - started > timeoutMs) return { page, article: null, status: 'timeout' };
    await new Promise((r) => setTimeout(r, 100));
  }
}
