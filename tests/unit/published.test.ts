import { describe, expect, it } from 'vitest';
import { findPublished, normaliseDay } from '../../lib/extract/published';
import { htmlDocument } from '../helpers/pipeline';

describe('publication date', () => {
  it.each([
    ['2025-01-15T09:00:00-05:00', '2025-01-15'],
    ['2024-07-17T14:30:00Z', '2024-07-17'],
    ['20240717', '2024-07-17'],
    ['July 17, 2024', '2024-07-17'],
    ['0001-01-01T00:00:00Z', null],
    ['2024-02-30', null],
    ['soon', null],
    ['', null],
  ])('normaliseDay(%j) = %s', (raw, day) => expect(normaliseDay(raw)).toBe(day));

  it.each([
    ['<meta property="article:published_time" content="2024-07-17T14:30:00Z">', '2024-07-17'],
    ['<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-04-21"}]}</script>', '2023-04-21'],
    ['<script type="application/ld+json">{broken</script><time datetime="2022-10-05">Oct 5</time>', '2022-10-05'],
    ['<meta property="article:published_time" content="0001-01-01"><time datetime="2019-11-20">x</time>', '2019-11-20'],
  ])('reads %s', (head, day) => {
    expect(findPublished(htmlDocument(`<html><head>${head}</head><body><article>${head.includes('<time') ? '' : ''}</article></body></html>`))).toBe(day);
  });
});
