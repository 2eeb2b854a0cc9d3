/**
 * A token of a sentence. Offsets are into the string that was tokenized. `spaceBefore` tells
 * whether whitespace separates this token from the previous one: "F-16" and "1K" are told apart
 * from "F - 16" and "1 K" by it.
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
  spaceBefore: boolean;
}

// Numbers: thousands groups of exactly three digits ("11,000", "1,000,000") or plain digits with an
// optional decimal part. Words: dotted acronyms ("U.S.", "a.m."), letters optionally followed by
// letters and digits ("F16", "A320"), with inner apostrophes ("don't") but with the possessive
// "'s" split off so "Russia's" still names Russia. Everything else is one character of punctuation.
const TOKEN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?)|((?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:['’](?![sS]\b)\p{L}+)*|['’][sS]\b)|(\S)/uy;
const SPACE = /\s+/y;

/**
 * Tokens of a text, as `TOKEN` defines them. Plain ASCII words, digit runs and punctuation are read
 * by hand (the common case, three to four times cheaper than a regex match per token); a token that
 * touches a non-ASCII character, a comma after digits ("11,000") or a dotted acronym goes through
 * the regex, so the result is the regex's in every case.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  const code = codeUnits(text);
  let pos = 0;
  let spaceBefore = true;
  while (pos < n) {
    const c = code[pos]!;
    if (c === 32 || (c >= 9 && c <= 13)) {
      pos++;
      spaceBefore = true;
      continue;
    }
    let end = -1;
    let kind: Token['kind'] = 'punct';
    let viaRegex = false;
    if (c < 128) {
      if (isAsciiLetter(c)) {
        end = asciiWordEnd(code, n, pos);
        kind = 'word';
      } else if (c >= 48 && c <= 57) {
        end = asciiNumberEnd(code, n, pos);
        kind = 'num';
      } else if (c === 39) {
        // "'s" is a token of its own; any other apostrophe is punctuation.
        end = possessiveEnd(code, n, pos);
        kind = end === pos + 2 ? 'word' : 'punct';
        if (end < 0) end = pos + 1;
      } else {
        end = pos + 1;
      }
    }
    if (end < 0) {
      // Non-ASCII or an ambiguous case: the regex decides.
      SPACE.lastIndex = pos;
      const ws = SPACE.exec(text);
      if (ws) {
        pos += ws[0].length;
        spaceBefore = true;
        continue;
      }
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(text);
      if (!m) break;
      end = pos + m[0].length;
      kind = m[1] !== undefined ? 'num' : m[2] !== undefined ? 'word' : 'punct';
      viaRegex = true;
    }
    const t = text.slice(pos, end);
    // ASCII digits and punctuation have no case, and most words are lower case already.
    const lower = viaRegex || (kind === 'word' && hasAsciiUpper(code, pos, end)) ? t.toLowerCase() : t;
    out.push({ text: t, lower, start: pos, end, kind, spaceBefore });
    pos = end;
    spaceBefore = false;
  }
  return out;
}

/**
 * The text's UTF-16 code units in a reused typed array, followed by a 0. Reading them there instead
 * of through `String.prototype.charCodeAt` keeps the scan fast in every process: once any module
 * defines a subclass of `String` (ioredis does, for RESP3 verbatim strings), V8 keeps
 * `String.prototype` in dictionary mode and no longer inlines `charCodeAt`. The 0 after the text
 * stands for `charCodeAt`'s NaN past the end: the scanners below read at most one unit past it, and
 * 0 fails every test NaN fails (it is no letter, digit, dot, comma, apostrophe or non-ASCII).
 */
let unitBytes = Buffer.allocUnsafeSlow(8_192);
let units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >>> 1);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (units.length <= n) {
    unitBytes = Buffer.allocUnsafeSlow((n + 1) * 2);
    units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, n + 1);
  }
  if (LITTLE_ENDIAN) unitBytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  units[n] = 0;
  return units;
}

function hasAsciiUpper(code: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = code[i]!;
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * End of an ASCII word at `pos` (a letter): letters and digits, then apostrophe groups ("don't",
 * "O'Brien") but never a possessive "'s". -1 when a non-ASCII character or a dotted acronym
 * ("U.S.") is involved.
 */
function asciiWordEnd(code: Uint16Array, n: number, pos: number): number {
  // "U.S.", "a.m.": letter-dot pairs are the regex's.
  if (code[pos + 1]! === 46) {
    const c2 = code[pos + 2]!;
    if (c2 >= 128 || (isAsciiLetter(c2) && code[pos + 3]! === 46)) return -1;
  }
  let i = pos + 1;
  while (i < n) {
    const c = code[i]!;
    if (isAsciiLetter(c) || (c >= 48 && c <= 57)) i++;
    else if (c >= 128) {
      if (c !== 0x2019) return -1;
      break;
    } else break;
  }
  while (i < n) {
    const c = code[i]!;
    if (c !== 39 && c !== 0x2019) break;
    const s = code[i + 1]!;
    if ((s === 115 || s === 83) && !(i + 2 < n && isAsciiWordChar(code[i + 2]!))) break;
    if (s >= 128) return -1;
    if (!isAsciiLetter(s)) break;
    let j = i + 2;
    while (j < n && isAsciiLetter(code[j]!)) j++;
    if (j < n && code[j]! >= 128 && code[j]! !== 0x2019) return -1;
    i = j;
  }
  return i;
}

/** End of a digit run with an optional decimal part; -1 when a comma follows (thousands groups are the regex's). */
function asciiNumberEnd(code: Uint16Array, n: number, pos: number): number {
  let i = pos + 1;
  while (i < n && isDigit(code[i]!)) i++;
  if (code[i]! === 44) return -1;
  if (code[i]! === 46 && isDigit(code[i + 1]!)) {
    i += 2;
    while (i < n && isDigit(code[i]!)) i++;
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "'s" at `pos` (an apostrophe) not followed by a word character: its end, else -1. */
function possessiveEnd(code: Uint16Array, n: number, pos: number): number {
  const s = code[pos + 1]!;
  if ((s === 115 || s === 83) && !(pos + 2 < n && isAsciiWordChar(code[pos + 2]!))) return pos + 2;
  return -1;
}

/** "1,000.5" → 1000.5 */
export function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

export function isCapitalized(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return t.kind === 'word' && c >= 65 && c <= 90;
}
