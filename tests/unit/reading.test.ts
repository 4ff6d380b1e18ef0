import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutACase, namesInFull } from '../../lib/check/about';
import { DEFAULT_READING, readingSettings, readsOn, siteKey, withSite } from '../../lib/page/settings';
import { runPipeline } from '../helpers/pipeline';
import { SEEDS_DIR } from '../helpers/seeds';

const OIL = readFileSync(resolve(import.meta.dirname, '../fixtures/oil-story.html'), 'utf8');
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

describe('reading settings', () => {
  it.each([
    [undefined, DEFAULT_READING],
    ['nonsense', DEFAULT_READING],
    [{ enabled: false }, { ...DEFAULT_READING, enabled: false }],
    [{ enabled: 'no', mode: 'loud', offSites: 'example.com' }, DEFAULT_READING],
    [{ mode: 'everything', offSites: ['WWW.Example.com', 'example.com', 'bad host!', 7] }, { enabled: true, mode: 'everything', offSites: ['example.com'] }],
  ])('reads %j as %j (anything malformed is the default)', (raw, settings) => {
    expect(readingSettings(raw)).toEqual(settings);
  });

  it('turns a site off and on by its host name, www. or not', () => {
    const off = withSite(DEFAULT_READING, 'www.news.example', false);
    expect(off.offSites).toEqual(['news.example']);
    expect(readsOn(off, 'news.example')).toBe(false);
    expect(readsOn(off, 'WWW.NEWS.EXAMPLE')).toBe(false);
    expect(readsOn(off, 'other.example')).toBe(true);
    expect(readsOn(withSite(off, 'news.example', true), 'news.example')).toBe(true);
    expect(readsOn({ ...DEFAULT_READING, enabled: false }, 'other.example')).toBe(false);
    expect(siteKey('WWW.A.Example')).toBe('a.example');
  });
});

describe('whether an article is about a case', () => {
  it.each([
    [{ kind: 'person', entity: 'alec_baldwin', exact: 'Alec Baldwin' }, true],
    [{ kind: 'person', entity: 'alec_baldwin', exact: 'Baldwin' }, false],
    [{ kind: 'person', entity: null, exact: 'Maria Delgado' }, false],
    [{ kind: 'organization', entity: 'rust_movie_productions', exact: 'Rust Movie Productions' }, true],
    [{ kind: 'place', entity: 'new_mexico', exact: 'New Mexico' }, false],
    [{ kind: 'person', entity: 'x', exact: 'J. R.' }, false],
  ] as const)('%j names a case\'s person or organisation in full: %s', (a, full) => {
    expect(namesInFull(a)).toBe(full);
  });

  it('is when a claim was checked against a case, or a case\'s person is named in full', () => {
    expect(aboutACase([{ kind: 'date', entity: null, exact: 'June 16, 2025', verdict: 'conflict' }])).toBe(true);
    expect(aboutACase([{ kind: 'person', entity: 'alec_baldwin', exact: 'Baldwin', verdict: 'unknown' }])).toBe(false);
    expect(aboutACase([])).toBe(false);
  });

  it('holds for the seed pages, and not for an oil-industry story full of names and dates', () => {
    for (const seed of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.html'))) expect(aboutACase(runPipeline(readFileSync(resolve(SEEDS_DIR, seed), 'utf8'))!.annotations), seed).toBe(true);
    const oil = runPipeline(OIL)!;
    expect(oil.annotations.length).toBeGreaterThan(25);
    expect(aboutACase(oil.annotations)).toBe(false);
  });

  // A sample of each (the whole corpus is told apart too, 25 of 25 and 46 of 46, but takes 15 s here).
  it('tells the corpus apart: unrelated stories are about no case, stories on the Rust case are about one', () => {
    const verdicts = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.html')).filter((_, i) => i % 6 === 0).map((f) => {
      const run = runPipeline(readFileSync(resolve(dir, f), 'utf8'));
      return [f, run ? aboutACase(run.annotations) : null] as const;
    });
    const unrelated = verdicts(resolve(CORPUS, 'dev'));
    const related = verdicts(resolve(CORPUS, 'rust-real/pages'));
    expect(unrelated.length).toBeGreaterThan(3);
    expect(related.length).toBeGreaterThan(6);
    expect(unrelated.filter(([, about]) => about)).toEqual([]);
    expect(related.filter(([, about]) => about === false)).toEqual([]);
  }, 120_000);
});
