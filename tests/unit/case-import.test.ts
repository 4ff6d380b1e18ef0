import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CASE, CasefileService } from '../../lib/background/service';
import { serializeCase } from '../../lib/cases/serialize';
import { CasefileDB } from '../../lib/db/schema';
import { ask, refusal } from '../helpers/service';

const SMALL = {
  format: 'casefile/case', version: 1, id: 'my-case', title: 'My case',
  people: [{ id: 'ann_lee', name: 'Ann Lee', aliases: ['Lee'], sources: ['s1'] }],
  organizations: [], places: [], matters: [],
  events: [{ id: 'vote', label: 'The council vote', date: '2024-03-05', granularity: 'day', participants: ['ann_lee'], triggers: ['vote'], sources: ['s1'] }],
  facts: [],
  sources: [{ id: 's1', publisher: 'Example News', title: 'Council votes', url: 'https://news.example/vote' }],
};
const clone = () => JSON.parse(JSON.stringify(SMALL));
const fresh = () => {
  const db = new CasefileDB(`import-${Math.random()}`);
  return { db, service: new CasefileService(db) };
};
/** Everything stored, to show a refused import changed nothing. */
const snapshot = async (db: CasefileDB) => JSON.stringify({ cases: await db.cases.toArray(), articles: await db.articles.toArray() });

describe('importing a case file', () => {
  it.each<[string, (f: any) => unknown, string[]]>([
    ['not JSON', () => '{"format": "casefile/case",', ['$: the file is not JSON']],
    ['a list, not an object', () => [], ['$: a list is not a case file']],
    ['a newer version', (f) => ({ ...f, version: 2 }), ['version: version 2 is newer than this Casefile reads']],
    ['a bad date', (f) => { f.events[0].date = '2024-13-01'; return f; }, ['events[0].date: "2024-13-01" is not a date']],
    ['duplicate ids', (f) => { f.events.push({ ...f.events[0] }); return f; }, ['events[1].id: "vote" is used twice']],
    ['a dangling participant', (f) => { f.events[0].participants = ['ghost']; return f; }, ['events[0].participants[0]: "ghost" does not name a person']],
    ['a dangling source', (f) => { f.people[0].sources = ['nowhere']; return f; }, ['people[0].sources[0]: "nowhere" does not name a source']],
    ['an unsafe link', (f) => { f.sources[0].url = 'javascript:alert(1)'; return f; }, ['sources[0].url: "javascript:alert(1)" is not an absolute http or https URL']],
    ['an oversize name', (f) => { f.people[0].name = 'x'.repeat(5000); return f; }, ['people[0].name']],
    ['many problems at once', (f) => { f.id = 'Bad Id'; f.events[0].date = 'soon'; f.sources[0].url = 'ftp://x'; return f; }, ['id:', 'events[0].date:', 'sources[0].url:']],
  ])('refuses %s, saying where, and changes nothing', async (_, make, expected) => {
    const { db, service } = fresh();
    await service.ensureSeeded();
    const before = await snapshot(db);
    const raw = make(clone());
    const answer = await refusal(service, { type: 'import-case', file: typeof raw === 'string' ? raw : JSON.stringify(raw) });
    expect(answer.code).toBe('invalid');
    for (const e of expected) expect(answer.problems.some((p: string) => p.startsWith(e) || p.includes(e))).toBe(true);
    expect(await snapshot(db)).toBe(before);
  });

  it('imports a valid file, lists it, checks against both cases, and exports the same bytes', async () => {
    const { service } = fresh();
    const text = serializeCase(SMALL as never);
    const answer: any = await ask(service, { type: 'import-case', file: text });
    expect(answer).toMatchObject({ case: { id: 'my-case', active: true, counts: { people: 1, events: 1 } } });
    const list: any = await ask(service, { type: 'list-cases' });
    expect(list.cases.map((c: any) => c.id).sort()).toEqual(['my-case', 'rust-shooting']);
    const exported: any = await ask(service, { type: 'export-case', id: 'my-case' });
    expect(exported.text).toBe(text);
    const bundled: any = await ask(service, { type: 'export-case', id: 'rust-shooting' });
    expect(bundled.text).toBe(serializeCase(BUNDLED_CASE));
  });

  it('names the case a conflict comes from, and limits a case to its sites', async () => {
    const { service } = fresh();
    await ask(service, { type: 'import-case', file: SMALL });
    const article = { url: 'https://news.example/story', title: 'Vote', site: null, published: '2024-06-01', text: 'Ann Lee led the council vote on March 9, 2024, officials said.' };
    const first: any = await ask(service, { type: 'check-article', article });
    const flag = first.annotations.find((a: any) => a.verdict === 'conflict');
    expect(flag).toMatchObject({ exact: 'March 9, 2024', caseId: 'my-case', caseTitle: 'My case', expected: '2024-03-05' });
    await ask(service, { type: 'set-case-sites', id: 'my-case', sites: ['other.example'] });
    const second: any = await ask(service, { type: 'check-article', article });
    expect(second.annotations.some((a: any) => a.caseId === 'my-case')).toBe(false);
  });
});

describe('CSV import', () => {
  it('adds people and events to a new case, with sources from URLs', async () => {
    const { service } = fresh();
    const people = 'id,name,aliases,sources\nann_lee,Ann Lee,Lee;A. Lee,https://news.example/a\nbo_chan,"Chan, Bo",,https://news.example/a\n';
    const one: any = await ask(service, { type: 'import-csv', caseId: 'council', title: 'Council', kind: 'people', text: people, name: 'people.csv' });
    expect(one).toMatchObject({ case: { id: 'council', counts: { people: 2, sources: 1 } } });
    const events = 'id,label,date,participants,triggers,sources\nvote,The vote,2024-03,ann_lee;bo_chan,vote,https://news.example/a\n';
    const two: any = await ask(service, { type: 'import-csv', caseId: 'council', kind: 'events', text: events, name: 'events.csv' });
    expect(two).toMatchObject({ case: { counts: { people: 2, events: 1, sources: 1 } } });
    const file: any = await ask(service, { type: 'get-case-file', id: 'council' });
    expect(file.case.events[0]).toMatchObject({ granularity: 'month', participants: ['ann_lee', 'bo_chan'] });
    expect(file.case.people[1].name).toBe('Chan, Bo');
  });

  it('refuses a CSV with bad rows, naming each line, and stores nothing', async () => {
    const { db, service } = fresh();
    await service.ensureSeeded();
    const before = await snapshot(db);
    const text = 'id,label,date,sources\nok_one,Fine,2024-01-02,https://x.example/1\nbad,Bad date,2024-02-31,https://x.example/2\n,No id,2024,not-a-source\n';
    const answer = await refusal(service, { type: 'import-csv', caseId: 'new-one', kind: 'events', text, name: 'events.csv' });
    expect(answer.code).toBe('invalid');
    expect(answer.problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^events\.csv line 4, sources: "not-a-source"/),
    ]));
    expect(await snapshot(db)).toBe(before);
  });
});

describe('editing a case', () => {
  it('corrects an event and the verdict follows; a bad edit changes nothing', async () => {
    const { service } = fresh();
    await ask(service, { type: 'import-case', file: SMALL });
    const article = { url: 'https://news.example/story', title: 'Vote', site: null, published: '2024-06-01', text: 'Ann Lee led the council vote on March 9, 2024, officials said.' };
    const before: any = await ask(service, { type: 'check-article', article });
    expect(before.annotations.find((a: any) => a.exact === 'March 9, 2024').verdict).toBe('conflict');
    const edited: any = await ask(service, { type: 'edit-case', id: 'my-case', edit: { op: 'put', list: 'events', record: { ...SMALL.events[0], date: '2024-03-09' } } });
    expect(edited.case.id).toBe('my-case');
    const after: any = await ask(service, { type: 'check-article', article });
    expect(after.annotations.find((a: any) => a.exact === 'March 9, 2024').verdict).toBe('consistent');
    const bad = await refusal(service, { type: 'edit-case', id: 'my-case', edit: { op: 'put', list: 'events', record: { ...SMALL.events[0], date: 'March' } } });
    expect(bad.code).toBe('invalid');
    expect(bad.problems[0]).toMatch(/^events\[0\]\.date/);
    const file: any = await ask(service, { type: 'get-case-file', id: 'my-case' });
    expect(file.case.events[0].date).toBe('2024-03-09');
  });

  it('adds a name from a page to a case, the page becoming its source', async () => {
    const { service } = fresh();
    await ask(service, { type: 'import-case', file: SMALL });
    const page = { url: 'https://news.example/story?utm_source=x', title: 'Vote', site: 'Example News', published: '2024-06-01' };
    const answer: any = await ask(service, { type: 'add-to-case', caseId: 'my-case', kind: 'person', name: 'Rita Ortiz', page }, 'page', page.url);
    expect(answer).toMatchObject({ caseTitle: 'My case', id: 'rita_ortiz' });
    const file: any = await ask(service, { type: 'get-case-file', id: 'my-case' });
    const person = file.case.people.find((p: any) => p.id === 'rita_ortiz');
    const source = file.case.sources.find((s: any) => s.id === person.sources[0]);
    expect(source).toMatchObject({ url: 'https://news.example/story', publisher: 'Example News', published: '2024-06-01' });
  });

  it('keeps the user\'s edits to the bundled case when the extension upgrades it', async () => {
    const { db, service } = fresh();
    await service.ensureSeeded();
    const baldwin = BUNDLED_CASE.people.find((p) => p.id === 'alec_baldwin')!;
    await ask(service, { type: 'edit-case', id: 'rust-shooting', edit: { op: 'put', list: 'people', record: { ...baldwin, aliases: [...(baldwin.aliases ?? []), 'A. Baldwin'] } } });
    // A new version of the extension ships a changed case.
    const upgraded = { ...BUNDLED_CASE, updated: '2099-01-01', title: `${BUNDLED_CASE.title} (updated)` };
    const { seedBundledCase } = await import('../../lib/db/store');
    await seedBundledCase(db, upgraded);
    const stored = (await db.cases.get('rust-shooting'))!;
    expect(stored.base.title).toBe(upgraded.title);
    expect(stored.file.people.find((p) => p.id === 'alec_baldwin')!.aliases).toContain('A. Baldwin');
    expect(stored.edits).toHaveLength(1);
  });

  it('loses nothing when two writers edit the same case at once', async () => {
    const name = `two-${Math.random()}`;
    const a = new CasefileService(new CasefileDB(name));
    const b = new CasefileService(new CasefileDB(name));
    await ask(a, { type: 'import-case', file: SMALL });
    const put = (service: CasefileService, id: string) =>
      ask(service, { type: 'edit-case', id: 'my-case', edit: { op: 'put', list: 'people', record: { id, name: id.toUpperCase(), sources: ['s1'] } } });
    await Promise.all([put(a, 'p_one'), put(b, 'p_two'), put(a, 'p_three'), put(b, 'p_four')]);
    const file: any = await ask(a, { type: 'get-case-file', id: 'my-case' });
    expect(file.case.people.map((p: any) => p.id).sort()).toEqual(['ann_lee', 'p_four', 'p_one', 'p_three', 'p_two']);
  });
});
