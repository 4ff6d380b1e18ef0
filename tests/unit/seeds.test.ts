import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED, judgeSeed, SEED_PAGES, SEEDS_DIR } from '../helpers/seeds';
import { runPipeline } from '../helpers/pipeline';

describe.each(SEED_PAGES)('seed page %s (pipeline in Node)', (page) => {
  const run = runPipeline(readFileSync(resolve(SEEDS_DIR, page), 'utf8'), `http://127.0.0.1/${page}`)!;

  it('finds an article', () => {
    expect(run).not.toBeNull();
  });

  it('meets every expectation, stretch items included', () => {
    expect(judgeSeed(page, run.article.text, run.article.published, run.annotations)).toEqual([]);
  });

  it('keeps names outside the article out of the extracted text', () => {
    for (const name of EXPECTED.pages[page].outsideArticle) expect(run.article.text).not.toContain(name);
  });
});
