/**
 * A handful of real pages from the sweep, in CI: the built extension must find each article,
 * throw no error, highlight nothing outside the article body, and raise no false alarm on
 * stories that have nothing to do with the Rust case (the seed pages keep their flags).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { sweep, type SweepRow } from '../../scripts/lib/sweep';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/dev');
const SEEDS = resolve(import.meta.dirname, '../../../shared/fixtures/seeds');
const PAGES = [
  `${CORPUS}/aeb-reuters_com-57d46c9d.html`,
  `${CORPUS}/aeb-bbc_com-70cb2d5b.html`,
  `${CORPUS}/rdb-lemonde-1.html`,
  `${CORPUS}/rdb-telegraph.html`,
  // Its photo credits carry only hashed classes and schema.org's copyrightHolder.
  `${CORPUS}/aeb-nytimes_com-702d1da6.html`,
  `${SEEDS}/003_d2d70b7a6efd8930.html`,
];

let browser: ExtensionBrowser;
let rows: SweepRow[];

beforeAll(async () => {
  browser = await launchWithExtension();
  rows = await sweep(browser, PAGES);
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('sweep subset', () => {
  it.each(PAGES.map((p) => [p.split('/').pop()!]))('%s: an article, no error, nothing outside it', (name) => {
    const row = rows.find((r) => r.page.endsWith(name))!;
    expect(row.article).toBe(true);
    expect(row.errors).toEqual([]);
    expect(row.outside).toEqual([]);
    expect(row.names).toBeGreaterThan(0);
  });

  it('raises no false alarm on unrelated stories, and still flags the seed', () => {
    expect(rows.filter((r) => r.page.includes('corpus')).map((r) => [r.page, r.flags])).toEqual(
      rows.filter((r) => r.page.includes('corpus')).map((r) => [r.page, 0]),
    );
    expect(rows.find((r) => r.page.includes('003_'))!.flags).toBeGreaterThan(0);
  });
});
