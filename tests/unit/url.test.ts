import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../lib/util/url';

describe('article keys', () => {
  it.each([
    ['https://news.example/a/story#comments', null, 'https://news.example/a/story'],
    ['https://news.example/a?utm_source=nl&utm_medium=email&id=7', null, 'https://news.example/a?id=7'],
    ['https://news.example/a?fbclid=xyz&gclid=1', null, 'https://news.example/a'],
    ['https://news.example/a?b=2&a=1', null, 'https://news.example/a?a=1&b=2'],
    ['https://www.news.example/a?smid=tw', 'https://www.news.example/a?id=1', 'https://www.news.example/a?id=1'],
    // Only the exact same origin: another host of the same site, another port, a sibling under a shared suffix.
    ['https://m.news.example/a?smid=tw', 'https://www.news.example/a', 'https://m.news.example/a'],
    ['http://127.0.0.1:8001/a', 'http://127.0.0.1:8002/a', 'http://127.0.0.1:8001/a'],
    ['https://attacker.github.io/a', 'https://victim.github.io/a', 'https://attacker.github.io/a'],
    ['https://evil.news.example/a', 'https://news.example/a', 'https://evil.news.example/a'],
    ['https://news.example/a?page=2', '/a', 'https://news.example/a'],
    ['https://news.example/a', 'https://elsewhere.example/a', 'https://news.example/a'],
    ['https://news.example/a', 'javascript:alert(1)', 'https://news.example/a'],
    ['not a url', null, 'not a url'],
  ])('%s (canonical %s) → %s', (url, canonical, expected) => {
    expect(normaliseUrl(url, canonical)).toBe(expected);
  });
});
