/**
 * Case format version 2: event types, ages, works, other dates, matters' defendants and
 * charges; version 1 files keep importing unchanged and are read upgraded.
 */
import { describe, expect, it } from 'vitest';
import { inferEventType, upgradeCase } from '../../lib/cases/upgrade';
import { validateCase } from '../../lib/cases/validate';
import { buildCaseIndex } from '../../lib/link/case-index';
import type { CaseFile } from '../../lib/cases/format';

const V1 = () => ({
  format: 'casefile/case', version: 1, id: 'c', title: 'A case',
  people: [{ id: 'ann', name: 'Ann Lee', sources: ['s'] }],
  events: [
    { id: 'drop', label: 'Prosecutors dismiss the charges against Ann Lee', date: '2024-04-21', granularity: 'day', participants: ['ann'], sources: ['s'] },
    { id: 'vote', label: 'The council vote', date: '2024-03-05', granularity: 'day', participants: ['ann'], triggers: ['vote'], sources: ['s'] },
  ],
  facts: [],
  sources: [{ id: 's', publisher: 'P', title: 'T', url: 'https://example.org/' }],
});

const V2 = () => ({
  ...V1(),
  version: 2,
  people: [{ id: 'ann', name: 'Ann Lee', born: '1980', ages: [{ age: 43, on: '2024-03-05', sources: ['s'] }], sources: ['s'] }],
  matters: [{ id: 'state_v_lee', name: 'State v. Lee', defendants: ['ann'], charges: [{ name: 'fraud', maximumPenalty: 'P3Y', sources: ['s'] }], sources: ['s'] }],
  works: [{ id: 'film', name: 'Harbor Lights', sources: ['s'] }],
  events: [{ id: 'drop', label: 'Charges dropped', type: 'dismissal', date: '2024-04-21', granularity: 'day', otherDates: ['2024-04-20'], participants: ['ann', 'film'], sources: ['s'] }],
});

describe('case format version 2', () => {
  it('accepts the version 2 fields', () => {
    const result = validateCase(V2());
    expect(result.problems).toEqual([]);
  });

  it.each<[string, (c: any) => void, string]>([
    ['an event type that is not a word', (c) => { c.events[0].type = 'Dismissal!'; }, 'events[0].type'],
    ['an age that is not a whole number', (c) => { c.people[0].ages[0].age = 'forty'; }, 'people[0].ages[0].age'],
    ['an age on a month, not a day', (c) => { c.people[0].ages[0].on = '2024-03'; }, 'people[0].ages[0].on'],
    ['a birth date that is not a date', (c) => { c.people[0].born = 'spring'; }, 'people[0].born'],
    ['a defendant who is not a party', (c) => { c.matters[0].defendants = ['drop']; }, 'matters[0].defendants[0]'],
    ['a penalty that is not a duration', (c) => { c.matters[0].charges[0].maximumPenalty = 'three years'; }, 'matters[0].charges[0].maximumPenalty'],
    ['another date that is not a date', (c) => { c.events[0].otherDates = ['2024-02-30']; }, 'events[0].otherDates[0]'],
    ['ages on an organization', (c) => { c.organizations = [{ id: 'o', name: 'O', ages: [], sources: ['s'] }]; }, 'organizations[0].ages'],
  ])('reports %s with its path', (_what, spoil, path) => {
    const c = V2();
    spoil(c);
    const result = validateCase(c);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toContain(path);
  });

  it('keeps refusing the version 2 fields in a version 1 file', () => {
    const c: any = V1();
    c.events[0].type = 'dismissal';
    c.works = [];
    const result = validateCase(c);
    expect(result.problems.map((p) => p.path).sort()).toEqual(['events[0].type', 'works']);
  });
});

describe('upgrading version 1', () => {
  it('a version 1 file still validates, and is kept as written', () => {
    const result = validateCase(V1());
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.version).toBe(1);
  });

  it('gives events the type their label names, and leaves unclear ones untyped', () => {
    const up = upgradeCase(V1() as unknown as CaseFile);
    expect(up.version).toBe(2);
    expect(up.events.map((e) => e.type)).toEqual(['dismissal', undefined]);
    expect(Object.keys(up.events[0]).slice(0, 3)).toEqual(['id', 'label', 'type']);
    expect(validateCase(up).ok).toBe(true);
  });

  it.each([
    ['Judge dismisses the lawsuit for lack of activity', 'suit-dismissed'],
    ['Grand jury indicts the mayor', 'indictment'],
    ['Filming resumes in Montana', 'production-resumed'],
    ['The State withdraws its appeal', 'appeal-withdrawn'],
    ['Annual picnic', null],
  ])('reads "%s" as %s', (label, type) => {
    expect(inferEventType(label)).toBe(type);
  });

  it('the index reads a version 1 case upgraded', () => {
    const index = buildCaseIndex(V1() as unknown as CaseFile);
    expect(index.eventsByType.get('dismissal')?.map((e) => e.id)).toEqual(['drop']);
  });
});
