import { wordSet } from './lexicon.ts';
/** A sentence with its offsets into the text it came from (`text === input.slice(start, end)`). */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

// Abbreviations after which a full stop never ends a sentence: titles and "No." come before a name
// or a number. Compared case-sensitively so a sentence ending in "no." still ends.
const TITLE_ABBREVIATIONS = wordSet(`
  Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Cmdr Cdr Sgt Cpl Pvt Adm Brig Gov Sen Rep Rev Hon Amb Pres Sec Supt
  Insp St Mt Ft Jr Sr No Nos Art Fig Vol vs v approx est Inc Ltd Corp Co Bros Dept Univ Ave Blvd cf Messrs Gens
  Sens Reps
`);
// Month abbreviations end a sentence only when no day number follows ("Oct. 13").
const MONTH_ABBREVIATIONS = wordSet(`
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);
// After a dotted acronym ("U.S.", "a.m.") the sentence ends only when a word that usually opens a
// sentence follows: "U.S. officials said" stays one sentence, "sent to the U.S. The next day" splits.
const SENTENCE_OPENERS = wordSet(`
  The A An He She It They We I You But And In On At This That These Those However Meanwhile There Its His Her
  Their Our After Before When While Since According Earlier Later Last Also As If Some Many
`);

const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\d])/gu;

/**
 * Splits text into sentences. Every line is a boundary (headlines, captions and page furniture
 * come without full stops); inside a line a sentence ends at `.`, `!`, `?` (and closing quotes)
 * followed by a capital letter or a digit, except after titles ("Mr.", "Gen."), "No.", initials
 * ("John F. Kennedy") and acronyms ("U.S. officials").
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  const line = text.slice(from, to);
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    const stopAt = m.index;
    const end = stopAt + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !endsSentence(lastWord(line, start, stopAt), line, end + m[3]!.length)) continue;
    push(text, from + start, from + end, out);
    start = end + m[3]!.length;
  }
  push(text, from + start, to, out);
}

/**
 * The run of letters and dots that ends `line.slice(from, to)`: "U.S", "Gen", "F". Scanned back from
 * `to`, so a long paragraph costs its length once, not once per full stop.
 */
function lastWord(line: string, from: number, to: number): string {
  let i = to;
  while (i > from) {
    const c = line.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46) i--;
    else if (c >= 0xc0 && LETTER.test(line[i - 1]!)) i--;
    else if (c >= 0xdc00 && c <= 0xdfff && i - 2 >= from && LETTER.test(line.slice(i - 2, i))) i -= 2;
    else break;
  }
  return line.slice(i, to);
}

const LETTER = /^\p{L}$/u;

function endsSentence(word: string, line: string, nextAt: number): boolean {
  if (word === '') return true;
  if (TITLE_ABBREVIATIONS.has(word)) return false;
  if (MONTH_ABBREVIATIONS.has(word)) {
    const c = line.charCodeAt(nextAt);
    return !(c >= 48 && c <= 57);
  }
  // A single capital letter is an initial ("John F. Kennedy").
  if (/^\p{Lu}$/u.test(word)) return false;
  // A dotted acronym ("U.S", "a.m"): the regex saw the last dot as the boundary.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const nextWord = /^["'“‘(]?([\p{L}]+)/u.exec(line.slice(nextAt, nextAt + 40))?.[1] ?? '';
    return SENTENCE_OPENERS.has(nextWord);
  }
  return true;
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start, end });
}
