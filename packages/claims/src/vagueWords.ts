import { VAGUE_MULTIPLIERS, VAGUE_PLURALS } from './numberWords.ts';

/** The scales "several", "a few" and "a couple of" multiply, as the extractor reads them. */
const MULTIPLIED_SCALES: readonly [string, number][] = [
  ['dozen', 12],
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['hundred thousand', 1e5],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
];

const MULTIPLIER_WORDS: Record<string, string> = { several: 'several', few: 'a few', couple: 'a couple of' };

/** Plurals that scale "tens of", "hundreds of" and "dozens of". */
const SCALED_PLURALS = ['thousands', 'millions', 'billions'] as const;

/** Range (as `lo-hi`) → how reports word it, for every range the extractor gives a vague amount. */
const wordings = (() => {
  const out = new Map<string, string>();
  const put = (lo: number, hi: number, words: string) => {
    const key = `${lo}-${hi}`;
    if (!out.has(key)) out.set(key, words);
  };
  for (const [word, [lo, hi]] of Object.entries(VAGUE_PLURALS)) {
    if (word !== 'tens') put(lo, hi, `${word} of`);
  }
  for (const outer of ['tens', 'hundreds', 'dozens'] as const) {
    for (const inner of SCALED_PLURALS) {
      const o = VAGUE_PLURALS[outer]![0];
      const [lo, hi] = VAGUE_PLURALS[inner]!;
      put(o * lo, o * hi, `${outer} of ${inner}`);
    }
  }
  for (const [multiplier, [lo, hi]] of Object.entries(VAGUE_MULTIPLIERS)) {
    for (const [scale, s] of MULTIPLIED_SCALES) put(lo * s, hi * s, `${MULTIPLIER_WORDS[multiplier]} ${scale}`);
  }
  return out;
})();

/**
 * How a vague amount reads, from the range the extractor gave it: [12, 120] → "dozens of",
 * [300, 900] → "several hundred", [10000, 100000] → "tens of thousands"; null for any other range
 * (a stated range such as "24–99" reads as numbers). Figures show the words the reports used, not
 * the bounds Tally read into them.
 */
export function vagueAmountWords(range: readonly [number, number]): string | null {
  return wordings.get(`${range[0]}-${range[1]}`) ?? null;
}
