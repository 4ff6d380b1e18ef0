/**
 * Saved baselines: for the seed pages and a handful of the shared real articles, every
 * annotation the engine gives (where, what, which entity or event, which verdict), kept as
 * JSON under tests/baselines/. A change in what the checker says on these pages fails the test
 * until the baselines are regenerated on purpose with `npm run baselines` (and the diff read).
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkHtml } from '../../lib/engine/pipeline';
import { parseWithLinkedom } from '../../lib/engine/linkedom';
import { bundledIndex } from './pipeline';
import { SEEDS_DIR } from './seeds';

const REAL = resolve(import.meta.dirname, '../../../shared/corpus/rust-real/pages');
export const BASELINE_DIR = resolve(import.meta.dirname, '../baselines');

/** The pages kept: both seeds and six real articles with flags, false alarms once, misspellings and ages. */
export const BASELINE_PAGES = [
  resolve(SEEDS_DIR, '000_ed7fe8675b0af3e5.html'),
  resolve(SEEDS_DIR, '003_d2d70b7a6efd8930.html'),
  resolve(REAL, '02-cbsla-practicing-holstering.html'),
  resolve(REAL, '22-usatoday-baldwin-sues-armorer.html'),
  resolve(REAL, '44-freedomsphoenix-epoch-guilty.html'),
  resolve(REAL, '49-yahoouk-telegraph-armourer-jailed.html'),
  resolve(REAL, '67-allcountygazette-sues-prosecutors.html'),
  resolve(REAL, '74-wsbradio-civil-lawsuit-dismissed.html'),
  resolve(import.meta.dirname, '../fixtures/rust-timeline.html'),
];

/** What a page's baseline holds: its annotations, compactly. */
export function baselineOf(file: string) {
  const name = basename(file);
  const result = checkHtml(readFileSync(file, 'utf8'), `http://127.0.0.1/${name}`, bundledIndex(), parseWithLinkedom);
  return {
    page: name,
    published: result?.article.published ?? null,
    annotations: (result?.annotations ?? []).map((a) => ({
      exact: a.exact, start: a.start, end: a.end, kind: a.kind, entity: a.entity, value: a.value, verdict: a.verdict,
      ...(a.event !== undefined ? { event: a.event } : {}),
    })),
  };
}

export const baselineFile = (file: string) => resolve(BASELINE_DIR, `${basename(file, '.html')}.json`);
