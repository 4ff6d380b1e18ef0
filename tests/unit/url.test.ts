import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../lib/util/url';

describe('article keys', () => {
  it.each([
    ['https://news.example/a/story#comments', null, 'https://news.example/a/story'],
    ['https://news.example/a?utm_source=nl&utm_medium=email&id=7', null, 'https://news.example/a?id=7'],
    ['https://news.example/a?fbclid=xyz&gclid=1', null, 'https://news.example/a'],
    ['https://news.example/a?b=2&a=1', null, 'https://news.example/a?a=1&b=2'],
    ['https://m.news.example/a?smid=tw', 'https://www.news.example/a', 'https://www.news.example/a'],
    ['https://news.example/a?page=2', '/a', 'https://news.example/a'],
    ['https://news.example/a', 'https://elsewhere.example/a', 'https://news.example/a'],
    ['https://news.example/a', 'javascript:alert(1)', 'https://news.example/a'],
    ['not a url', null, 'not a url'],
  ])('%s (canonical %s) → %s', (url, canonical, expected) => {
    expect(normaliseUrl(url, canonical)).toBe(expected);
  });
});
