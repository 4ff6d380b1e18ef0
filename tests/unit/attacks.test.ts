/**
 * The attacks of issue 12 that can be played without a browser, each as a test that failed
 * on the code before the fix (e22c249) and passes now. Numbers follow the issue: 1 history
 * harvesting, 2 a minimal case file, 3 records of other origins, 5 Markdown injection,
 * 6 malformed backups, 7 the smaller ones. (4, clickjacking, and the hostile page scripts of
 * 1 and 7 need a browser: tests/browser/attacks.test.ts.) Modules the old code did not have
 * are imported inside the tests that need them, so each test fails on its own.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Highlighter } from '../../lib/anchor/highlighter';
import { CasefileService } from '../../lib/background/service';
import { validateCase } from '../../lib/cases/validate';
import { CasefileDB } from '../../lib/db/schema';
import { saveArticle } from '../../lib/db/store';
import { toMarkdown } from '../../lib/export/markdown';
import { extractArticle } from '../../lib/extract/article';
import { htmlDocument } from '../helpers/pipeline';
import { ask, refusal } from '../helpers/service';

const ROOT = resolve(import.meta.dirname, '../..');
const fresh = () => {
  const db = new CasefileDB(`attack-${Math.random()}`);
  return { db, service: new CasefileService(db) };
};
const stay = (service: CasefileService, url: string) => service.handle({ type: 'page-stayed', url }, 'page', url);

/** An article stating the date of the shooting (the bundled case has 2021-10-21). */
const shooting = (url: string, date: string, title = 'Rust') => ({
  url, title, site: null, published: '2025-01-15',
  text: `Alec Baldwin was on the set of Rust when Halyna Hutchins was fatally shot on ${date}, in New Mexico.`,
});
const dateClaim = (answer: any) => answer.annotations.find((a: any) => a.kind === 'date' && a.claimKey);

describe('1. a page cannot harvest what the reader follows', () => {
  it('names other articles on a card by site and title, never by URL', async () => {
    const { service } = fresh();
    const intranet = 'https://intranet.corp.example/members/profile?member=4411';
    await ask(service, { type: 'check-article', article: shooting(intranet, 'Oct. 22, 2021', 'Member notes') }, 'page', intranet);
    await service.settled();
    await stay(service, intranet);
    const answer = await ask(service, { type: 'check-article', article: shooting('https://news.example/rust', 'Oct. 21, 2021') }, 'page', 'https://news.example/rust');
    expect(dateClaim(answer).others.length).toBe(1);
    expect(JSON.stringify(answer)).not.toContain('member=4411');
    expect(JSON.stringify(answer)).not.toContain('intranet.corp.example/members');
  });

  it('lists only articles the reader stayed on', async () => {
    const { service } = fresh();
    const visited = 'https://blog.example/opened-in-a-background-tab';
    await ask(service, { type: 'check-article', article: shooting(visited, 'Oct. 22, 2021') }, 'page', visited);
    await service.settled();
    const answer = await ask(service, { type: 'check-article', article: shooting('https://news.example/rust', 'Oct. 21, 2021') }, 'page', 'https://news.example/rust');
    expect(dateClaim(answer).others).toEqual([]);
  });

  it('counts an article as stayed on only after the reader\'s own input in a visible tab', async () => {
    const { StayTracker } = await import('../../lib/page/stayed');
    vi.useFakeTimers();
    try {
      const doc = htmlDocument('<html><body><p>x</p></body></html>');
      const win = doc.defaultView as any;
      let stayed = 0;
      let now = 0;
      new StayTracker(doc, () => stayed++, { ms: 15_000, now: () => now });
      now = 20_000;
      vi.advanceTimersByTime(20_000);
      // A page's scripts can make any event but a trusted one.
      doc.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'j' }));
      doc.dispatchEvent(new win.WheelEvent('wheel'));
      expect(stayed).toBe(0);
      const own = new win.KeyboardEvent('keydown', { key: 'j' });
      Object.defineProperty(own, 'isTrusted', { value: true });
      doc.dispatchEvent(own);
      expect(stayed).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts nothing on the marks a page can read: no entity, no verdict, no id', () => {
    const doc = htmlDocument(`<html><body><article><p>${'Alec Baldwin said it. '.repeat(40)}</p></article></body></html>`);
    const { segments, article } = extractArticle(doc, 'http://127.0.0.1/page.html')!;
    const h = new Highlighter(doc, segments);
    const at = article.text.indexOf('Alec Baldwin');
    h.highlight({ id: 'person:0-12', start: at, end: at + 12, kind: 'person', verdict: 'conflict', entity: 'alec_baldwin' });
    const mark = doc.querySelector('casefile-mark')!;
    expect(mark.outerHTML).not.toMatch(/alec_baldwin|conflict|person:0-12|data-/);
    expect([...mark.attributes].map((a) => a.name)).toEqual([]);
    expect(mark.shadowRoot).toBeNull();
  });
});

describe('2. a minimal case file the README calls valid breaks nothing', () => {
  const MINIMAL = { format: 'casefile/case', version: 1, id: 'minimal', title: 'Minimal', people: [], events: [], sources: [] };

  it('imports, lists, checks against and deletes it', async () => {
    const { service } = fresh();
    const imported = await ask(service, { type: 'import-case', file: JSON.stringify(MINIMAL) });
    expect(imported.case).toMatchObject({ id: 'minimal', counts: { people: 0, facts: 0 } });
    const listed = await ask(service, { type: 'list-cases' });
    expect(listed.cases.map((c: any) => c.id).sort()).toEqual(['minimal', 'rust-shooting']);
    const checked = await ask(service, { type: 'check-article', article: shooting('https://news.example/a', 'Oct. 22, 2021') }, 'page', 'https://news.example/a');
    expect(checked.annotations.some((a: any) => a.verdict === 'conflict')).toBe(true);
    await ask(service, { type: 'delete-case', id: 'minimal' });
    expect((await ask(service, { type: 'list-cases' })).cases.map((c: any) => c.id)).toEqual(['rust-shooting']);
  });

  it('reports a broken stored case and skips it; listing, checking and deleting go on', async () => {
    const { db, service } = fresh();
    await service.ensureSeeded();
    await db.cases.put({ ...(await db.cases.get('rust-shooting'))!, id: 'broken', title: 'Broken', bundled: false, file: { format: 'casefile/case', version: 1, id: 'broken', title: 'Broken', people: 5 } as never });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listed = await ask(service, { type: 'list-cases' });
    expect(listed.cases.find((c: any) => c.id === 'broken').problems[0]).toMatch(/^people: 5 is not a list/);
    const checked = await ask(service, { type: 'check-article', article: shooting('https://news.example/a', 'Oct. 22, 2021') }, 'page', 'https://news.example/a');
    warn.mockRestore();
    expect(checked.annotations.some((a: any) => a.verdict === 'conflict' && a.caseId === 'rust-shooting')).toBe(true);
    await ask(service, { type: 'delete-case', id: 'broken' });
    expect(await db.cases.get('broken')).toBeUndefined();
  });

  it('is valid on the command line too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casefile-minimal-'));
    writeFileSync(join(dir, 'minimal.json'), JSON.stringify(MINIMAL));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/case.ts', 'validate', join(dir, 'minimal.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ok: minimal/);
    expect(run.status).toBe(0);
  });
});

describe('3. a page writes only its own origin\'s records', () => {
  it.each([
    ['another port of the same host', 'http://127.0.0.1:8001/story', 'http://127.0.0.1:8002/story'],
    ['the shared suffix above it', 'https://attacker.github.io/story', 'https://github.io/story'],
    ['its parent domain', 'https://evil.news.example/story', 'https://news.example/story'],
  ])('ignores a canonical link to %s', async (_name, attacker, victim) => {
    const { db, service } = fresh();
    await ask(service, { type: 'check-article', article: shooting(victim, 'Oct. 21, 2021', 'The real story') }, 'page', victim);
    await service.settled();
    await ask(service, { type: 'check-article', article: { ...shooting(attacker, 'Oct. 25, 2021', 'Planted'), canonical: victim } }, 'page', attacker);
    await service.settled();
    expect((await db.articles.get(victim))?.title).toBe('The real story');
    expect((await db.articles.get(attacker))?.title).toBe('Planted');
  });

  it('never lets <base> move an article to another origin', () => {
    const doc = htmlDocument('<html><head><base href="http://127.0.0.1:8002/"><link rel="canonical" href="/story"><title>x</title></head><body><article><p>'
      + `${'Words of the planted article. '.repeat(40)}</p></article></body></html>`, 'http://127.0.0.1:8001/planted');
    const { article } = extractArticle(doc, 'http://127.0.0.1:8001/planted')!;
    expect(article.canonical ?? null).toBeNull();
  });

  it('counts other articles by site: a page reloading itself with new query strings is one site', async () => {
    const { service } = fresh();
    for (let i = 0; i < 13; i++) {
      const url = `https://attacker.example/story?r=${i}`;
      await ask(service, { type: 'check-article', article: shooting(url, 'Oct. 25, 2021', `Planted ${i}`) }, 'page', url);
      await service.settled();
      await stay(service, url);
    }
    const answer = await ask(service, { type: 'check-article', article: shooting('https://news.example/rust', 'Oct. 21, 2021') }, 'page', 'https://news.example/rust');
    const others = dateClaim(answer).others;
    expect(others.length).toBe(1);
    expect(others[0]).toMatchObject({ site: 'attacker.example', value: '2021-10-25' });
  });

  it('caps what one site stores, dropping its oldest articles first', async () => {
    const { db } = fresh();
    const at = (i: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
    for (let i = 0; i < 210; i++) {
      await saveArticle(db, { url: `https://flood.example/a?i=${i}`, title: `A${i}`, site: null, published: null, checkedAt: at(i), caseId: null, text: 'x', annotations: [] });
    }
    const urls = (await db.articles.toArray()).map((a) => a.url);
    expect(urls.length).toBeLessThanOrEqual(200);
    expect(urls).toContain('https://flood.example/a?i=209');
    expect(urls).not.toContain('https://flood.example/a?i=0');
    for (let i = 0; i < 4; i++) {
      await saveArticle(db, { url: `https://big.example/b${i}`, title: 'B', site: null, published: null, checkedAt: at(i), caseId: null, text: 'y'.repeat(1_900_000), annotations: [] });
    }
    const big = (await db.articles.toArray()).filter((a) => a.url.startsWith('https://big.example/'));
    expect(big.reduce((n, a) => n + a.text.length, 0)).toBeLessThanOrEqual(5_000_000);
    expect(big.map((a) => a.url)).toContain('https://big.example/b3');
    expect(await db.articles.get('https://flood.example/a?i=209')).toBeDefined();
  });

  it('answers no case management to a page, and adds a name only to a case used on its site', async () => {
    const { service } = fresh();
    const page = 'https://news.example/story';
    expect((await refusal(service, { type: 'list-cases' }, 'page', page)).code).toBe('forbidden');
    await ask(service, { type: 'set-case-sites', id: 'rust-shooting', sites: ['elsewhere.example'] });
    const add = { type: 'add-to-case', caseId: 'rust-shooting', kind: 'person', name: 'Mallory', page: { url: page, title: 'x', site: null, published: null } };
    expect((await refusal(service, add, 'page', page)).code).toBe('forbidden');
    const file = await ask(service, { type: 'get-case-file', id: 'rust-shooting' });
    expect(file.case.people.some((p: any) => p.name === 'Mallory')).toBe(false);
  });
});

describe('5. exports cannot be made to carry markup', () => {
  const SOURCE = { id: 's1', publisher: 'P', title: 'T', url: 'https://news.example/a\n<img src="https://attacker.example/beacon">' };
  const CASE = { format: 'casefile/case', version: 1, id: 'c', title: 'C', people: [{ id: 'p', name: 'P Q', sources: ['s1'] }], events: [], sources: [SOURCE] };

  it('refuses a source URL with whitespace or control characters, and stores the normalised href', () => {
    const bad = validateCase(CASE);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ path: 'sources[0].url', message: expect.stringMatching(/whitespace or control characters/) });
    const good = validateCase({ ...CASE, sources: [{ ...SOURCE, url: 'HTTPS://News.Example/a b'.replace(' ', '%20') }] });
    expect(good.ok && good.value.sources[0].url).toBe('https://news.example/a%20b');
  });

  it('escapes link targets and titles in Markdown', () => {
    const annotation = {
      id: 'x', start: 0, end: 1, exact: 'x', prefix: '', suffix: '', kind: 'date', entity: null, entityName: null, value: null, granularity: null,
      verdict: 'conflict', claim: 'c', claimKey: 'k', expected: '2021', explanation: null, caseId: 'c', others: [],
      sources: [{ publisher: 'P', title: 'T](javascript:alert(1))', url: SOURCE.url, published: null }],
    } as never;
    const md = toMarkdown([{ url: 'https://news.example/page>\n<img src=x>', title: 'Title\n# Injected heading\n<script>x</script>', published: null, annotations: [annotation] }]);
    expect(md.split('\n').filter((l) => /^\s*(#|<)/.test(l))).toEqual(['# Title # Injected heading \\<script\\>x\\</script\\>', '## Flags (1)', '## Consistent with the case (0)', '## Names (0)', '## Dates (1)']);
    // No unescaped markup: the source whose URL holds a line break is no link, and its title cannot make one.
    expect(md).not.toMatch(/(^|[^\\])(<(img|script)|\]\(javascript:)/m);
    expect(md).toContain('  - P: T\\](javascript:alert(1))');
    const linked = toMarkdown([{ url: 'https://news.example/a', title: 'A', published: null, annotations: [{ ...(annotation as object), sources: [{ publisher: 'P', title: 'T', url: 'https://news.example/x)y<z>', published: null }] } as never] }]);
    expect(linked).toContain('[P: T](https://news.example/x%29y%3Cz%3E)');
  });
});

describe('6. a backup is checked record by record, with paths', () => {
  const backupOf = async (service: CasefileService) => {
    await ask(service, { type: 'check-article', article: shooting('https://news.example/a', 'Oct. 22, 2021') }, 'page', 'https://news.example/a');
    return JSON.parse(JSON.stringify((await ask(service, { type: 'export-backup' })).backup));
  };
  it.each<[string, (b: any) => void, RegExp]>([
    ['orphans that are not a list', (b) => { b.articles[0].orphans = 5; }, /^articles\[0\]\.orphans: 5 is not a list/],
    ['sources that are not a list', (b) => { b.articles[0].annotations[0].sources = 5; }, /^articles\[0\]\.annotations\[0\]\.sources: 5 is not a list/],
    ['a source that is not a URL', (b) => { b.articles[0].annotations.find((a: any) => a.sources.length).sources[0].url = 'javascript:x'; }, /^articles\[0\]\.annotations\[\d+\]\.sources\[0\]\.url/],
    ['two cases with one id', (b) => { b.cases.push({ ...b.cases[0], bundled: false }); }, /^cases\[1\]\.id: "rust-shooting" is also the id of cases\[0\]/],
    ['an imported case marked bundled', (b) => { b.cases[0] = { ...b.cases[0], id: 'mine', bundled: true, base: { ...b.cases[0].base, id: 'mine' } }; }, /^cases\[0\]\.bundled: only the case shipped/],
    ['an edit of a list the format has not', (b) => { b.cases[0].edits = [{ op: 'put', list: 'bogus', record: { id: 'x' }, at: '' }]; }, /^cases\[0\]\.edits\[0\]\.list: "bogus" is not one of/],
  ])('refuses %s, saying where, and changes nothing', async (_name, spoil, problem) => {
    const { service } = fresh();
    const backup = await backupOf(service);
    const before = JSON.stringify((await ask(service, { type: 'export-backup' })).backup.cases);
    spoil(backup);
    const answer = await refusal(service, { type: 'import-backup', backup });
    expect(answer.problems.some((p) => problem.test(p)), answer.problems.join('\n')).toBe(true);
    expect(JSON.stringify((await ask(service, { type: 'export-backup' })).backup.cases)).toBe(before);
  });
});

describe('7. the smaller ones', () => {
  const CASE = { format: 'casefile/case', version: 1, id: 'enc', title: 'Encodings', people: [{ id: 'ann', name: 'Ann Lee', sources: ['s1'] }], events: [], sources: [{ id: 's1', publisher: 'P', title: 'T', url: 'https://news.example/a' }] };
  const cli = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/case.ts', 'validate', file], { cwd: ROOT, encoding: 'utf8' });

  it.each([
    ['UTF-8 with a byte-order mark', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')])],
    ['UTF-16 little endian', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['UTF-16 big endian', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('reads a case file in %s on the command line and in the extension alike, with the same answer', async (_name, encode) => {
    const dir = mkdtempSync(join(tmpdir(), 'casefile-enc-'));
    for (const [name, file] of [['good.json', CASE], ['bad.json', { ...CASE, people: [{ id: 'Bad Id', name: '', sources: ['nowhere'] }] }]] as const) {
      const bytes = encode(JSON.stringify(file, null, 2));
      writeFileSync(join(dir, name), bytes);
      const run = cli(join(dir, name));
      expect(run.status, run.stderr).toBe(name === 'good.json' ? 0 : 1);
      // The options page reads a file's bytes the same way before sending its text.
      const { decodeText } = await import('../../lib/cases/read');
      const { service } = fresh();
      const answer: any = await service.handle({ type: 'import-case', file: decodeText(new Uint8Array(bytes)) });
      if (name === 'good.json') {
        expect(run.status).toBe(0);
        expect(answer.ok).toBe(true);
      } else {
        expect(run.status).toBe(1);
        expect(answer.ok).toBe(false);
        // The command line prints the extension's problems, line for line, then a count.
        expect(run.stderr.trim().split('\n').slice(0, -1)).toEqual(answer.problems);
      }
    }
  });

  it('reports every bad row of a CSV at once', async () => {
    const { service } = fresh();
    const text = 'id,label,date,sources\nfine,Fine,2024-01-02,https://x.example/1\nbad_date,Bad date,2024-02-31,https://x.example/2\nbad_source,Bad source,2024,not-a-source\n';
    const answer = await refusal(service, { type: 'import-csv', caseId: 'new-one', kind: 'events', text, name: 'events.csv' });
    expect(answer.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^events\.csv line 3, date: "2024-02-31" is not a date/),
      expect.stringMatching(/^events\.csv line 4, sources: "not-a-source"/),
    ]));
  });

  it('refuses a value nested 200,000 levels deep with its path, and stores nothing', async () => {
    const { db, service } = fresh();
    await service.ensureSeeded();
    const depth = 200_000;
    const text = JSON.stringify({ ...CASE, id: 'deep', people: [{ ...CASE.people[0], 'x-notes': 0 }] }).replace('"x-notes":0', `"x-notes":${'['.repeat(depth)}${']'.repeat(depth)}`);
    const answer = await refusal(service, { type: 'import-case', file: text });
    expect(answer.problems[0]).toMatch(/^people\[0\]\.x-notes(\[0\])+: nested more than 32 levels deep/);
    expect(await db.cases.get('deep')).toBeUndefined();
  });

  it('shows a right-to-left override in a name as what it is, isolated', async () => {
    const { h, render } = await import('preact');
    const { Window } = await import('happy-dom');
    const { ClaimCard } = await import('../../components/ClaimCard');
    const doc = new Window().document as unknown as Document;
    const root = doc.createElement('div');
    const name = 'Ann \u202eeeL';
    const annotation = {
      id: 'p', start: 0, end: 8, exact: name, prefix: '', suffix: '', kind: 'person', entity: 'ann', entityName: name, value: null, granularity: null,
      verdict: 'consistent', claim: null, claimKey: null, expected: null, explanation: null, caseId: 'c', caseTitle: 'C', sources: [], others: [],
    } as never;
    render(h(ClaimCard, { annotation, anchor: () => [], onClose: () => undefined }), root);
    expect(root.textContent).not.toContain('\u202e');
    expect(root.textContent).toContain('Ann [U+202E]eeL');
    expect(root.querySelector('.quote bdi')?.textContent).toBe('Ann [U+202E]eeL');
  });
});
