import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CASE, CasefileService } from '../../lib/background/service';
import { CasefileDB } from '../../lib/db/schema';
import { ask, refusal } from '../helpers/service';
import { toW3C } from '../../lib/export/w3c';
import { annotationKey } from '../../lib/types';

const ARTICLE = {
  url: 'https://news.example/rust?utm_source=nl', title: 'Rust', site: 'Example', published: '2025-01-15',
  text: 'Alec Baldwin was on the set of Rust when Halyna Hutchins was fatally shot on Oct. 21, 2023, in New Mexico.',
};

describe('schema upgrades', () => {
  it('opens a database written by schema v1 with every record intact', async () => {
    const name = `v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ cases: 'id, active', articles: 'url, checkedAt, published', claims: 'id, url, claimKey' });
    await v1.table('cases').put({ id: 'rust-shooting', title: BUNDLED_CASE.title, bundled: true, active: true, file: BUNDLED_CASE, updatedAt: '2026-01-01T00:00:00Z' });
    await v1.table('cases').put({ id: 'mine', title: 'Mine', bundled: false, active: false, file: { ...BUNDLED_CASE, id: 'mine', title: 'Mine' }, updatedAt: '2026-01-02T00:00:00Z' });
    await v1.table('articles').put({ url: 'https://news.example/a', title: 'A', site: null, published: null, checkedAt: '2026-01-03T00:00:00Z', caseId: 'rust-shooting', text: 'x', annotations: [] });
    await v1.table('claims').put({ id: 'https://news.example/a k 0', url: 'https://news.example/a', claimKey: 'k', value: '2021', verdict: 'conflict', title: 'A', published: null });
    v1.close();

    const db = new CasefileDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    const cases = await db.cases.toArray();
    expect(cases.map((c) => [c.id, c.active, c.edits, c.activeOn, c.base.id, c.file.id])).toEqual([
      ['mine', false, [], null, 'mine', 'mine'],
      ['rust-shooting', true, [], null, 'rust-shooting', 'rust-shooting'],
    ]);
    expect(await db.articles.count()).toBe(1);
    expect(await db.claims.count()).toBe(1);
    expect(await db.decisions.count()).toBe(0);
    // v3: each article knows its site and size, and no article from before counts as stayed on.
    expect(await db.articles.get('https://news.example/a')).toMatchObject({ siteKey: 'news.example', size: expect.any(Number), stayedAt: null });
    expect(await db.claims.toArray()).toEqual([expect.objectContaining({ site: 'news.example', stayed: false })]);
    expect(await db.sites.get('news.example')).toMatchObject({ articles: 1 });
  });
});

describe('decisions', () => {
  it('survive re-checking and are part of what is stored and exported', async () => {
    const service = new CasefileService(new CasefileDB(`d-${Math.random()}`));
    const first: any = await ask(service, { type: 'check-article', article: ARTICLE });
    const flag = first.annotations.find((a: any) => a.verdict === 'conflict');
    expect(flag.exact).toBe('Oct. 21, 2023');
    const set: any = await ask(service, { type: 'set-decision', url: ARTICLE.url, key: annotationKey(flag), verdict: 'wrong', note: 'The article means the hearing.' });
    expect(set.decision).toMatchObject({ verdict: 'wrong', note: 'The article means the hearing.' });
    const again: any = await ask(service, { type: 'check-article', article: ARTICLE });
    expect(again.annotations.find((a: any) => a.exact === 'Oct. 21, 2023').decision).toMatchObject({ verdict: 'wrong' });
    const stored: any = await ask(service, { type: 'get-article', url: 'https://news.example/rust' });
    const annotation = stored.article.annotations.find((a: any) => a.exact === 'Oct. 21, 2023');
    expect(annotation.decision.note).toBe('The article means the hearing.');
    const w3c = toW3C(stored.article);
    const item = w3c.first.items.find((i) => i.target.selector[0].exact === 'Oct. 21, 2023')!;
    expect(item.body.find((b) => b.type === 'Dataset')).toMatchObject({ decision: { verdict: 'wrong' } });
    // Another client shows the note as a comment, and the verdict with the decision as an assessment.
    expect(item.body).toContainEqual(expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: 'The article means the hearing.' }));
    expect(item.body.find((b) => b.type === 'TextualBody' && b.purpose === 'assessing')).toMatchObject({ id: expect.stringMatching(/assessment$/), value: expect.stringContaining('You marked the checker wrong here.') });
    const cleared: any = await ask(service, { type: 'set-decision', url: ARTICLE.url, key: annotationKey(flag), verdict: null, note: '' });
    expect(cleared.decision).toBeNull();
  });
});

describe('page text maps', () => {
  const map = { articleLength: ARTICLE.text.length, segments: [0, 40, ARTICLE.text.length], excerpt: { start: 8, text: 'x'.repeat(ARTICLE.text.length + 64) } };

  it('are kept with the article they were made for, and refused for another text or page', async () => {
    const service = new CasefileService(new CasefileDB(`p-${Math.random()}`));
    await ask(service, { type: 'check-article', article: ARTICLE });
    expect(await refusal(service, { type: 'set-page-text', url: ARTICLE.url, map: { ...map, articleLength: 5, segments: [0, 40, 5] } }, 'page', ARTICLE.url)).toMatchObject({ code: 'invalid' });
    expect(await refusal(service, { type: 'set-page-text', url: 'https://other.example/b', map }, 'page', ARTICLE.url)).toMatchObject({ code: 'forbidden', message: 'a page may only speak about its own article' });
    expect(await refusal(service, { type: 'set-page-text', url: ARTICLE.url, map: { ...map, segments: [0, -4, 3] } }, 'page', ARTICLE.url)).toMatchObject({ code: 'malformed', problems: [expect.stringMatching(/^map\.segments\[1\]: /)] });
    expect(await refusal(service, { type: 'set-page-text', url: ARTICLE.url, map: { ...map, segments: [5, 40, 3, 0, 60, 2] } }, 'page', ARTICLE.url)).toMatchObject({ code: 'malformed' });
    expect(await refusal(service, { type: 'set-page-text', url: 'https://news.example/never-checked', map }, 'page', 'https://news.example/never-checked')).toMatchObject({ code: 'not-found' });
    expect(await ask(service, { type: 'set-page-text', url: ARTICLE.url, map }, 'page', ARTICLE.url)).toEqual({});
    const stored: any = await ask(service, { type: 'get-article', url: ARTICLE.url });
    expect(stored.article.pageText).toEqual(map);
    // Counted in the site's share, like the text.
    expect(stored.article.size).toBeGreaterThan(ARTICLE.text.length * 2);
  });
});

describe('orphans', () => {
  it('keeps what an earlier visit marked when its words are gone', async () => {
    const service = new CasefileService(new CasefileDB(`o-${Math.random()}`));
    await ask(service, { type: 'check-article', article: ARTICLE });
    const rewritten = { ...ARTICLE, text: 'Alec Baldwin was on the set of Rust in New Mexico.' };
    const answer: any = await ask(service, { type: 'check-article', article: rewritten });
    expect(answer.orphans.map((o: any) => o.exact)).toEqual(expect.arrayContaining(['Halyna Hutchins', 'Oct. 21, 2023']));
    expect(answer.orphans.map((o: any) => o.exact)).not.toContain('Alec Baldwin');
    const stored: any = await ask(service, { type: 'get-article', url: ARTICLE.url });
    expect(stored.article.orphans.length).toBe(answer.orphans.length);
  });
});

describe('backup', () => {
  it('restores everything into a fresh profile', async () => {
    const source = new CasefileService(new CasefileDB(`b1-${Math.random()}`));
    await ask(source, { type: 'check-article', article: ARTICLE });
    const baldwin = BUNDLED_CASE.people.find((p) => p.id === 'alec_baldwin')!;
    await ask(source, { type: 'edit-case', id: 'rust-shooting', edit: { op: 'put', list: 'people', record: { ...baldwin, aliases: ['Mr Baldwin'] } } });
    const checked: any = await ask(source, { type: 'check-article', article: ARTICLE });
    const flag = checked.annotations.find((a: any) => a.verdict === 'conflict');
    await ask(source, { type: 'set-decision', url: ARTICLE.url, key: annotationKey(flag), verdict: 'confirmed', note: 'checked the court record' });
    const { backup }: any = await ask(source, { type: 'export-backup' });
    const text = JSON.stringify(backup);

    const target = new CasefileService(new CasefileDB(`b2-${Math.random()}`));
    const restored: any = await ask(target, { type: 'import-backup', backup: JSON.parse(text) });
    expect(restored).toMatchObject({ counts: { cases: 1, articles: 1, decisions: 1 } });
    const again: any = await ask(target, { type: 'export-backup' });
    expect(again.backup.cases).toEqual(backup.cases);
    expect(again.backup.articles).toEqual(backup.articles);
    expect(again.backup.decisions).toEqual(backup.decisions);
    const article: any = await ask(target, { type: 'get-article', url: ARTICLE.url });
    expect(article.article.annotations.find((a: any) => a.verdict === 'conflict').decision.note).toBe('checked the court record');
  });

  it.each<[string, (b: any) => unknown, RegExp]>([
    ['not a backup', () => ({ hello: 1 }), /^format:/],
    ['a case that fails validation', (b) => { b.cases[0].base.events[0].date = 'soon'; return b; }, /^cases\[0\]\.base\.events\[0\]\.date/],
    ['an edit that breaks the case', (b) => { b.cases[0].edits = [{ op: 'put', list: 'events', record: { id: 'x' }, at: '' }]; return b; }, /with its edits/],
    ['an article without a URL', (b) => { b.articles.push({ title: 'x' }); return b; }, /^articles\[1\]\.url/],
  ])('refuses %s and changes nothing', async (_, spoil, problem) => {
    const service = new CasefileService(new CasefileDB(`b3-${Math.random()}`));
    await ask(service, { type: 'check-article', article: ARTICLE });
    const { backup }: any = await ask(service, { type: 'export-backup' });
    const before = JSON.stringify((await ask(service, { type: 'export-backup' }) as any).backup.articles);
    const answer = await refusal(service, { type: 'import-backup', backup: spoil(JSON.parse(JSON.stringify(backup))) });
    expect(answer.code).toBe('invalid');
    expect(answer.problems.some((p: string) => problem.test(p))).toBe(true);
    expect(JSON.stringify((await ask(service, { type: 'export-backup' }) as any).backup.articles)).toBe(before);
  });

  it('leaves the database as it was when a write fails part-way', async () => {
    const db = new CasefileDB(`b4-${Math.random()}`);
    const service = new CasefileService(db);
    await service.ensureSeeded();
    const { importBackup } = await import('../../lib/db/store');
    const { backup }: any = await ask(service, { type: 'export-backup' });
    const mine = { ...backup.cases[0], id: 'copy', bundled: false };
    // The second article cannot be stored (IndexedDB refuses a key that is an object): the first must not stay.
    const broken = { ...backup, cases: [mine], articles: [{ ...ARTICLE, checkedAt: 'x', caseId: null, annotations: [] }, { url: { not: 'a key' }, annotations: [] }] };
    await expect(importBackup(db, broken)).rejects.toThrow();
    expect(await db.cases.get('copy')).toBeUndefined();
    expect(await db.articles.count()).toBe(0);
  });
});

describe('W3C annotations', () => {
  it('round-trip through export and import', async () => {
    const source = new CasefileService(new CasefileDB(`w1-${Math.random()}`));
    await ask(source, { type: 'check-article', article: ARTICLE });
    const stored: any = await ask(source, { type: 'get-article', url: ARTICLE.url });
    const collection = JSON.parse(JSON.stringify(toW3C(stored.article)));
    const target = new CasefileService(new CasefileDB(`w2-${Math.random()}`));
    const answer: any = await ask(target, { type: 'import-annotations', collection });
    expect(answer).toMatchObject({ articles: 1, annotations: stored.article.annotations.length });
    const back: any = await ask(target, { type: 'get-article', url: ARTICLE.url });
    const strip = (a: any) => ({ start: a.start, end: a.end, exact: a.exact, kind: a.kind, entity: a.entity, verdict: a.verdict, value: a.value, claimKey: a.claimKey });
    expect(back.article.annotations.map(strip)).toEqual(stored.article.annotations.map(strip));
  });

  it('refuses annotations another tool made', async () => {
    const service = new CasefileService(new CasefileDB(`w3-${Math.random()}`));
    const foreign = { type: 'AnnotationCollection', first: { items: [{ type: 'Annotation', generator: { name: 'Hypothesis' }, body: {}, target: {} }] } };
    const answer = await refusal(service, { type: 'import-annotations', collection: foreign });
    expect(answer.code).toBe('invalid');
    expect(answer.problems[0]).toMatch(/not made by Casefile/);
  });
});
