/**
 * A text's paragraphs as the fingerprint sees them: hashed words in one flat array, paragraph `p`
 * spanning `words[start[p]] … words[end[p] - 1]`. Flat arrays, because fingerprinting has a budget
 * of a few tens of microseconds per article.
 */
export interface Paragraphs {
  /** FNV-1a of each word's folded characters (the shingle hash mixes them). */
  words: Uint32Array;
  start: number[];
  end: number[];
  /** Ends like a sentence (`.`, `!`, `?`, `…`, possibly inside closing quotes or brackets): body text, not a title or a label. */
  sentence: boolean[];
  /** Length of the line in characters. */
  chars: number[];
  /** Words of the line that begin with a digit (a table row or cell is mostly numbers). */
  numbers: number[];
  /**
   * Word indexes where a sentence begins inside a line: after `.`, `!`, `?` or `…` (and closing
   * quotes) followed by a space, or at the start of a line after one that ended so. Abbreviations
   * ("Mr.", "U.S. officials") cut a sentence too; that is harmless, since every copy is cut alike.
   */
  sentenceStarts: number[];
  /** Set when asked to check: the text has a character NFKC could change (the caller normalises and splits again). */
  needsCompat?: boolean;
}

// Character classes, filled lazily for non-ASCII code units.
const UNKNOWN = 0;
const WORD = 1;
const SEPARATOR = 2;
/** Apostrophes: inside a word they join (`russia's`, `russia’s` → one word). */
const JOINER = 3;
/** Soft hyphen and zero-width characters: ignored. */
const INVISIBLE = 4;
/** Closing quotes and brackets: skipped when looking for a line's final punctuation. */
const CLOSER = 5;
const NEWLINE = 6;
const SPACE = 7;

const CLASS = new Uint8Array(65_536);
/** Lower-case form of each word character (filled with its class): case folds while hashing, without a lower-cased copy. */
const FOLD = new Uint16Array(65_536);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[a-zA-Z0-9]/.test(ch) ? WORD : SEPARATOR;
  FOLD[c] = ch.toLowerCase().charCodeAt(0);
}
for (const c of [0x09, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x2007, 0x202f, 0x3000]) CLASS[c] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) CLASS[c] = SPACE;
for (const c of [0x27, 0x2019, 0x02bc, 0x2032, 0x60, 0xb4]) CLASS[c] = JOINER;
for (const c of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) CLASS[c] = INVISIBLE;
for (const c of [0x22, 0x29, 0x5d, 0x201d, 0x00bb, 0x203a]) CLASS[c] = CLOSER;
for (const c of [0x0a, 0x2028, 0x2029]) CLASS[c] = NEWLINE;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CHAR = /\s/u;

function classOf(c: number): number {
  const k = CLASS[c]!;
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  const found = WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : SEPARATOR;
  FOLD[c] = ch.toLowerCase().charCodeAt(0);
  CLASS[c] = found;
  return found;
}

/**
 * CLASS and FOLD in one lookup for the hot loop: a word character's folded code (positive), any
 * other class negated, 0 while not yet classified.
 */
const CODE = new Int32Array(65_536);

function codeOf(c: number): number {
  const k = classOf(c);
  const x = k === WORD ? FOLD[c]! || 1 : -k;
  CODE[c] = x;
  return x;
}

const FNV_OFFSET = 0x811c9dc5;
const FULL_STOP = 0x2e;
const BANG = 0x21;
const QUESTION = 0x3f;
const ELLIPSIS = 0x2026;

let scratch = new Uint32Array(4096);

/**
 * The text's UTF-16 code units in a reused typed array. Reading them there instead of through
 * `String.prototype.charCodeAt` keeps the hot loop fast in every process: once any module defines
 * a subclass of `String` (ioredis does, for RESP3 verbatim strings), V8 keeps `String.prototype` in
 * dictionary mode and no longer inlines `charCodeAt`, which made this scan about twice as slow.
 */
let unitBytes = Buffer.allocUnsafeSlow(16_384);
let units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >>> 1);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codeUnits(text: string): Uint16Array {
  if (units.length < text.length) {
    unitBytes = Buffer.allocUnsafeSlow(text.length * 2);
    units = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, text.length);
  }
  if (LITTLE_ENDIAN) unitBytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * Characters NFKC could change: anything but ASCII, Latin-1 letters and the general punctuation
 * block (quotes, dashes, spaces), which this scan folds itself. Called for non-ASCII only.
 */
function needsCompat(c: number): boolean {
  return c !== 0xa0 && (c < 0xc0 || c > 0xff) && (c < 0x2000 || c > 0x206f);
}

/** Whether a space comes next, after any closing quotes and brackets ("end.” Next" but not "U.S."). */
function spaceFollows(code: Uint16Array, from: number, n: number): boolean {
  for (let j = from; j < n; j++) {
    const x = CODE[code[j]!] || codeOf(code[j]!);
    if (x === -SPACE) return true;
    if (x !== -CLOSER && x !== -JOINER) return false;
  }
  return false;
}

/**
 * Splits text into paragraphs of hashed words in one pass. Expects NFKC-normalised text; it applies
 * the rest of `normalizeText`'s folding itself (case; quotes, dashes and spaces separate words;
 * apostrophes inside a word join; invisible characters vanish), so the fingerprint does not pay for
 * building a normalised copy. With `checkCompat`, it also notes whether the text has characters
 * NFKC could change (`needsCompat`): checked in the same pass, because most English news needs no
 * NFKC at all and a separate scan for that costs as much as a tenth of the fingerprint.
 */
export function splitParagraphs(text: string, checkCompat = false): Paragraphs {
  const n = text.length;
  if (scratch.length < n + 1) scratch = new Uint32Array(n + 1);
  const words = scratch;
  let count = 0;
  const start: number[] = [];
  const end: number[] = [];
  const sentence: boolean[] = [];
  const chars: number[] = [];
  const numbers: number[] = [];
  const sentenceStarts: number[] = [];
  let lineNumbers = 0;
  // set by sentence-final punctuation followed by a space: the next word begins a sentence
  let stop = false;
  let lineWords = 0;
  let last = 0; // last significant character of the line
  let lineStart = 0;
  let compat = false;
  const code = codeUnits(text);
  let i = 0;
  while (i <= n) {
    let c = i < n ? code[i]! : 0x0a;
    if (c >= 0x80 && checkCompat && needsCompat(c)) compat = true;
    let x = CODE[c] || codeOf(c);
    if (x > 0) {
      if (stop) {
        if (count > lineWords) sentenceStarts.push(count);
        stop = false;
      }
      if (c <= 0x39 && c >= 0x30) lineNumbers++;
      // the whole word in a tight loop: most characters are word characters
      let h = FNV_OFFSET;
      for (;;) {
        if (x > 0) {
          h = Math.imul(h ^ x, 0x01000193);
        } else if (x === -JOINER) {
          if (i + 1 >= n) break;
          const next = code[i + 1]!;
          if ((CODE[next] || codeOf(next)) <= 0) break;
        } else if (x !== -INVISIBLE) break;
        if (++i >= n) break;
        c = code[i]!;
        if (c >= 0x80 && checkCompat && needsCompat(c)) compat = true;
        x = CODE[c] || codeOf(c);
      }
      words[count++] = h >>> 0;
      last = 0; // a word character: the line does not end like a sentence (yet)
      continue;
    }
    if (x === -NEWLINE) {
      start.push(lineWords);
      end.push(count);
      const ends = last === FULL_STOP || last === BANG || last === QUESTION || last === ELLIPSIS;
      sentence.push(ends);
      chars.push(i - lineStart);
      numbers.push(lineNumbers);
      // a hard-wrapped paragraph is joined again later: a sentence ending at a line end still ends there
      if (ends) sentenceStarts.push(count);
      lineNumbers = 0;
      lineWords = count;
      last = 0;
      stop = false;
      lineStart = i + 1;
    } else if (x === -SEPARATOR) {
      last = c;
      if (c === FULL_STOP || c === BANG || c === QUESTION || c === ELLIPSIS) stop = spaceFollows(code, i + 1, n);
    }
    i++;
  }
  const p = unwrap({ words: words.subarray(0, count), start, end, sentence, chars, numbers, sentenceStarts });
  if (compat) p.needsCompat = true;
  return p;
}

/**
 * Text hard-wrapped at a fixed width (mail, plain-text wires) breaks paragraphs into lines that
 * neither end like sentences nor stand alone; such text is re-joined at blank lines so that a
 * re-wrapped copy yields the same paragraphs. Lines without words are dropped.
 */
function unwrap(p: Paragraphs): Paragraphs {
  const lines = p.start.length;
  let continued = 0;
  let pairs = 0;
  for (let i = 0; i + 1 < lines; i++) {
    if (p.start[i] === p.end[i] || p.start[i + 1] === p.end[i + 1]) continue;
    pairs++;
    // a line of prose cut at the margin; a table row of the same width is mostly numbers
    const numeric = p.numbers[i]! * 3 >= p.end[i]! - p.start[i]!;
    if (!p.sentence[i] && !numeric && p.chars[i]! >= 30 && p.chars[i]! <= 100) continued++;
  }
  const wrapped = pairs >= 3 && continued >= pairs * 0.6;
  const out: Paragraphs = {
    words: p.words,
    start: [],
    end: [],
    sentence: [],
    chars: [],
    numbers: [],
    sentenceStarts: p.sentenceStarts,
  };
  let open = false;
  for (let i = 0; i < lines; i++) {
    const empty = p.start[i] === p.end[i];
    if (empty) {
      open = false;
      continue;
    }
    const j = out.start.length - 1;
    if (wrapped && open) {
      // words of consecutive lines are contiguous in `words`
      out.end[j] = p.end[i]!;
      out.sentence[j] = p.sentence[i]!;
      out.chars[j]! += p.chars[i]! + 1;
      out.numbers[j]! += p.numbers[i]!;
    } else {
      out.start.push(p.start[i]!);
      out.end.push(p.end[i]!);
      out.sentence.push(p.sentence[i]!);
      out.chars.push(p.chars[i]!);
      out.numbers.push(p.numbers[i]!);
      open = true;
    }
  }
  return out;
}
