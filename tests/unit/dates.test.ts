import { describe, expect, it } from 'vitest';
import { recogniseDates } from '../../lib/recognise/dates';
import { granularityOf, sameAtCoarser } from '../../lib/dates/calendar';

const found = (text: string, published: string | null) =>
  recogniseDates(text, published).map((m) => [text.slice(m.start, m.end), m.value, m.granularity]);

describe('recogniseDates', () => {
  it.each([
    ['On July 12, a New Mexico judge threw out the case.', '2024-07-17', [['July 12', '2024-07-12', 'day']]],
    ['She was convicted of the same charge in March.', '2024-07-17', [['March', '2024-03', 'month']]],
    ['She was convicted in September.', '2024-07-17', [['September', '2023-09', 'month']]],
    ['He will be sentenced in September.', '2024-07-17', [['September', '2024-09', 'month']]],
    ['Filming resumed last year and was completed.', '2024-07-17', [['last year', '2023', 'year']]],
    ['Prosecutors dismissed the charges earlier this year.', '2025-01-15', [['earlier this year', '2025', 'year']]],
    ['the fatal 2021 shooting on the set', '2024-07-17', [['2021', '2021', 'year']]],
    ['in connection with the 2021 death of Halyna Hutchins', '2025-01-15', [['2021', '2021', 'year']]],
    ['the incident on the set in October 2021, where', '2025-01-15', [['October 2021', '2021-10', 'month']]],
    ['On June 16, 2025, Halyna Hutchins was shot.', '2024-07-17', [['June 16, 2025', '2025-06-16', 'day']]],
    ['The prosecutor said on Monday that', '2024-07-17', [['Monday', '2024-07-15', 'day']]],
    ['Jury selection ran July 9-12.', '2024-07-17', [['July 9-12', '2024-07-09', 'day']]],
    ['under the federal Civil Rights Act of 1871.', '2024-07-17', []],
    ['Shares rose to $625 a share.', '2024-07-17', []],
    ['She answered 7/8 of the questions.', '2024-07-17', []],
    ['The meeting starts at 3 p.m.', '2024-07-17', []],
    ['More than 2000 people came.', '2024-07-17', []],
    ['Last month the court ruled.', '2024-07-17', [['Last month', '2024-06', 'month']]],
  ])('%s (published %s)', (text, published, expected) => {
    expect(found(text, published)).toEqual(expected);
  });
});

describe('calendar values', () => {
  it.each([
    ['2021', 'year'], ['2021-10', 'month'], ['2021-10-21', 'day'], ['2024-02-29', 'day'],
    ['2023-02-29', null], ['2024-13-01', null], ['2024-1-01', null], ['21', null],
  ])('granularityOf(%s) = %s', (value, g) => expect(granularityOf(value)).toBe(g));

  it.each([
    ['2021-10-21', 'day', '2021-10', 'month', true],
    ['2021-10-21', 'day', '2021', 'year', true],
    ['2023-04-21', 'day', '2025', 'year', false],
    ['2024-03-06', 'day', '2024-04', 'month', false],
  ] as const)('%s (%s) vs %s (%s) agree: %s', (a, ga, b, gb, same) => {
    expect(sameAtCoarser({ value: a, granularity: ga }, { value: b, granularity: gb })).toBe(same);
  });
});
