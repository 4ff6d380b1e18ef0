/**
 * The reader's keyboard shortcuts (the manifest's `commands`), as the background answers
 * them: Alt+Shift+K opens the side panel (Chrome; Firefox opens its sidebar itself), and
 * Alt+Shift+J / Alt+Shift+H go to the next / previous flag in the active tab — the tab's
 * content script is told, and scrolls to the flag and focuses it (`focus-flag`).
 */
import type { PageMessages } from '../page/messages';

/** The shortcut commands that move between flags, and their direction. */
export const FLAG_COMMANDS: Record<string, PageMessages['focus-flag']['request']['direction']> = {
  'next-flag': 'next',
  'previous-flag': 'previous',
};

export interface CommandTab {
  id?: number;
  windowId?: number;
}

export interface CommandDeps {
  /** A message to a tab's content script (its answer, or a failure). */
  toTab: (tabId: number, message: { type: 'focus-flag' } & PageMessages['focus-flag']['request']) => Promise<unknown>;
  /** Chrome's side panel for a window; it must be asked for within the key press, with nothing awaited before. */
  openSidePanel?: (windowId: number) => Promise<void>;
}

/** Answer one command; resolves when it is done (its failure is logged, never thrown: a page without Casefile is no error). */
export function onCommand(command: string, tab: CommandTab | undefined, deps: CommandDeps): Promise<void> {
  if (command === 'open-side-panel') {
    if (tab?.windowId === undefined || !deps.openSidePanel) return Promise.resolve();
    return deps.openSidePanel(tab.windowId).catch((error) => console.warn('Casefile: the side panel did not open', error));
  }
  const direction = FLAG_COMMANDS[command];
  if (!direction || tab?.id === undefined) return Promise.resolve();
  return deps.toTab(tab.id, { type: 'focus-flag', direction }).then(
    () => undefined,
    () => undefined, // No content script there (a browser page, or one where Casefile is not allowed).
  );
}

/** The part of the extension API the shortcuts need (`browser`). */
export interface CommandsApi {
  commands?: { onCommand: { addListener(listener: (command: string, tab?: CommandTab) => void): void } };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

/** Answer the shortcuts where the browser delivers them (Chrome's worker, Firefox's background page). */
export function listenForCommands(api: CommandsApi): void {
  api.commands?.onCommand.addListener((command, tab) => {
    const sidePanel = (api as unknown as { sidePanel?: { open: (o: { windowId: number }) => Promise<void> } }).sidePanel;
    onCommand(command, tab, {
      toTab: (tabId, message) => api.tabs.sendMessage(tabId, message),
      openSidePanel: sidePanel ? (windowId) => sidePanel.open({ windowId }) : undefined,
    });
  });
}
