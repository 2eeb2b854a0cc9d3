import { type DateExpression, findDateExpressions } from './dateExpressions.ts';
import { type EntityMention, gazetteerFor } from './gazetteer.ts';
import { wordSet } from './lexicon.ts';
import { isNumberOnly, isPageFurniture, isTitleCase } from './quantities/exclusions.ts';
import { linkMeasures } from './quantities/linkMeasures.ts';
import type { Context } from './quantities/quantityContext.ts';
import { readQuantity } from './quantities/readQuantity.ts';
import { type Token, tokenize } from './tokenize.ts';
import type { Quantity } from './types.ts';

/**
 * Quantity extraction: a hand-written rule engine over a token list. It runs in one pass, left to
 * right: find a number expression (digits, words, scale, vague plural, range), then read the
 * qualifier before it, the currency or unit around it, the counted noun phrase or measured concept
 * after it, and the increase/decrease context. Dates, times, phone numbers, ordinals and model
 * names are masked first. A dependency parser would find concepts more often, but costs two orders
 * of magnitude in speed; the rules here cover the shapes of wire and diplomatic news.
 */

const NUMBERISH =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores|half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|zero|nought|naught|hundredths?|thousandths?|millionths?|billionths?|trillionths?)\b|[½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]/i;

/** The number words of `NUMBERISH`, for sentences already tokenized. */
const NUMBER_WORDS = wordSet(`
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
  million millions billion billions trillion trillions dozen dozens scores half halves third thirds quarter quarters
  fourth fourths fifth fifths sixth sixths seventh sevenths eighth eighths ninth ninths tenth tenths
  zero nought naught hundredth hundredths thousandth thousandths millionth millionths billionth billionths
  trillionth trillionths
`);
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const DIGIT = /[\d½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]/;

/** `NUMBERISH` over tokens: a digit anywhere, or a number word as a token (a Set lookup per word, no case-blind regex). */
function hasNumberToken(sentence: string, tokens: Token[]): boolean {
  if (DIGIT.test(sentence)) return true;
  for (const t of tokens) if (t.kind === 'word' && NUMBER_WORDS.has(t.lower)) return true;
  return false;
}

function isProperFraction(text: string): boolean {
  const slash = text.indexOf('/');
  const n = Number(text.slice(0, slash));
  const d = Number(text.slice(slash + 1));
  return n > 0 && n < d && d <= 16;
}

/**
 * Every quantity mention in one sentence, left to right. Spans cover qualifier, currency, number
 * and unit ("nearly 11,000 containers"); the concept after the unit is outside the span.
 */
export function extractQuantities(sentence: string): Quantity[] {
  if (!NUMBERISH.test(sentence)) return [];
  return quantitiesOfTokens(sentence, tokenize(sentence), findDateExpressions(sentence), null);
}

/**
 * `extractQuantities` over a sentence already tokenized, with its date expressions and, when they
 * were found with the built-in gazetteer, its entity mentions: claim extraction has them at hand,
 * and tokenizing and scanning for dates twice was a fifth of its time. Reads its inputs, never
 * changes them.
 */
export function quantitiesOfTokens(
  sentence: string,
  tokens: Token[],
  dates: readonly DateExpression[],
  builtInMentions: EntityMention[] | null,
): Quantity[] {
  if (!hasNumberToken(sentence, tokens)) return [];
  if (isPageFurniture(sentence, tokens)) return [];
  const masked = new Uint8Array(tokens.length);
  for (const e of dates) {
    if (e.kind === 'weekday' || e.kind === 'relative') continue;
    if (e.kind === 'month' && !/\d/.test(e.text)) continue;
    // "3/4", "1/2 cup": a proper fraction is the number reader's to judge ("24/7", "9/11" stay masked).
    if (e.kind === 'fraction' && isProperFraction(e.text)) continue;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < e.end && t.end > e.start) masked[i] = 1;
    }
  }
  // Numbers inside a web address ("…/2024/30%25") are no quantities.
  if (sentence.includes('http') || sentence.includes('www.')) {
    for (const m of sentence.matchAll(URL)) {
      const end = m.index + m[0].length;
      for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start < end && tokens[i]!.end > m.index) masked[i] = 1;
    }
  }
  const gazetteer = gazetteerFor();
  const mentions = builtInMentions ?? gazetteer.mentions(tokens);
  const entityToken = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.start; i < m.end; i++) entityToken[i] = 1;
  const ctx: Context = {
    sentence,
    tokens,
    masked,
    entityToken,
    mentions,
    titleCase: isTitleCase(tokens),
    numberOnly: tokens.length <= 24 && isNumberOnly(tokens),
    out: [],
    gazetteer,
  };
  for (let i = 0; i < tokens.length; i++) {
    if (masked[i]) continue;
    const end = readQuantity(ctx, i);
    if (end > i) i = end - 1;
  }
  linkMeasures(ctx);
  return ctx.out.map((q) => q.quantity);
}
