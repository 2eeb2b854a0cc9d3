import type { Bound } from '../types.ts';
import { matchCurrencyBefore } from '../units.ts';
import {
  isFractionOrRatio,
  isIdentifier,
  isIdiomaticOne,
  isOutOf,
  looksLikeYear,
  numbersThatName,
  skipRatio,
} from './exclusions.ts';
import { parseCore } from './numbers.ts';
import type { Context, NumberHead } from './quantityContext.ts';
import { matchQualifier, matchSuffix, readPairedBound, readRange } from './ranges.ts';
import { parseShare } from './shares.ts';

/** Words that make the number after them negative. */
const SIGN_WORDS = new Set(['minus', 'negative']);

/** Signs a minus may stand against: "<-25", "(-5)", "=-2". */
const SIGN_OPENERS = new Set(['<', '>', '=', '(', '[', '≤', '≥']);

/** "tested negative", "came back negative": a result, no sign. */
const TESTED = /^(?:test(?:s|ed|ing)?|came|come|comes|proved|proves|returned|turned)$/;

/**
 * Reads the number expression starting at token `i`, or, when what is there is no quantity (a
 * model name, an idiomatic "one", a proportion, a year), the token index to go on from.
 */
export function readNumberHead(ctx: Context, i: number): NumberHead | number {
  const { tokens } = ctx;
  let core = parseShare(ctx, i) ?? parseCore(ctx, i);
  if (!core) return i;
  if (core.skip || isIdentifier(ctx, core)) return core.end;
  const notAmount = numbersThatName(ctx, core);
  if (notAmount > 0) return notAmount;
  if (core.bareOne && !SIGN_WORDS.has(tokens[core.start - 1]?.lower ?? '') && isIdiomaticOne(tokens, core))
    return core.end;
  if (isFractionOrRatio(tokens, core) || isOutOf(tokens, core)) return skipRatio(tokens, core);

  // Currency and qualifier before the number.
  let start = core.start;
  let currency: string | null = core.currency ?? null;
  const cur = currency ? null : matchCurrencyBefore(tokens, core.start);
  if (cur && !ctx.masked[cur.start]) {
    currency = cur.currency;
    start = cur.start;
  }
  // "minus 15 degrees", "-15°C", "negative 0.5%"; in a sentence that is only a number, "- 2 3/5".
  let sign = 1;
  const before = tokens[start - 1];
  const plusOrMinus = tokens[start - 2]?.lower === 'or' && tokens[start - 3]?.lower === 'plus';
  if (
    before &&
    !plusOrMinus &&
    (before.lower === 'minus' ||
      (before.lower === 'negative' && !TESTED.test(tokens[start - 2]?.lower ?? '')) ||
      (before.text === '-' &&
        (before.spaceBefore || SIGN_OPENERS.has(tokens[start - 2]?.text ?? '')) &&
        (!tokens[start]!.spaceBefore || (ctx.numberOnly && tokens[start - 2] === undefined))))
  ) {
    sign = -1;
    start--;
  }
  let bound: Bound = core.vague ? '~' : '=';
  const qual = matchQualifier(tokens, start);
  if (qual) {
    bound = qual.bound;
    start = qual.start;
  }

  // "between negative five and twelve": the sign belongs to the first number, before any range.
  if (sign < 0 && core.value !== null) core = { ...core, value: -core.value };

  // Ranges: "300-500", "300 to 500", "between 300 and 500", "$5-6 billion", "two or three", "3% to 4%".
  let end = core.end;
  const rng = readRange(ctx, core, start);
  if (rng) {
    core = rng.core;
    // "3% to 4%": read the unit after the second number.
    end = rng.unitEnd ?? core.end;
    core = { ...core, end };
    if (rng.start < start) start = rng.start;
    if (!qual && !core.vague) bound = '=';
  }

  if (core.rawInt && !currency && !qual && looksLikeYear(ctx, core)) return core.end;

  // Suffix qualifier: "1,000 or more", "300-odd".
  const suf = matchSuffix(tokens, end);
  if (suf) {
    bound = suf.bound;
    end = suf.end;
  }
  // "more than 15 and fewer than 30"
  const paired = core.value !== null && !rng ? readPairedBound(ctx, bound, core.value, core.scaled, end) : null;
  if (paired) {
    core = { ...paired.core, start: core.start, value: null, range: [paired.lo, paired.hi], rawInt: false };
    end = paired.core.end;
    bound = '=';
  }
  return { core, start, end, bound, qualifierStart: qual?.start ?? null, currency };
}
