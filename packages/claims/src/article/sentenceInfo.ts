import { type DateExpression, findDateExpressions } from '../dateExpressions.ts';
import { quantitiesOfTokens } from '../extractQuantities.ts';
import { type EntityMention, type Gazetteer, gazetteerFor } from '../gazetteer.ts';
import { rankQuantities } from '../quantities/ranks.ts';
import type { Attribution } from '../speakers/attribution.ts';
import { findAttributions } from '../speakers/findAttributions.ts';
import { type Sentence, splitSentences } from '../splitSentences.ts';
import { type Token, tokenize } from '../tokenize.ts';
import type { Quantity, Speaker } from '../types.ts';
import { findQuoteRegions, firstQuoteAfter, type QuoteRegion, quoteAt } from './quotes.ts';

export interface SentenceInfo {
  sentence: Sentence;
  index: number;
  /** Line number: the line a sentence sits on (headlines, captions and tweets are lines of their own). */
  line: number;
  tokens: Token[];
  quantities: Quantity[];
  mentions: EntityMention[];
  dates: DateExpression[];
  dateTokens: Array<{ expr: DateExpression; start: number; end: number }>;
  attributions: Attribution[];
  inQuote: Uint8Array;
  /** Speakers resolved per attribution (same order). */
  speakers: Array<Speaker | null>;
  /** Statement dates per attribution (same order). */
  statedAt: Array<string | null>;
  titleLike: boolean;
}

// ---------------------------------------------------------------- per sentence

/**
 * The headline given apart from the text, analysed as lines of its own before the first sentence:
 * the part that carries an attribution ("USA. White House: …" → "White House: …"), else its last.
 */
export function titleInfo(title: string | null | undefined, text: string, gazetteer: Gazetteer): SentenceInfo | null {
  const line = title?.replace(/\s+/g, ' ').trim();
  if (!line) return null;
  // The text already holds it near its top: that line is the headline.
  const top = text.indexOf(line);
  if (top >= 0 && top < 4000) return null;
  const parts = splitSentences(line).map((s) => {
    const info = analyseSentence(s, -1, line, findQuoteRegions(line), gazetteer, [0]);
    info.titleLike = true;
    return info;
  });
  return parts.find((p) => p.attributions.length > 0) ?? parts[parts.length - 1] ?? null;
}

export function analyseSentence(
  sentence: Sentence,
  index: number,
  text: string,
  quotes: QuoteRegion[],
  gazetteer: Gazetteer,
  lineStarts: number[],
): SentenceInfo {
  const tokens = tokenize(sentence.text);
  const inQuote = new Uint8Array(tokens.length);
  if (quotes.length > 0) {
    // Tokens and quotations are both in text order: one walk marks the tokens inside one.
    let r = quoteAt(quotes, sentence.start);
    if (r < 0) r = firstQuoteAfter(quotes, sentence.start);
    for (let i = 0; i < tokens.length && r < quotes.length; i++) {
      const a = sentence.start + tokens[i]!.start;
      while (r < quotes.length && a >= quotes[r]!.close) r++;
      if (r < quotes.length && a > quotes[r]!.open) inQuote[i] = 1;
    }
  }
  const dates = findDateExpressions(sentence.text);
  const isDate = new Uint8Array(tokens.length);
  const dateTokens: SentenceInfo['dateTokens'] = [];
  for (const e of dates) {
    let s = -1;
    let en = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < e.end && t.end > e.start) {
        isDate[i] = 1;
        if (s < 0) s = i;
        en = i + 1;
      }
    }
    if (s >= 0) dateTokens.push({ expr: e, start: s, end: en });
  }
  const attributions = findAttributions(tokens, { gazetteer, inQuote, isDate });
  const lineIndex = upperBound(lineStarts, sentence.start) - 1;
  const lineEnd = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1]! - 1 : text.length;
  // Only blanks between the sentence and its line's ends; scanned, not sliced, so that a paragraph
  // of many sentences is not copied once per sentence.
  const startsLine = onlyBlanks(text, lineStarts[lineIndex]!, sentence.start);
  // Headlines, captions and subheads: the last sentence of a line that has no closing punctuation.
  const endsLine = sentence.end === lineEnd || onlyBlanks(text, sentence.end, lineEnd);
  const wholeLine = startsLine && endsLine;
  const titleLike =
    (wholeLine || endsLine) && !/[.!?"”]$/.test(sentence.text) && tokens.filter((t) => t.kind === 'word').length >= 4;
  const mentions = gazetteer.mentions(tokens);
  return {
    sentence,
    index,
    line: lineIndex,
    tokens,
    quantities: withRanks(
      sentence.text,
      tokens,
      quantitiesOfTokens(sentence.text, tokens, dates, gazetteer === gazetteerFor() ? mentions : null),
    ),
    mentions,
    dates,
    dateTokens,
    attributions,
    inQuote,
    speakers: [],
    statedAt: [],
    titleLike,
  };
}

/** Whether `text.slice(from, to)` is whitespace only (or empty). */
export function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128 || !/\s/.test(text[i]!)) return false;
  }
  return true;
}

export function lineStartOffsets(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

export function upperBound(arr: number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence's quantities with its ranks ("the seventh biggest"), in text order. */
function withRanks(text: string, tokens: Token[], quantities: Quantity[]): Quantity[] {
  const ranks = rankQuantities(text, tokens, quantities);
  return ranks.length === 0 ? quantities : [...quantities, ...ranks].sort((a, b) => a.span[0] - b.span[0]);
}
