import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage, parsePageMessage } from '../../lib/messaging/protocol';

const article = { url: 'http://127.0.0.1/a', title: 'A', site: null, published: '2024-07-17', text: 'Alec Baldwin in 2021.' };

describe('messages are validated on arrival', () => {
  it('accepts a well-formed check request', () => {
    expect(parseBackgroundMessage({ type: 'check-article', article })).not.toBeNull();
  });
  it.each([
    ['no type', { article }],
    ['an unknown type', { type: 'drop-database' }],
    ['no article', { type: 'check-article' }],
    ['a bad publication date', { type: 'check-article', article: { ...article, published: 'yesterday' } }],
    ['text that is not a string', { type: 'check-article', article: { ...article, text: 42 } }],
    ['a URL that is not a string', { type: 'check-article', article: { ...article, url: ['x'] } }],
    ['an import with no file', { type: 'import-case' }],
    ['activation with ids that are not strings', { type: 'set-active-cases', ids: [1, 2] }],
    ['a non-object', 'check-article'],
    ['null', null],
  ])('rejects %s', (_, message) => {
    expect(parseBackgroundMessage(message)).toBeNull();
  });
  it('keeps case management away from web pages', async () => {
    const { CasefileService } = await import('../../lib/background/service');
    const { CasefileDB } = await import('../../lib/db/schema');
    const service = new CasefileService(new CasefileDB(`origin-${Math.random()}`));
    expect(await service.handle({ type: 'export-backup' }, 'page', 'https://news.example/a')).toEqual({ error: 'export-backup is not allowed from a web page' });
    expect(await service.handle({ type: 'import-case', file: {} }, 'page', 'https://news.example/a')).toEqual({ error: 'import-case is not allowed from a web page' });
    expect(await service.handle({ type: 'set-decision', url: 'https://other.example/b', key: 'k', verdict: 'wrong', note: '' }, 'page', 'https://news.example/a'))
      .toEqual({ error: 'a page may only speak about its own article' });
    expect(await service.handle({ type: 'get-article', url: 'https://other.example/b' }, 'page', 'https://news.example/a'))
      .toEqual({ error: 'a page may only speak about its own article' });
  });
  it('rejects malformed page messages', () => {
    expect(parsePageMessage({ type: 'scroll-to' })).toBeNull();
    expect(parsePageMessage({ type: 'scroll-to', id: 'date:1-2' })).not.toBeNull();
  });
});
