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
    ['The filing is due by March.', '2024-09-27', [['March', '2025-03', 'month']]],
    ['Vigils will be held for the cinematographer, who was killed on the set on Thursday.', '2021-10-22', [['Thursday', '2021-10-21', 'day']]],
    ['Vigils will be held on Saturday.', '2021-10-22', [['Saturday', '2021-10-23', 'day']]],
    ['Bullets handed over by a man from Arizona near the close of her trial in March.', '2024-09-27', [['March', '2024-03', 'month']]],
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
    // Quarters, resolved to the latest one that has begun, or anchored on the quarter just named.
    ['Net income rose 12% in the third quarter.', '1989-11-02', [['the third quarter', '1989-Q3', 'quarter']]],
    ['Earnings fell in the fourth quarter.', '1998-02-06', [['the fourth quarter', '1997-Q4', 'quarter']]],
    ['Profit rose in the third quarter. In the year-ago period, it lost $3 million.', '1989-11-02',
      [['the third quarter', '1989-Q3', 'quarter'], ['the year-ago period', '1988-Q3', 'quarter']]],
    ['Third-quarter revenue was flat.', '1989-10-26', [['Third-quarter', '1989-Q3', 'quarter']]],
    // Seasons, decades, centuries, ISO weeks, halves.
    ['Filming stopped last summer.', '2024-10-01', [['last summer', '2024-SU', 'season']]],
    ['Production planned to restart in the spring of 2023.', '2022-10-05', [['the spring of 2023', '2023-SP', 'season']]],
    ['Sales boomed in the 1990s and slumped in the late 1980s.', '2024-07-17', [['the 1990s', '199', 'decade'], ['the late 1980s', '198', 'decade']]],
    ['It was the worst crash of the 20th century.', '2024-07-17', [['the 20th century', '19', 'century']]],
    ['The jury will deliberate next week.', '2024-07-17', [['next week', '2024-W30', 'week']]],
    ['Revenue grew in the first half of 2024.', '2024-10-01', [['the first half of 2024', '2024-H1', 'half']]],
    // "ago", "earlier this year", spelled-out relative days.
    ['The charges were dropped two weeks ago.', '2024-07-17', [['two weeks ago', '2024-W27', 'week']]],
    ['The set was closed a year ago.', '2024-07-17', [['a year ago', '2023', 'year']]],
    ['Late yesterday the judge ruled.', '2024-07-17', [['Late yesterday', '2024-07-16', 'day']]],
    // A date without a year: the latest before publication unless it is near and nothing marks the past.
    ['The offer expires Dec. 7.', '1989-10-27', [['Dec. 7', '1989-12-07', 'day']]],
    ['The armorer was sentenced on Oct. 21.', '2024-07-17', [['Oct. 21', '2023-10-21', 'day']]],
    ['Shareholders of record March 31 will receive the dividend.', '1989-11-01', [['March 31', '1989-03-31', 'day']]],
    ['The hearing is set for Monday.', '2024-07-17', [['Monday', '2024-07-22', 'day']]],
    // Vague references are dates of their own kind, kept for TimeML but never checked.
    ['Baldwin recently returned to work and is now filming.', '2024-07-17', [['recently', 'PAST_REF', 'ref'], ['now', 'PRESENT_REF', 'ref']]],
    // Not dates: times of day, money, counts, scores, page numbers, names with years.
    ['The jury returned at 5 p.m. Friday.', '2024-07-17', []],
    ['He earned $2021 for the weekend job.', '2024-07-17', [['the weekend', '2024-W28-WE', 'week']]],
    ['Shares traded at 1,995 yen.', '2024-07-17', []],
    ['The Lakers won 108-104.', '2024-07-17', []],
    ['See Section 1983 of the code.', '2024-07-17', []],
    ['Wire dateline 19980114 from London.', '1998-01-14', [['19980114', '1998-01-14', 'day']]],
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
