/**
 * tldts's own minified build: the same `getDomain` as the package's module entry, which the
 * extension's bundler would otherwise take unminified (+276 KB in the background instead of
 * +136 KB, measured). The package names no types for this file.
 */
declare module 'tldts/dist/index.esm.min.js' {
  export { getDomain } from 'tldts';
}
