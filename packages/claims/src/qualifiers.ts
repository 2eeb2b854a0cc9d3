import { phraseLines } from './lexicon.ts';
import type { Bound } from './types.ts';

/**
 * Qualifier → bound, as the words stand right before the number (or its currency symbol). The
 * longest match wins. Tokens are space-separated ("approx ." is "approx.").
 */
const PREFIX_SPEC = `
  > | more than | over | above | exceeding | in excess of | upwards of | upward of | greater than | well over | well above | well in excess of | topping | north of | upwards of about => >
  just over | just above | a little over | a little more than | slightly more than | slightly over => ~>
  >= | > = | ≥ | greater than or equal to | more than or equal to | at least | no fewer than | no less than | not less than | not fewer than | a minimum of | minimum of => >=
  <= | < = | ≤ | less than or equal to | fewer than or equal to | up to | as many as | as much as | at most | no more than | not more than | a maximum of | maximum of | as high as => <=
  < | fewer than | less than | under | below | well under | well below => <
  nearly | almost | close to | closer to | just shy of | just short of | approaching | nigh on | just under | just below => ~<
  about | around | roughly | some | approximately | an estimated | estimated | circa | c . | approx . | approx | in the region of | on the order of | in the order of | an approximate | an estimate of | around about => ~
  a reported => =
`;

/** Qualifiers after the quantity: "1,000 or more", "300 or so", "1,000-plus", "300-odd". */
const SUFFIX_SPEC = `
  or more | and more | and up | at least => >=
  or so | - odd | odd | or thereabouts | give or take => ~
  or fewer | or less | at most => <=
  - plus | plus => >
`;

export const QUALIFIERS = phraseLines(PREFIX_SPEC) as Array<[string, Bound]>;
export const SUFFIX_QUALIFIERS = phraseLines(SUFFIX_SPEC) as Array<[string, Bound]>;
