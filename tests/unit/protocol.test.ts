import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CasefileService } from '../../lib/background/service';
import { TABLE } from '../../lib/background/table';
import { CasefileDB } from '../../lib/db/schema';
import { dispatch } from '../../lib/messaging/router';
import { PAGE_TABLE } from '../../lib/page/messages';
import { refusal } from '../helpers/service';

const article = { url: 'http://127.0.0.1/a', title: 'A', site: null, published: '2024-07-17', text: 'Alec Baldwin in 2021.' };
const fresh = () => new CasefileService(new CasefileDB(`origin-${Math.random()}`));

describe('messages are validated on arrival', () => {
  it.each([
    ['no type', { article }],
    ['an unknown type', { type: 'drop-database' }],
    ['a type inherited from Object', { type: 'toString' }],
    ['no article', { type: 'check-article' }],
    ['a bad publication date', { type: 'check-article', article: { ...article, published: 'yesterday' } }],
    ['text that is not a string', { type: 'check-article', article: { ...article, text: 42 } }],
    ['a URL that is not a string', { type: 'check-article', article: { ...article, url: ['x'] } }],
    ['a URL with a line break', { type: 'check-article', article: { ...article, url: 'http://127.0.0.1/a\n' } }],
    ['an import with no file', { type: 'import-case' }],
    ['activation with ids that are not strings', { type: 'set-active-cases', ids: [1, 2] }],
    ['an edit of a list the format has not', { type: 'edit-case', id: 'x', edit: { op: 'put', list: 'bogus', record: { id: 'a' } } }],
    ['a non-object', 'check-article'],
    ['null', null],
  ])('refuses %s as malformed, saying where', async (_, message) => {
    const refused = await refusal(fresh(), message as object);
    expect(refused.code).toBe('malformed');
  });

  it('names each bad field with its path', async () => {
    const refused = await refusal(fresh(), { type: 'check-article', article: { ...article, published: 'yesterday', text: 42 } });
    expect(refused.problems).toEqual(['article.published: "yesterday" is not a day (expected YYYY-MM-DD)', 'article.text: 42 is not a string']);
  });

  it('keeps case management away from web pages, and each page to its own article', async () => {
    const service = fresh();
    const page = 'https://news.example/a';
    for (const type of ['export-backup', 'import-case', 'list-cases', 'get-case', 'delete-case', 'list-articles', 'page-additions', 'undo-addition']) {
      expect((await refusal(service, { type, file: {}, id: 'x', caseId: 'x', url: page }, 'page', page)).code).toBe('forbidden');
    }
    expect(await refusal(service, { type: 'set-decision', url: 'https://other.example/b', key: 'k', verdict: 'wrong', note: '' }, 'page', page))
      .toMatchObject({ code: 'forbidden', message: 'a page may only speak about its own article' });
    expect((await refusal(service, { type: 'get-article', url: 'https://other.example/b' }, 'page', page)).code).toBe('forbidden');
    expect((await refusal(service, { type: 'get-article', url: page }, 'page', undefined)).code).toBe('forbidden');
  });

  it('says for every message who may send it, and every page message what it is about', () => {
    for (const [type, entry] of Object.entries(TABLE)) {
      expect(['page', 'extension'], type).toContain(entry.from);
      if (entry.from === 'page') expect(typeof (entry as { about?: unknown }).about, type).toBe('function');
    }
  });

  it('answers a content script\'s messages by its own table, the same way', async () => {
    expect((await dispatch(PAGE_TABLE, { type: 'scroll-to' }, { origin: 'extension' }, null as never))).toMatchObject({ ok: false, code: 'malformed', problems: ['id: nothing is not a string'] });
    expect((await dispatch(PAGE_TABLE, { type: 'get-page-state' }, { origin: 'page', url: 'https://x.example/' }, null as never))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
