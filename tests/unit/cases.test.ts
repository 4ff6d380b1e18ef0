import { describe, expect, it } from 'vitest';
import { formatProblems, validateCase } from '../../lib/cases/validate';
import { serializeCase } from '../../lib/cases/serialize';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED } from '../helpers/pipeline';

const minimal = () => ({
  format: 'casefile/case', version: 1, id: 'c', title: 'A case',
  people: [{ id: 'p1', name: 'Ann Example', aliases: ['Example'], roles: [{ role: 'judge', from: '2020', to: null, sources: ['s1'] }], sources: ['s1'] }],
  events: [{ id: 'e1', label: 'Hearing', date: '2024-01-02', granularity: 'day', participants: ['p1'], triggers: ['hearing'], sources: ['s1'] }],
  facts: [], sources: [{ id: 's1', publisher: 'Paper', title: 'Story', url: 'https://example.org/a' }],
});

describe('case validation', () => {
  it('accepts the bundled case', () => {
    const r = validateCase(BUNDLED);
    expect(r.ok ? [] : formatProblems(r.problems)).toEqual([]);
  });

  it('accepts a minimal case', () => expect(validateCase(minimal()).ok).toBe(true));

  it.each<[string, (c: any) => void, string]>([
    ['a newer version', (c) => { c.version = 3; }, 'version: version 3 is newer than this Casefile reads'],
    ['a wrong format', (c) => { c.format = 'other'; }, 'format: "other" is not "casefile/case"'],
    ['an impossible date', (c) => { c.events[0].date = '2024-13-01'; }, 'events[0].date: "2024-13-01" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)'],
    ['February 30', (c) => { c.events[0].date = '2024-02-30'; }, 'events[0].date: "2024-02-30" is not a date'],
    ['a granularity that does not match', (c) => { c.events[0].granularity = 'month'; }, 'events[0].granularity: "month" does not match the date "2024-01-02" (expected "day")'],
    ['a duplicate id', (c) => { c.events[0].id = 'p1'; }, 'events[0].id: "p1" is used twice'],
    ['a dangling participant', (c) => { c.events[0].participants = ['nobody']; }, 'events[0].participants[0]: "nobody" does not name a person, organization, place or matter'],
    ['a dangling source', (c) => { c.people[0].sources = ['s9']; }, 'people[0].sources[0]: "s9" does not name a source'],
    ['a javascript: link', (c) => { c.sources[0].url = 'javascript:alert(1)'; }, 'sources[0].url: "javascript:alert(1)" is not an absolute http or https URL'],
    ['a relative link', (c) => { c.sources[0].url = '/a'; }, 'sources[0].url: "/a" is not an absolute http or https URL'],
    ['an unknown key', (c) => { c.people[0].nmae = 'x'; }, 'people[0].nmae: unknown key'],
    ['a role ending before it starts', (c) => { c.people[0].roles[0] = { role: 'x', from: '2024', to: '2023', sources: ['s1'] }; }, 'people[0].roles[0].from: "2024" is after "to" ("2023")'],
    ['an oversize name', (c) => { c.people[0].name = 'x'.repeat(201); }, 'people[0].name: is 201 characters long (at most 200)'],
    ['a bad id', (c) => { c.people[0].id = 'Ann Example'; }, 'people[0].id: "Ann Example" is not an id'],
    ['a fact of unknown type', (c) => { c.facts = [{ id: 'f', subject: 'e1', predicate: 'p', type: 'colour', value: 'x', sources: ['s1'] }]; }, 'facts[0].type: "colour" is not a fact type'],
    ['a ref fact naming nothing', (c) => { c.facts = [{ id: 'f', subject: 'e1', predicate: 'court', type: 'ref', value: 'nowhere', sources: ['s1'] }]; }, 'facts[0].value: "nowhere" does not name an entity or event'],
  ])('rejects %s, saying where and why', (_, mutate, message) => {
    const c = minimal();
    mutate(c);
    const r = validateCase(c);
    expect(r.ok).toBe(false);
    expect(formatProblems(r.problems).join('\n')).toContain(message);
  });

  it('reports every problem at once', () => {
    const c: any = minimal();
    c.events[0].date = 'soon';
    c.sources[0].url = 'ftp://x';
    c.people[0].sources = [];
    const r = validateCase(c);
    expect(r.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps x- keys', () => {
    const c: any = minimal();
    c.people[0]['x-note'] = { any: 'thing' };
    expect(validateCase(c).ok).toBe(true);
    expect(serializeCase(c)).toContain('"x-note"');
  });
});

describe('case serialisation', () => {
  it('writes the bundled case back byte for byte', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../lib/cases/bundled/rust-shooting.json'), 'utf8');
    expect(serializeCase(JSON.parse(text))).toBe(text);
  });

  it('orders keys as the format shows them, whatever the input order', () => {
    const c: any = minimal();
    const shuffled = { sources: c.sources, people: c.people.map((p: any) => ({ sources: p.sources, name: p.name, id: p.id })), title: c.title, id: c.id, version: 1, format: c.format, events: [], facts: [] };
    const out = serializeCase(shuffled as any);
    expect(out.indexOf('"format"')).toBeLessThan(out.indexOf('"version"'));
    expect(out.indexOf('"id": "p1"')).toBeLessThan(out.indexOf('"name": "Ann Example"'));
    expect(out.endsWith('}\n')).toBe(true);
  });
});
