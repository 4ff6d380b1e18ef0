/**
 * What the popup and the side panel ask of the extension: the tab they speak for (the active
 * tab of their window, or `?tab=ID` when opened as a tab of their own, for tests and
 * screenshots) and its content script, the stored article and the case from the background,
 * and opening the side panel. Both go through the typed messengers, and every answer is a
 * `Result`; a failure becomes null here, where the views show "cannot read this page".
 */
import { browser } from 'wxt/browser';
import type { Messages } from '../lib/background/table';
import type { CaseFile } from '../lib/cases/format';
import type { StoredArticle } from '../lib/db/schema';
import { createMessenger } from '../lib/messaging/messenger';
import { runtimeTransport } from '../lib/messaging/runtime-transport';
import type { PageState } from '../lib/messaging/protocol';
import type { Result } from '../lib/messaging/result';
import type { PageMessages } from '../lib/page/messages';
import { READING_KEY, readingSettings, type ReadingSettings } from '../lib/page/settings';

/** A fixed tab from `?tab=ID`, if the page was opened with one. */
export function fixedTab(): number | undefined {
  return Number(new URLSearchParams(location.search).get('tab')) || undefined;
}

export async function targetTab(): Promise<number | undefined> {
  const fixed = fixedTab();
  if (fixed) return fixed;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The background's message table. */
export const background = createMessenger<Messages>(runtimeTransport(browser.runtime));

/** The target tab's content script; a tab without one (a browser page, or a page that blocks it) answers `unavailable`. */
export const tab = createMessenger<PageMessages>({
  send: async (message) => {
    const id = await targetTab();
    if (id === undefined) throw new Error('no tab');
    return browser.tabs.sendMessage(id, message);
  },
});

/** A result's value, or null when it failed. */
export const orNull = <T,>(answer: Result<T>): T | null => (answer.ok ? answer.value : null);

/** What the background stored for the tab's article (text, page map, decisions). */
export async function storedArticle(state: PageState): Promise<StoredArticle | null> {
  return orNull(await background.send('get-article', { url: state.url, canonical: state.canonical ?? undefined }))?.article ?? null;
}

/** The active case (the first active one), for the case browser and the timeline. */
export async function caseFile(): Promise<CaseFile | null> {
  return orNull(await background.send('get-case', {}))?.case ?? null;
}

/** The window the page is in, known ahead: opening the side panel must happen within the click, with nothing awaited first. */
let windowId: number | undefined;
browser.windows?.getCurrent?.().then((w) => { windowId = w.id; }, () => undefined);

interface PanelApis {
  sidePanel?: { open: (options: { windowId: number }) => Promise<void> };
  sidebarAction?: { open: () => Promise<void> };
}

/**
 * Open the side panel from a click: Firefox's sidebar, or Chrome's side panel for this
 * window. Resolves to false where the browser has neither.
 */
export function openSidePanel(): Promise<boolean> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction?.open) return apis.sidebarAction.open().then(() => true, () => false);
  if (apis.sidePanel?.open && windowId !== undefined) return apis.sidePanel.open({ windowId }).then(() => true, () => false);
  return Promise.resolve(false);
}

/** The reader's settings, as stored (defaults where nothing is). */
export async function loadSettings(): Promise<ReadingSettings> {
  return readingSettings((await browser.storage.local.get(READING_KEY))[READING_KEY]);
}

/** Keep the reader's settings: every open page follows them at once (`storage.onChanged`). */
export async function saveSettings(settings: ReadingSettings): Promise<void> {
  await browser.storage.local.set({ [READING_KEY]: readingSettings(settings) });
}
