/**
 * `npm run baselines`: regenerate the saved baselines of tests/baselines/ (see
 * tests/helpers/baselines.ts) after a change to the checker that is meant to change them.
 * Read the diff before committing it: every changed line is a changed verdict.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { BASELINE_DIR, BASELINE_PAGES, baselineFile, baselineOf } from '../tests/helpers/baselines';

mkdirSync(BASELINE_DIR, { recursive: true });
for (const page of BASELINE_PAGES) {
  const baseline = baselineOf(page);
  writeFileSync(baselineFile(page), `${JSON.stringify(baseline, null, 1)}\n`);
  const conflicts = baseline.annotations.filter((a) => a.verdict === 'conflict').length;
  console.log(`${baseline.page}: ${baseline.annotations.length} annotations, ${conflicts} conflicts`);
}
