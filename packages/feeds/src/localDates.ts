import { fraction, toIso, twelveHour, zoneOffset } from './dateFields.ts';

/**
 * Date shapes of particular publishing tools and languages, each a general form rather than one
 * feed's quirk: slashed dates (`Fri, 2006/09/15 08:19:53 EDT`), Hungarian month names in an ISO
 * frame (`2004-július-13T9:15-05:00`), Korean dates (`2004-05-25 오후 11:23:17`,
 * `2004년 05월 28일 01:31:15`), and Greek month names in an RFC 822 frame, which the caller
 * rewrites into English (`greekToEnglish`).
 */

/** Accents and case removed, so `Ιούλ`, `ΙΟΥΛ` and `Ιουλ` compare equal. */
function bare(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Stems of month names, January first; a written name matches when it starts with the stem. */
const HUNGARIAN_MONTHS = ['jan', 'feb', 'marc', 'apr', 'maj', 'jun', 'jul', 'aug', 'szep', 'okt', 'nov', 'dec'];
const GREEK_MONTHS = ['ιαν', 'φεβ', 'μαρ', 'απρ', 'μαι', 'ιουν', 'ιουλ', 'αυγ', 'σεπ', 'οκτ', 'νοε', 'δεκ'];
/** Short forms that drop the `ου` digraph: `Ιον` (June) and `Ιολ` (July). */
const GREEK_SHORT: Record<string, number> = { ιον: 6, ιολ: 7 };
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthFromStems(word: string, stems: readonly string[]): number | undefined {
  const key = bare(word).replace(/\.$/, '');
  if (key.length < 3) return undefined;
  // Longest stem first, so `ιουλ` (July) is not taken for `ιουν` (June) by a shorter prefix.
  let best: number | undefined;
  let bestLength = 0;
  stems.forEach((stem, i) => {
    if (key.startsWith(stem) && stem.length > bestLength) {
      best = i + 1;
      bestLength = stem.length;
    }
  });
  return best;
}

const HAS_GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;

/**
 * An RFC 822 date written with Greek day and month names, rewritten with English ones
 * (`Κυρ, 11 Ιούλ 2004 12:00:00 EST` → `11 Jul 2004 12:00:00 EST`); null when it is not one.
 */
export function greekToEnglish(text: string): string | null {
  if (!HAS_GREEK.test(text)) return null;
  const m = /^(?:[^\s\d,]+,?\s*)?(\d{1,2})\s+([^\s\d,]+)\s+(.+)$/.exec(text);
  if (!m) return null;
  const word = bare(m[2]!).replace(/\.$/, '');
  const month = GREEK_SHORT[word] ?? monthFromStems(m[2]!, GREEK_MONTHS);
  if (month === undefined) return null;
  return `${m[1]} ${ENGLISH_MONTHS[month - 1]} ${m[3]}`;
}

const ZONE = String.raw`(z|[+-]\d{2}(?::?\d{2})?|[a-z]{2,5})?`;
const SLASHED = new RegExp(
  String.raw`^(?:[a-z]{2,9}\.?,?\s*)?(\d{4})/(\d{1,2})/(\d{1,2})(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*${ZONE}$`,
  'i',
);
const HUNGARIAN = new RegExp(
  String.raw`^(\d{4})-([a-z\u00c0-\u017f]{3,12})\.?-(\d{1,2})(?:t(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*${ZONE}$`,
  'i',
);
/** Korean dates carry no zone; Korea keeps one zone, UTC+9, all year. */
const KOREA = 540;
const KOREAN_ISO = /^(\d{4})-(\d{2})-(\d{2})\s+(오전|오후)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const KOREAN_WORDS = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s*(?:(오전|오후)\s*)?(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The instant of one of the shapes above, null when such a shape is invalid, undefined when none matches. */
export function parseLocalDate(text: string): string | null | undefined {
  let m = SLASHED.exec(text);
  if (m) {
    const offset = zoneOffset(m[8]);
    if (offset === undefined) return null;
    return toIso({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: m[4] ? Number(m[4]) : 0,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: fraction(m[7]),
      offset,
    });
  }
  m = HUNGARIAN.exec(text);
  if (m) {
    const month = monthFromStems(m[2]!, HUNGARIAN_MONTHS);
    const offset = zoneOffset(m[7]);
    if (month === undefined || offset === undefined) return null;
    return toIso({
      year: Number(m[1]),
      month,
      day: Number(m[3]),
      hour: m[4] ? Number(m[4]) : 0,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: 0,
      offset,
    });
  }
  m = KOREAN_ISO.exec(text);
  if (m) {
    const hour = twelveHour(Number(m[5]), m[4] === '오후');
    if (hour === undefined) return null;
    return toIso({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour,
      minute: Number(m[6]),
      second: m[7] ? Number(m[7]) : 0,
      millisecond: 0,
      offset: KOREA,
    });
  }
  m = KOREAN_WORDS.exec(text);
  if (m) {
    let hour: number | undefined = m[5] ? Number(m[5]) : 0;
    if (m[4]) hour = twelveHour(hour, m[4] === '오후');
    if (hour === undefined) return null;
    return toIso({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour,
      minute: m[6] ? Number(m[6]) : 0,
      second: m[7] ? Number(m[7]) : 0,
      millisecond: 0,
      offset: KOREA,
    });
  }
  return undefined;
}
