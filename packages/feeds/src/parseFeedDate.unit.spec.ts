import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './parseFeedDate.ts';

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 -0700', '2003-06-10T11:00:00.000Z'],
    ['10 Jun 03 04:00 EDT', '2003-06-10T08:00:00.000Z'],
    ['2003-06-10T04:00:00+02:00', '2003-06-10T02:00:00.000Z'],
    ['2003-06-10', '2003-06-10T00:00:00.000Z'],
    ['Jun 10, 2003 4:00 pm PST', '2003-06-11T00:00:00.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseFeedDate(input)).toBe(iso);
  });

  it.each([
    'Tue, 31 Jun 2003 04:00:00 GMT',
    '2003-02-29T00:00:00Z',
    'Tue, 10 Jun 2003 04:00:00 IST',
    '10/06/2003',
    'soon',
    '',
  ])('gives null for %j', (input) => {
    expect(parseFeedDate(input)).toBeNull();
  });
});
