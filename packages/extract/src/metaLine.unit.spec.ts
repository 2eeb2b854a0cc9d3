import { describe, expect, it } from 'vitest';
import { isMetaLine } from './metaLine.ts';

describe('isMetaLine', () => {
  it('reads dates, an update, a byline and the outlet joined by separators', () => {
    expect(isMetaLine('Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC')).toBe(true);
    expect(
      isMetaLine(
        'Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup)',
      ),
    ).toBe(true);
    expect(isMetaLine('Harbour Courier · 12 March 2024 · 4 min read')).toBe(true);
    expect(isMetaLine('Von Anna Berg | 3. März 2024, 14:05 Uhr')).toBe(true);
  });

  it('needs a date among the parts', () => {
    expect(isMetaLine('Harbour Courier | By Ana Ruiz')).toBe(false);
    expect(isMetaLine('1 / 5')).toBe(false);
    expect(isMetaLine('2019 | 2020 | 2021')).toBe(false);
  });

  it('leaves sentences alone, even with a date and a separator in them', () => {
    expect(isMetaLine('The vote is on March 5, 2024 | the count follows the day after.')).toBe(false);
    expect(isMetaLine('Sales rose 4% in March 2024 / compared with a year earlier')).toBe(false);
    expect(isMetaLine('Updated March 5, 2024')).toBe(false);
  });
});
