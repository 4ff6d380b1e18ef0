import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_PAGES, baselineFile, baselineOf } from '../helpers/baselines';

describe.each(BASELINE_PAGES)('saved baseline of %s', (page) => {
  it('gives the same annotations as saved (regenerate on purpose with npm run baselines)', () => {
    const file = baselineFile(page);
    expect(existsSync(file), `${file} is missing: run npm run baselines`).toBe(true);
    expect(baselineOf(page)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
