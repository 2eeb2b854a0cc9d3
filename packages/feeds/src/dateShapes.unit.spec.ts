import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './parseFeedDate.ts';

const MAR9 = '2004-03-09T10:15:00.000Z';

describe('parseFeedDate on the shapes publishers write beyond RFC 822 and W3CDTF', () => {
  it.each([
    ['US zone without standard/daylight letter', 'Tue, 09 Mar 2004 05:15:00 ET', MAR9],
    ['RFC 822 military zone, west', 'Tue, 09 Mar 2004 09:15:00 A', MAR9],
    ['RFC 822 military zone, east', 'Tue, 09 Mar 2004 22:15:00 Y', MAR9],
    ['tz database name', 'Tue, 09 Mar 2004 10:15:00 Etc/GMT', MAR9],
    ['ordinal date', '2004-069T10:15:00Z', MAR9],
    ['two-digit-year ordinal', '04069', '2004-03-09T00:00:00.000Z'],
    ['two-digit-year compact', '040309', '2004-03-09T00:00:00.000Z'],
    ['two-digit year and month', '-0403', '2004-03-01T00:00:00.000Z'],
    ['three-digit month', '2004-003-09T10:15:00Z', MAR9],
    ['a year before 1000', 'Fri, 01 Jan 0100 00:00:01 +0100', '0099-12-31T23:00:01.000Z'],
    ['slashed date', 'Tue, 2004/03/09 05:15:00 EST', MAR9],
    ['Greek names', 'Τρι, 09 Μαρ 2004 10:15:00 GMT', MAR9],
    ['Hungarian month', '2004-március-09T5:15-05:00', MAR9],
    ['Korean afternoon, read in Korea time', '2004-03-09 오후 7:15:00', MAR9],
    ['Korean date words', '2004년 03월 09일 19:15:00', MAR9],
  ])('%s: %s', (_, text, iso) => {
    expect(parseFeedDate(text)).toBe(iso);
  });

  it.each(['2003-366', '2004-13-01', 'Tue, 09 Mar 2004 10:15:00 J', '2004-03-09 오후 13:15:00', '2004-foo-09T10:15Z'])(
    'gives null for %j',
    (text) => {
      expect(parseFeedDate(text)).toBeNull();
    },
  );
});
