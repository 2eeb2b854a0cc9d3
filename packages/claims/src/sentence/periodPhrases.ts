import type { CalendarDay } from '../dateExpressions.ts';
import { SMALL_NUMBERS } from '../numberWords.ts';
import type { Period } from '../types.ts';

/**
 * Reporting periods that the date reader does not know: quarters ("the fourth quarter of 2004",
 * "fourth-quarter", "Q3"), halves ("the first half"), "the three months to December", "the six
 * months to 31 March", "the first eleven months of 2004", and the full or fiscal year. A quarter or half without a year is the latest
 * one that has ended by publication, or is left open without a publication date.
 */

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  final: 4,
  last: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const NUMBER_WORDS: Record<string, number> = {
  three: 3,
  six: 6,
  nine: 9,
  twelve: 12,
  '3': 3,
  '6': 6,
  '9': 9,
  '12': 12,
};

const QUARTER =
  /\b(?:(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]quarter(?:\s+(?:of\s+)?((?:19|20)\d\d))?|Q([1-4])\s*((?:19|20)\d\d)?)\b/i;
const HALF = /\b(?:the\s+)?(first|second)[\s-]half(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b|\bH([12])\s*((?:19|20)\d\d)?\b/i;
const MONTHS_TO =
  /\b(?:the\s+)?(three|six|nine|twelve|3|6|9|12)\s+months\s+(?:to|ended|ending|through)\s+(?:\d{1,2}\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2},?)?(?:\s+((?:19|20)\d\d))?/i;
const MONTHS_OF =
  /\b(?:the\s+)?(first|last|final)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\s+of\s+((?:19|20)\d\d)\b/i;
const FULL_YEAR = /\b(?:full[\s-]year|the\s+whole\s+year|(?:fiscal|financial)\s+year(?:\s+((?:19|20)\d\d))?)\b/i;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The year of a period that ended in `month` without a year: the latest one ended by publication. */
function yearEnding(month: number, now: CalendarDay | null): number | null {
  if (!now) return null;
  return month <= now.month ? now.year : now.year - 1;
}

export function periodPhrase(text: string, now: CalendarDay | null): Period | null {
  let m = QUARTER.exec(text);
  if (m) {
    const q = m[1] ? ORDINALS[m[1].toLowerCase()]! : Number(m[3]);
    const written = m[2] ?? m[4];
    const year = written ? Number(written) : yearEnding(q * 3, now);
    const label = year ? `Q${q} ${year}` : `Q${q}`;
    return {
      from: year ? `${year}-${pad(q * 3 - 2)}` : null,
      to: year ? `${year}-${pad(q * 3)}` : null,
      text: m[0].replace(/^the\s+/i, ''),
      label,
    };
  }
  m = HALF.exec(text);
  if (m) {
    const h = m[1] ? (m[1].toLowerCase() === 'first' ? 1 : 2) : Number(m[3]);
    const written = m[2] ?? m[4];
    const year = written ? Number(written) : yearEnding(h * 6, now);
    return {
      from: year ? `${year}-${pad(h * 6 - 5)}` : null,
      to: year ? `${year}-${pad(h * 6)}` : null,
      text: m[0].replace(/^the\s+/i, ''),
      label: year ? `H${h} ${year}` : `H${h}`,
    };
  }
  m = MONTHS_OF.exec(text);
  if (m) {
    const months = SMALL_NUMBERS[m[2]!.toLowerCase()] ?? Number(m[2]);
    if (months >= 1 && months <= 12) {
      const year = Number(m[3]);
      const first = m[1]!.toLowerCase() === 'first';
      const fromMonth = first ? 1 : 13 - months;
      const toMonth = first ? months : 12;
      // "the last three months of 2004" is its fourth quarter, "the first six months" its first half.
      const label =
        months === 3 && toMonth % 3 === 0
          ? `Q${toMonth / 3} ${year}`
          : months === 6
            ? `H${toMonth / 6} ${year}`
            : `${first ? 'first' : 'last'} ${months} months of ${year}`;
      return {
        from: `${year}-${pad(fromMonth)}`,
        to: `${year}-${pad(toMonth)}`,
        text: m[0].replace(/^the\s+/i, ''),
        label,
      };
    }
  }
  m = MONTHS_TO.exec(text);
  if (m) {
    const months = NUMBER_WORDS[m[1]!.toLowerCase()]!;
    const endMonth = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const year = m[3] ? Number(m[3]) : yearEnding(endMonth, now);
    let fromMonth = endMonth - months + 1;
    let fromYear = year;
    if (fromMonth < 1 && fromYear !== null) {
      fromMonth += 12;
      fromYear -= 1;
    }
    const to = year ? `${year}-${pad(endMonth)}` : null;
    return {
      from: fromYear ? `${fromYear}-${pad(fromMonth < 1 ? fromMonth + 12 : fromMonth)}` : null,
      to,
      text: m[0].replace(/^the\s+/i, ''),
      label: `${months} months to ${m[2]}${year ? ` ${year}` : ''}`,
    };
  }
  m = FULL_YEAR.exec(text);
  if (m) {
    const year = m[1] ? Number(m[1]) : null;
    return {
      from: year ? String(year) : null,
      to: year ? String(year) : null,
      text: m[0],
      label: year ? String(year) : 'full year',
    };
  }
  return null;
}
