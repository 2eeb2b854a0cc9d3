import { describe, expect, it } from 'vitest';
import { calendarDay, findDateExpressions, resolveDate } from './dateExpressions.ts';

function resolved(text: string, publishedAt: string): Array<string | null> {
  const now = calendarDay(publishedAt);
  return findDateExpressions(text).map((e) => resolveDate(e, now));
}

describe('dates against the publication date', () => {
  it('a weekday is the latest such day on or before publication', () => {
    // 21 December 2023 was a Thursday.
    expect(resolved('announced this on Wednesday', '2023-12-21T17:24:00Z')).toEqual(['2023-12-20']);
    // 13 October 2023 was a Friday: "on Friday" in that day's paper is the same day.
    expect(resolved('said on Friday', '2023-10-13')).toEqual(['2023-10-13']);
    expect(resolved('said on Friday', '2023-10-14')).toEqual(['2023-10-13']);
  });

  it('months, relative months and years', () => {
    expect(resolved('back in October', '2023-12-21')).toEqual(['2023-10']);
    expect(resolved('in December', '2024-05-03')).toEqual(['2023-12']);
    expect(resolved('gained traction last month', '2023-10-14')).toEqual(['2023-09']);
    expect(resolved('since the end of last year', '2024-05-03')).toEqual(['2023-12']);
    expect(resolved('in August of this year', '2023-12-21')).toEqual(['2023-08']);
    expect(resolved('since February 2022', '2023-10-14')).toEqual(['2022-02']);
    expect(resolved('yesterday', '2024-03-01')).toEqual(['2024-02-29']);
  });

  it('days with and without a year', () => {
    expect(resolved('between September 7 and October 1', '2023-10-14')).toEqual(['2023-09-07', '2023-10-01']);
    expect(resolved('on 9 July 2024', '2023-10-14')).toEqual(['2024-07-09']);
    expect(resolved('on December 30', '2024-01-02')).toEqual(['2023-12-30']);
  });

  it('times and phone numbers are found but resolve to nothing', () => {
    const found = findDateExpressions('Call +1 202 555 0100 before 5 p.m. or at 17:24.');
    expect(found.map((e) => e.kind)).toEqual(['phone', 'time', 'time']);
  });

  it('without a publication date nothing relative resolves', () => {
    expect(resolved('on Friday', '')).toEqual([null]);
    expect(resolved('in February 2022', '')).toEqual(['2022-02']);
  });
});
