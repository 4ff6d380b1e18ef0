import { describe, expect, it } from 'vitest';
import { fromDraft, problemField, toDraft } from '../../components/options/record-form';
import type { CaseList } from '../../lib/cases/edits';
import { validateCase } from '../../lib/cases/validate';
import { BUNDLED } from '../helpers/pipeline';

describe('the case editor\'s forms', () => {
  it.each<CaseList>(['people', 'organizations', 'events', 'facts', 'sources'])('give back every %s record unchanged when nothing is edited', (list) => {
    for (const record of BUNDLED[list] as unknown as Record<string, unknown>[]) {
      expect(fromDraft(list, toDraft(list, record), record)).toEqual(record);
    }
  });

  it('builds a valid person with a role from typed fields, leaving empty optional fields out', () => {
    const source = BUNDLED.sources[0].id;
    const draft = toDraft('people', {});
    draft.fields = { ...draft.fields, id: 'jane_roe', name: ' Jane Roe ', aliases: 'Roe\n\nJ. Roe', sources: `${source}, `, note: '', status: '' };
    draft.roles = [{ role: 'armorer', from: '2021-10', to: '', sources: source, note: '' }];
    const person = fromDraft('people', draft);
    expect(person).toEqual({ id: 'jane_roe', name: 'Jane Roe', aliases: ['Roe', 'J. Roe'], roles: [{ role: 'armorer', from: '2021-10', to: null, sources: [source] }], sources: [source] });
    expect(validateCase({ ...BUNDLED, people: [...BUNDLED.people, person] }).ok).toBe(true);
  });

  it('takes an event\'s granularity from its date, and a fact\'s value in its type', () => {
    const event = fromDraft('events', { fields: { id: 'e', label: 'Hearing', date: '2024-07', sources: 's' }, roles: [] });
    expect(event).toMatchObject({ date: '2024-07', granularity: 'month' });
    expect(fromDraft('facts', { fields: { type: 'boolean', value: 'false' }, roles: [] }).value).toBe(false);
    expect(fromDraft('facts', { fields: { type: 'number', value: '18' }, roles: [] }).value).toBe(18);
    expect(fromDraft('facts', { fields: { type: 'duration', value: 'P18M' }, roles: [] }).value).toBe('P18M');
  });

  it('keeps keys the form does not show', () => {
    const record = { id: 'x', name: 'X', sources: ['s'], 'x-misspellings': ['Xx'] };
    expect(fromDraft('people', toDraft('people', record), record)).toEqual(record);
  });

  it.each<[string, ReturnType<typeof problemField>]>([
    ['events[12].date: "2024-13-01" is not a date', { key: 'date' }],
    ['people[3].roles[1].from: "2022" is after "to" ("2021")', { key: 'from', role: 1 }],
    ['sources[0].url: "ftp://x" is not an http(s) URL', { key: 'url' }],
    ['Not saved (the case is unchanged):', null],
  ])('places the problem "%s" at its field', (problem, field) => {
    expect(problemField(problem)).toEqual(field);
  });
});
