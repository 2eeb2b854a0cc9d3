import { isCapitalized } from '../tokenize.ts';
import { matchCurrencyAfter, matchUnit } from '../units.ts';
import type { Context, Core } from './quantityContext.ts';

// Ages of people: "45-year-old", "aged 54", "at the age of 70", "Kim Jong Un, 40,".

export function readAge(ctx: Context, start: number, end: number, c: Core): { start: number; end: number } | null {
  const { tokens } = ctx;
  const prev = tokens[start - 1]?.lower ?? '';
  if (prev === 'aged' || prev === 'age' || (prev === 'of' && tokens[start - 2]?.lower === 'age')) {
    let s = start - 1;
    if (prev === 'of') s = tokens[start - 4]?.lower === 'at' ? start - 4 : start - 2;
    return { start: s, end };
  }
  const a = tokens[end]?.lower;
  const b = tokens[end + 1]?.lower;
  const cc = tokens[end + 2]?.lower;
  const d = tokens[end + 3]?.lower;
  if (a === '-' && (b === 'year' || b === 'years') && cc === '-' && d === 'old') return { start, end: end + 4 };
  if ((a === 'years' || a === 'year') && b === 'old') return { start, end: end + 2 };
  if ((a === 'years' || a === 'year') && b === 'of' && cc === 'age') return { start, end: end + 3 };
  // "Kim Jong Un, 40, inspected": a name, a comma, a small number, a comma.
  if (
    c.rawInt &&
    c.value !== null &&
    c.value < 110 &&
    tokens[start - 1]?.text === ',' &&
    tokens[end]?.text === ',' &&
    isCapitalized(tokens[start - 2] ?? tokens[0]!) &&
    !ctx.entityToken[start - 2]
  ) {
    return { start, end };
  }
  // "two children aged 7 and 9": the second age.
  const last = ctx.out[ctx.out.length - 1];
  if (
    last?.quantity.kind === 'age' &&
    prev === 'and' &&
    last.endToken === start - 1 &&
    !matchUnit(tokens, end) &&
    !matchCurrencyAfter(tokens, end)
  )
    return { start, end };
  return null;
}
