import { combine32, fmix32 } from './hash.ts';
import { type Paragraphs, splitParagraphs } from './paragraphs.ts';

export interface BodyOptions {
  /**
   * A paragraph that does not end like a sentence is a title, caption, label or navigation unless
   * it has at least this many words; such lines are left out (headline changes and page furniture
   * then do not move the fingerprint).
   * @defaultValue 25
   */
  titleMaxWords?: number;
  /**
   * Sentence-like paragraphs shorter than this are left out too ("Source link.", "Advertisement.").
   * @defaultValue 5
   */
  minParagraphWords?: number;
}

/**
 * The words a fingerprint is made of: the article's body paragraphs, as ranges of one flat array of
 * hashed words, paragraph `i` spanning `words[from[i]] … words[to[i] - 1]`.
 */
export interface ArticleBody {
  words: Uint32Array;
  from: number[];
  to: number[];
  /** Word indexes where a sentence begins inside a line, ascending (see `Paragraphs`). */
  sentenceStarts: number[];
}

/** Sentences shorter than this are not told apart as boilerplate: "Mr.", "U.S." and the like cut sentences into bits. */
export const MIN_SENTENCE_WORDS = 4;

/**
 * A run of at least this many short lines, enough of them with numbers, is a table (a league table,
 * a box score, a list of releases), whether the page gave it a row per line or a cell per line.
 */
const TABLE_MIN_LINES = 4;
const TABLE_MIN_NUMBERS = 12;
const TABLE_NUMERIC_LINES = 0.4;

/**
 * The body: lines that read as sentences (or are long), and tables. Headlines, captions, bylines
 * and navigation are short lines that do not end like sentences and are left out. So would a table
 * be, whose rows are short lines too; but a table of numbers is what a results or data article is
 * about, so a run of short lines with enough numbers in it is kept, joined into one paragraph, so
 * that a row-per-line and a cell-per-line rendering of one table read the same. A text that is all
 * short lines (a list, a bare headline) is kept whole.
 */
function bodyOf(p: Paragraphs, titleMaxWords: number, minWords: number): { from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  let words = 0;
  let runStart = -1;
  const closeRun = (end: number) => {
    if (runStart < 0) return;
    const lines = end - runStart;
    let numbers = 0;
    let numeric = 0;
    for (let i = runStart; i < end; i++) {
      numbers += p.numbers[i]!;
      if (p.numbers[i]! > 0) numeric++;
    }
    if (lines >= TABLE_MIN_LINES && numbers >= TABLE_MIN_NUMBERS && numeric >= lines * TABLE_NUMERIC_LINES) {
      from.push(p.start[runStart]!);
      to.push(p.end[end - 1]!);
      words += p.end[end - 1]! - p.start[runStart]!;
    }
    runStart = -1;
  };
  for (let i = 0; i < p.start.length; i++) {
    const len = p.end[i]! - p.start[i]!;
    if (len >= titleMaxWords || (p.sentence[i] && len >= minWords)) {
      if (runStart >= 0) closeRun(i);
      from.push(p.start[i]!);
      to.push(p.end[i]!);
      words += len;
    } else if (runStart < 0) {
      runStart = i;
    }
  }
  closeRun(p.start.length);
  if (words >= 16) return { from, to };
  return { from: [...p.start], to: [...p.end] };
}

/**
 * Reads an article's body. NFKC only for the texts that have a character it could change, found in
 * the splitting pass itself. With `own`, the words are copied out of the splitter's reused buffer, so
 * that the body outlives the next call.
 */
export function readBody(text: string, options: BodyOptions = {}, own = false): ArticleBody {
  let paragraphs = splitParagraphs(text, true);
  if (paragraphs.needsCompat) paragraphs = splitParagraphs(text.normalize('NFKC'));
  const { from, to } = bodyOf(paragraphs, options.titleMaxWords ?? 25, options.minParagraphWords ?? 5);
  return {
    words: own ? paragraphs.words.slice() : paragraphs.words,
    from,
    to,
    sentenceStarts: paragraphs.sentenceStarts,
  };
}

/**
 * Calls `each(from, to, hash)` for every sentence of the body in order (sentences of a paragraph cut
 * at `sentenceStarts`), `hash` being 0 for sentences under MIN_SENTENCE_WORDS words.
 */
export function eachSentence(body: ArticleBody, each: (from: number, to: number, hash: number) => void): void {
  const starts = body.sentenceStarts;
  let s = 0;
  for (let p = 0; p < body.from.length; p++) {
    const end = body.to[p]!;
    let at = body.from[p]!;
    while (s < starts.length && starts[s]! <= at) s++;
    while (at < end) {
      while (s < starts.length && starts[s]! <= at) s++;
      const stop = s < starts.length && starts[s]! < end ? starts[s]! : end;
      each(at, stop, stop - at >= MIN_SENTENCE_WORDS ? sentenceHash(body.words, at, stop) : 0);
      at = stop;
    }
  }
}

function sentenceHash(words: Uint32Array, from: number, to: number): number {
  let h = 0x3c6ef372;
  for (let i = from; i < to; i++) h = combine32(h, words[i]!);
  // never 0, which marks a sentence too short to count
  return fmix32(h ^ (to - from)) || 1;
}
