import { SCALE_SUFFIXES, SCALE_WORDS, SMALL_NUMBERS, VAGUE_MULTIPLIERS, VAGUE_PLURALS } from '../numberWords.ts';

// Maps of the number words: looked up once or more per token, and a Map lookup of a token's text
// is cheaper than a property lookup on an object (which also sees "constructor" and friends).
export const SMALL_NUMBER_VALUES = new Map(Object.entries(SMALL_NUMBERS));
export const SCALE_WORD_VALUES = new Map(Object.entries(SCALE_WORDS));
export const SCALE_SUFFIX_VALUES = new Map(Object.entries(SCALE_SUFFIXES));
export const VAGUE_PLURAL_RANGES = new Map(Object.entries(VAGUE_PLURALS));
export const VAGUE_MULTIPLIER_RANGES = new Map(Object.entries(VAGUE_MULTIPLIERS));

/** Zero as a word: it opens a number ("zero point five") but combines with no other. */
export const ZERO_WORDS = new Set(['zero', 'nought', 'naught']);

/** The value of a digit said as a word ("zero", "nought", "seven"), or undefined. */
export function digitWordValue(w: string): number | undefined {
  if (ZERO_WORDS.has(w)) return 0;
  const v = SMALL_NUMBER_VALUES.get(w);
  return v !== undefined && v < 10 ? v : undefined;
}
