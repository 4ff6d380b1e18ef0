/**
 * A correct timeline article about the case (tests/fixtures/rust-timeline.html, written for
 * the purpose from the fact sheet, in our own words) must raise no conflict, and the checker
 * must actually read its claims rather than stay silent.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/engine/pipeline';
import { parseWithLinkedom } from '../../lib/engine/linkedom';
import { bundledIndex } from '../helpers/pipeline';

const html = readFileSync(resolve(import.meta.dirname, '../fixtures/rust-timeline.html'), 'utf8');

describe('a correct timeline article', () => {
  const run = checkHtml(html, 'http://127.0.0.1/rust-timeline.html', bundledIndex(), parseWithLinkedom)!;

  it('raises no conflict', () => {
    expect(run.annotations.filter((a) => a.verdict === 'conflict').map((a) => `${a.exact}: ${a.explanation}`)).toEqual([]);
  });

  it('checks most of its dated claims and finds them consistent', () => {
    const dates = run.annotations.filter((a) => a.kind === 'date');
    const consistent = dates.filter((a) => a.verdict === 'consistent');
    expect(dates.length).toBeGreaterThanOrEqual(25);
    expect(consistent.length / dates.length).toBeGreaterThanOrEqual(0.75);
  });
});
