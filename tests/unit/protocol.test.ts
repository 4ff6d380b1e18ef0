import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage, parsePageMessage } from '../../lib/messaging/protocol';

const article = { url: 'http://127.0.0.1/a', title: 'A', site: null, published: '2024-07-17', text: 'Alec Baldwin in 2021.' };

describe('messages are validated on arrival', () => {
  it('accepts a well-formed check request', () => {
    expect(parseBackgroundMessage({ type: 'check-article', article, mentions: [{ start: 0, end: 12, kind: 'person' }, { start: 16, end: 20, kind: 'date', value: '2021', granularity: 'year' }] })).not.toBeNull();
  });
  it.each([
    ['no type', { article }],
    ['an unknown type', { type: 'drop-database' }],
    ['a mention past the text', { type: 'check-article', article, mentions: [{ start: 0, end: 999, kind: 'person' }] }],
    ['an inverted mention', { type: 'check-article', article, mentions: [{ start: 5, end: 2, kind: 'person' }] }],
    ['an unknown kind', { type: 'check-article', article, mentions: [{ start: 0, end: 3, kind: 'weapon' }] }],
    ['a date with no value', { type: 'check-article', article, mentions: [{ start: 16, end: 20, kind: 'date' }] }],
    ['a bad publication date', { type: 'check-article', article: { ...article, published: 'yesterday' }, mentions: [] }],
    ['text that is not a string', { type: 'check-article', article: { ...article, text: 42 }, mentions: [] }],
    ['a non-object', 'check-article'],
    ['null', null],
  ])('rejects %s', (_, message) => {
    expect(parseBackgroundMessage(message)).toBeNull();
  });
  it('rejects malformed page messages', () => {
    expect(parsePageMessage({ type: 'scroll-to' })).toBeNull();
    expect(parsePageMessage({ type: 'scroll-to', id: 'date:1-2' })).not.toBeNull();
  });
});
