/**
 * `npm run check` on a fresh clone, or after an edit, must not run an old extension (or fail for
 * want of one): the build is redone when any source is newer than the built manifest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** What the built extension is made from. */
const SOURCES = ['lib', 'entrypoints', 'components', 'public', 'wxt.config.ts', 'package.json'];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), stat.mtimeMs);
}

/** Whether the Chromium build at `extensionDir` is missing or older than a source file. */
export function buildIsStale(extensionDir: string): boolean {
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.some((s) => newestIn(join(ROOT, s)) > built);
}

/** Build the Chromium extension when it is stale; the build's own output goes to stderr, so stdout stays the command's. */
export function ensureFreshBuild(extensionDir: string): void {
  if (!buildIsStale(extensionDir)) return;
  console.error('check: building the extension first (it is missing or older than its sources)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}
