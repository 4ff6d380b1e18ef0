import { defineConfig } from 'wxt';

// Permissions are minimal; the README says why each is needed. Content scripts match
// http(s) pages only, and the extension makes no network request of its own.
export default defineConfig({
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Casefile',
    description: 'Highlights names and dates in news articles and checks claims against a case dataset kept in your browser.',
    // Casefile's service lives in one page, the host (entrypoints/host/): Chrome opens it as an
    // offscreen document (its service worker has no DOM parser, and only keeps the host open);
    // Firefox runs it as its background page.
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    ...(browser === 'firefox' ? { background: { page: 'host.html' } } : {}),
    action: { default_title: 'Casefile' },
    // Keyboard (README, "Keyboard"): Alt+Shift+K opens the side panel (Firefox opens its
    // sidebar itself; Chrome's command is answered in the background with sidePanel.open);
    // Alt+Shift+J and Alt+Shift+H go to the next and previous flag (lib/background/commands.ts).
    // Chrome and Firefox both take Alt+Shift+letter; Chrome allows four suggested keys.
    commands: {
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open the Casefile side panel' } }
        : { 'open-side-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open the Casefile side panel' } }),
      'next-flag': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Go to the next flag on the page' },
      'previous-flag': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Go to the previous flag on the page' },
    },
    // Casefile collects nothing: what it reads and stores stays in the browser.
    browser_specific_settings: { gecko: { id: 'casefile@casefile.dev', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } },
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
