/** Spelled-out numbers, scale words and vague quantity words. */

export const SMALL_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export const TENS = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** Scale words after a number ("four million", "1.5bn", "1K"). */
export const SCALE_WORDS: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  mln: 1e6,
  mn: 1e6,
  bln: 1e9,
  bn: 1e9,
  tn: 1e12,
  trn: 1e12,
  tln: 1e12,
  mil: 1e6,
  // South Asian scales: "35 lakh rupees", "1 crore".
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

/** Scale suffixes written against digits ("1K", "5bn", "$6m"). "m" and "b" need a currency or a plural noun. */
export const SCALE_SUFFIXES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  b: 1e9,
  bn: 1e9,
  bln: 1e9,
  tn: 1e12,
  trn: 1e12,
  tln: 1e12,
  mil: 1e6,
};

/**
 * Vague plurals and their ranges: "dozens of" 12–120, "hundreds of" 100–1,000, "thousands of"
 * 1,000–10,000. "tens" counts only before "of thousands/millions/billions".
 */
export const VAGUE_PLURALS: Record<string, [number, number]> = {
  dozens: [12, 120],
  scores: [40, 200],
  hundreds: [100, 1000],
  thousands: [1e3, 1e4],
  millions: [1e6, 1e7],
  billions: [1e9, 1e10],
  trillions: [1e12, 1e13],
  tens: [10, 100],
};

/** Vague multipliers before a scale word: "several hundred" 300–900, "a few thousand" 2,000–5,000. */
export const VAGUE_MULTIPLIERS: Record<string, [number, number]> = {
  several: [3, 9],
  few: [2, 5],
  couple: [2, 3],
};

export const FRACTIONS: Record<string, number> = { half: 0.5, quarter: 0.25, third: 1 / 3 };
