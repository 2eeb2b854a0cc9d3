/**
 * Dates, times, phone numbers and other number-bearing expressions that are not quantities. They
 * are found on the raw sentence with regular expressions: the quantity extractor masks them, the
 * claim extractor resolves the dates among them against the publication date.
 */
export type DateExpression =
  | { kind: 'date'; start: number; end: number; text: string; year: number | null; month: number; day: number }
  | { kind: 'month'; start: number; end: number; text: string; year: number | null; month: number; rel: number | null }
  | { kind: 'year'; start: number; end: number; text: string; year: number }
  | { kind: 'weekday'; start: number; end: number; text: string; weekday: number }
  | {
      kind: 'relative';
      start: number;
      end: number;
      text: string;
      unit: 'day' | 'week' | 'month' | 'year';
      offset: number;
      edge: 'start' | 'end' | null;
    }
  | { kind: 'time' | 'phone' | 'decade' | 'ordinal' | 'fraction'; start: number; end: number; text: string };

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const MON =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
// A month name alone: not "May" or "March" (verbs), which need a preposition before them.
const MON_SAFE =
  '(January|February|April|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:1[89]|20)\\d{2})';
const NOT_NUMBER_AFTER = '(?![,.]?\\d|\\s*(?:%|percent|per cent|million|billion|thousand|hundred))';

interface Pattern {
  re: RegExp;
  /**
   * What the sentence must contain for `re` to have a chance: `month` (a month name's first three
   * letters), or a cheaper regex. A pattern without one runs on every sentence.
   */
  cue?: 'month' | RegExp;
  make: (m: RegExpExecArray) => Omit<DateExpression, 'start' | 'end' | 'text'> | null;
}

const month = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')] ?? 0;
const validDay = (d: number): boolean => d >= 1 && d <= 31;

// Order matters: longer forms first; overlapping later matches are dropped.
const PATTERNS: Pattern[] = [
  // 2023-10-13, 13/10/2023, 13.10.2023
  {
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    make: (m) => ({ kind: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  { re: /\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b/g, make: () => ({ kind: 'ordinal' }) },
  // Times: 17:24, 5 p.m., 10am, 0600 GMT, 3 o'clock
  {
    re: /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?|\s*(?:GMT|UTC|CET|CEST|EET|EEST|EST|EDT|ET|PT|BST|MSK|local time|Kyiv time|Moscow time)\b)?|\b\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?|(?:GMT|UTC|CET|CEST|EET|EEST|EST|EDT|ET|BST|MSK|local time|Kyiv time|Moscow time)\b)/g,
    make: () => ({ kind: 'time' }),
  },
  { re: /\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?(?![a-z])/gi, make: () => ({ kind: 'time' }) },
  { re: /\b\d{1,2}\s*o['’]clock\b/gi, cue: /clock/i, make: () => ({ kind: 'time' }) },
  {
    re: /\b[0-2]\d[0-5]\d\s*(?:GMT|UTC|hrs|local time)\b/g,
    cue: /GMT|UTC|hrs|local time/,
    make: () => ({ kind: 'time' }),
  },
  // Phone numbers: +1 202 555 0100, (202) 555-0100, 202-555-0100, or digits after a phone cue.
  { re: /\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}\b/g, cue: /\+/, make: () => ({ kind: 'phone' }) },
  { re: /\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}\b/g, cue: /\(/, make: () => ({ kind: 'phone' }) },
  { re: /\b\d{3}[.-]\d{3}[.-]\d{4}\b/g, make: () => ({ kind: 'phone' }) },
  {
    re: /(?<=\b(?:call|called|calling|phone|phoned|telephone|tel\.?|hotline|fax|dial|dialled|dialed|number|whatsapp|helpline|reached)[:\s]+(?:on\s+|at\s+)?)\+?\d[\d\s().-]{5,}\d/gi,
    // The digits it takes (a case-insensitive list of cue words costs more than this).
    cue: /\d[\d\s().-]{5,}\d/,
    make: () => ({ kind: 'phone' }),
  },
  // Day ranges: "between 5 and 9 December", "5-9 December"
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|-|–)\\s*${DAY}\\s+${MON}(?![a-z])(?:,?\\s+${YEAR}\\b)?`,
      'g',
    ),
    cue: 'month',
    make: (m) => {
      const d = Number(m[1]);
      return validDay(d) && validDay(Number(m[2]))
        ? { kind: 'date', year: m[4] ? Number(m[4]) : null, month: month(m[3]!), day: d }
        : null;
    },
  },
  // September 7, 2023 · Sept. 7 · April 22nd
  {
    re: new RegExp(`\\b${MON}\\s+${DAY}\\b${NOT_NUMBER_AFTER}(?:,?\\s+${YEAR}\\b)?`, 'g'),
    cue: 'month',
    make: (m) => {
      const d = Number(m[2]);
      return validDay(d) ? { kind: 'date', year: m[3] ? Number(m[3]) : null, month: month(m[1]!), day: d } : null;
    },
  },
  // 7 September 2023 · 21 Dec 2023 · 22nd of April
  {
    re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MON}(?![a-z])(?:,?\\s+${YEAR}\\b)?`, 'g'),
    cue: 'month',
    make: (m) => {
      const d = Number(m[1]);
      return validDay(d) ? { kind: 'date', year: m[3] ? Number(m[3]) : null, month: month(m[2]!), day: d } : null;
    },
  },
  // February 2022 · August of 2023 · August of this year
  {
    re: new RegExp(`\\b${MON}(?:\\s+of)?,?\\s+${YEAR}\\b`, 'g'),
    cue: 'month',
    make: (m) => ({ kind: 'month', year: Number(m[2]), month: month(m[1]!), rel: null }),
  },
  {
    re: new RegExp(`\\b${MON}\\s+(?:of\\s+)?(this|last|next)\\s+year\\b`, 'g'),
    cue: 'month',
    make: (m) => ({
      kind: 'month',
      year: null,
      month: month(m[1]!),
      rel: m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0,
    }),
  },
  {
    re: /(?<=\b(?:in|since|by|until|till|from|through|to|before|after|during|early|late|mid-?|of|and|between|end of|start of|beginning of|back in)\s+)(May|March)\b/g,
    cue: 'month',
    make: (m) => ({ kind: 'month', year: null, month: month(m[1]!), rel: null }),
  },
  {
    re: new RegExp(`\\b${MON_SAFE}(?![\\w])`, 'g'),
    cue: 'month',
    make: (m) => ({ kind: 'month', year: null, month: month(m[1]!), rel: null }),
  },
  // Weekdays
  {
    re: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    cue: /day/,
    make: (m) => ({ kind: 'weekday', weekday: WEEKDAYS[m[1]!.toLowerCase()]! }),
  },
  // the end of last year · the start of this year
  {
    re: /\b(?:the\s+)?(end|start|beginning|close)\s+of\s+(last|this|next|the)\s+(year|month)\b/gi,
    make: (m) => ({
      kind: 'relative',
      unit: m[3]!.toLowerCase() as 'year' | 'month',
      offset: relOffset(m[2]!),
      edge: m[1]!.toLowerCase() === 'end' || m[1]!.toLowerCase() === 'close' ? 'end' : 'start',
    }),
  },
  {
    re: /\b(yesterday|today|tonight|tomorrow)\b/gi,
    make: (m) => {
      const w = m[1]!.toLowerCase();
      return { kind: 'relative', unit: 'day', offset: w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0, edge: null };
    },
  },
  {
    re: /\b(last|this|next|earlier this|later this|past)\s+(week|month|year)\b/gi,
    make: (m) => ({
      kind: 'relative',
      unit: m[2]!.toLowerCase() as 'week' | 'month' | 'year',
      offset: relOffset(m[1]!),
      edge: null,
    }),
  },
  // Years after a preposition: "in 2023", "In 2004,", "for 2004 was"; "since February" handled above;
  // "in 2004 cars" counts cars.
  {
    re: new RegExp(
      `(?<=\\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough|[Bb]efore|[Aa]fter|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|of|between|and|[Ff]or)\\s+)${YEAR}\\b(?![,.]?\\d|\\s+(?!(?:and|to|was|has|is|as|its|this|his|thus|plus)\\b)[a-z]+s\\b)`,
      'g',
    ),
    cue: /(?:1[89]|20)\d\d/,
    make: (m) => ({ kind: 'year', year: Number(m[1]) }),
  },
  // Fiscal years and year ranges (2023-24, 2022/23), decades (1990s, '90s), ordinals (3rd), fractions and 24/7.
  { re: /\b(?:19|20)\d{2}[-–/](?:\d{2}|(?:19|20)\d{2})\b/g, make: () => ({ kind: 'decade' }) },
  { re: /\b\d{4}s\b|['’]\d0s\b/g, cue: /\ds/, make: () => ({ kind: 'decade' }) },
  { re: /\b\d+(?:st|nd|rd|th)\b/g, make: () => ({ kind: 'ordinal' }) },
  { re: /\b\d+\/\d+\b/g, make: () => ({ kind: 'fraction' }) },
];

function relOffset(w: string): number {
  const s = w.toLowerCase();
  if (s === 'last' || s === 'past') return -1;
  if (s === 'next') return 1;
  return 0;
}

const DIGIT = /\d/;
/** Without a digit or a month, a date needs one of these ("Monday", "today", "last week", "the end of the year"). */
const DATE_WORD = /day|month|year|week|tonight/;
/** Every month pattern needs one of these (case as written): January → Jan, Sept. → Sep. */
const MONTH_CUE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
/**
 * Patterns that cannot match without a digit: those whose source names `\d` outside lookarounds and
 * optional groups (every alternative of today's patterns has one). A sentence without digits skips
 * two thirds of the scans.
 */
const NEEDS_DIGIT = PATTERNS.map((p) => {
  const bare = p.re.source
    .replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, '')
    .replace(/\((?:[^()]|\([^()]*\))*\)\?/g, '');
  return /\\d/.test(bare);
});

/** Finds date, time and phone expressions in a sentence, left to right, without overlaps. */
export function findDateExpressions(sentence: string): DateExpression[] {
  const hasDigit = DIGIT.test(sentence);
  const hasMonth = MONTH_CUE.test(sentence);
  if (!hasDigit && !hasMonth && !DATE_WORD.test(sentence)) return [];
  const found: DateExpression[] = [];
  const taken: Array<[number, number]> = [];
  for (let i = 0; i < PATTERNS.length; i++) {
    const p = PATTERNS[i]!;
    if (!hasDigit && NEEDS_DIGIT[i]) continue;
    if (p.cue === 'month' ? !hasMonth : p.cue && !p.cue.test(sentence)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        p.re.lastIndex++;
        continue;
      }
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const made = p.make(m);
      if (!made) continue;
      taken.push([start, end]);
      found.push({ ...made, start, end, text: m[0] } as DateExpression);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A calendar day (UTC) used as "now" for resolving relative dates. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function calendarDay(iso: string | null | undefined): CalendarDay | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const formatDay = (d: CalendarDay): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
export const formatMonth = (year: number, month: number): string => `${year}-${pad(month)}`;

function addDays(d: CalendarDay, n: number): CalendarDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function addMonths(year: number, month: number, n: number): [number, number] {
  const i = year * 12 + (month - 1) + n;
  return [Math.floor(i / 12), (i % 12) + 1];
}

/**
 * Resolves a date expression against the publication day: the result is `YYYY-MM-DD`, `YYYY-MM` or
 * `YYYY`, as precise as the expression. Dates without a year and weekdays are taken as the latest
 * such date on or before publication (news reports the past); "in October" likewise.
 * `edge` picks the first or last day of a span for "since the end of last year".
 */
export function resolveDate(e: DateExpression, now: CalendarDay | null): string | null {
  switch (e.kind) {
    case 'date': {
      if (e.year !== null) return formatDay({ year: e.year, month: e.month, day: e.day });
      if (!now) return null;
      let year = now.year;
      // A date more than a few days after publication belongs to the previous year.
      if (e.month > now.month || (e.month === now.month && e.day > now.day + 3)) year--;
      return formatDay({ year, month: e.month, day: e.day });
    }
    case 'month': {
      if (e.year !== null) return formatMonth(e.year, e.month);
      if (!now) return null;
      if (e.rel !== null) return formatMonth(now.year + e.rel, e.month);
      return formatMonth(e.month > now.month ? now.year - 1 : now.year, e.month);
    }
    case 'year':
      return String(e.year);
    case 'weekday': {
      if (!now) return null;
      const wd = new Date(Date.UTC(now.year, now.month - 1, now.day)).getUTCDay();
      return formatDay(addDays(now, -((wd - e.weekday + 7) % 7)));
    }
    case 'relative': {
      if (!now) return null;
      if (e.unit === 'day') return formatDay(addDays(now, e.offset));
      if (e.unit === 'week') {
        const d = addDays(now, 7 * e.offset);
        return formatMonth(d.year, d.month);
      }
      if (e.unit === 'month') {
        const [y, m] = addMonths(now.year, now.month, e.offset);
        return formatMonth(y, m);
      }
      const y = now.year + e.offset;
      if (e.edge === 'end') return formatMonth(y, 12);
      if (e.edge === 'start') return formatMonth(y, 1);
      return String(y);
    }
    default:
      return null;
  }
}
