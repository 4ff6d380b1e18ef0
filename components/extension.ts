/**
 * What the popup and the side panel ask of the extension: the tab they speak for (the active
 * tab of their window, or `?tab=ID` when opened as a tab of their own, for tests and
 * screenshots) and its content script, the stored article and the case from the background,
 * and opening the side panel.
 */
import { browser } from 'wxt/browser';
import type { CaseFile } from '../lib/cases/format';
import type { PageState, StoredArticle } from '../lib/messaging/protocol';

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

/** A message to the target tab's content script; null when there is none (a browser page, or a page that blocks it). */
export async function toTab<T = any>(message: object): Promise<T | null> {
  const id = await targetTab();
  if (id === undefined) return null;
  try {
    return (await browser.tabs.sendMessage(id, message)) ?? null;
  } catch {
    return null;
  }
}

/** What the background stored for the tab's article (text, page map, decisions). */
export async function storedArticle(state: PageState): Promise<StoredArticle | null> {
  return (await browser.runtime.sendMessage({ type: 'get-article', url: state.url, canonical: state.canonical }))?.article ?? null;
}

/** The active case (the first active one), for the case browser and the timeline. */
export async function caseFile(): Promise<CaseFile | null> {
  return (await browser.runtime.sendMessage({ type: 'get-case' }))?.case ?? null;
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
