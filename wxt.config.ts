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
    browser_specific_settings: { gecko: { id: 'casefile@casefile.dev', strict_min_version: '115.0' } },
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
