import { QUALIFIERS, SUFFIX_QUALIFIERS } from '../qualifiers.ts';
import { parseDigits, type Token } from '../tokenize.ts';
import type { Bound } from '../types.ts';
import { matchCurrencyBefore, matchUnit } from '../units.ts';
import { readChangeBefore } from './change.ts';
import { parseCore, SMALL_NUMBER_VALUES } from './numbers.ts';
import { type Context, type Core, round } from './quantityContext.ts';
import { CHANGE_DOWN, CHANGE_NOUNS_DOWN, CHANGE_NOUNS_UP, CHANGE_UP } from './quantityLexicon.ts';

// Qualifiers before and after a number ("more than", "or so") and ranges ("between 300 and 500", "$5-6
// billion", "3% to 4%").

export type QualifierTable = Map<string, Array<{ words: string[]; bound: Bound }>>;

export function qualifierTable(entries: Array<[string, Bound]>, by: 'first' | 'last'): QualifierTable {
  const table: QualifierTable = new Map();
  for (const [phrase, bound] of entries) {
    const words = phrase.split(' ');
    const k = by === 'first' ? words[0]! : words[words.length - 1]!;
    const list = table.get(k) ?? [];
    list.push({ words, bound });
    table.set(k, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}
export const PREFIX_QUALIFIERS = qualifierTable(QUALIFIERS, 'last');
export const SUFFIXES = qualifierTable(SUFFIX_QUALIFIERS, 'first');

export function matchQualifier(tokens: Token[], at: number): { bound: Bound; start: number } | null {
  const prev = tokens[at - 1];
  if (!prev) return null;
  // "<>25" (not equal), "=>25": signs run together that make no bound.
  const before = tokens[at - 2];
  if (prev.kind === 'punct' && before && !prev.spaceBefore && COMPARISON_SIGNS.has(before.text) && prev.text !== '=')
    return null;
  const list = PREFIX_QUALIFIERS.get(prev.lower);
  if (!list) return null;
  outer: for (const { words, bound } of list) {
    const s = at - words.length;
    if (s < 0) continue;
    for (let k = 0; k < words.length; k++) if (tokens[s + k]!.lower !== words[k]) continue outer;
    return { bound, start: s };
  }
  return null;
}

const COMPARISON_SIGNS = new Set(['<', '>', '=']);

/**
 * "more than 15 and fewer than 30", "at most 90 and at least 30": a lower and an upper bound joined
 * by "and", "but" or a comma are one range. `end`: the token after the first bounded number.
 */
export function readPairedBound(
  ctx: Context,
  bound: Bound,
  value: number,
  scaled: boolean,
  end: number,
): { lo: number; hi: number; start: number; core: Core } | null {
  const { tokens } = ctx;
  const lower = bound === '>' || bound === '>=';
  if (!lower && bound !== '<' && bound !== '<=') return null;
  const joint = tokens[end]?.lower;
  if (joint !== 'and' && joint !== 'but' && joint !== ',') return null;
  for (let p = end + 2; p <= end + 6 && p < tokens.length; p++) {
    const q = matchQualifier(tokens, p);
    if (!q || q.start !== end + 1) continue;
    const second = ctx.masked[p] ? null : parseCore(ctx, p);
    if (!second) continue;
    if (second.value === null || second.vague || second.skip) return null;
    const otherLower = q.bound === '>' || q.bound === '>=';
    if (otherLower === lower || !(q.bound === '<' || q.bound === '<=' || otherLower)) return null;
    // "more than 15 and fewer than 30 million": the scale of the second applies to the first.
    let first = value;
    if (!scaled && second.scaled) {
      const t = tokens[p]!;
      const base = t.kind === 'num' ? parseDigits(t.text) : (SMALL_NUMBER_VALUES.get(t.lower) ?? second.value);
      const scale = second.value / base;
      if (Number.isFinite(scale) && scale > 1) first = value * scale;
    }
    const lo = lower ? first : second.value;
    const hi = lower ? second.value : first;
    return lo < hi ? { lo: round(lo), hi: round(hi), start: p, core: second } : null;
  }
  return null;
}

export function matchSuffix(tokens: Token[], at: number): { bound: Bound; end: number } | null {
  const t = tokens[at];
  if (!t) return null;
  const list = SUFFIXES.get(t.lower);
  if (!list) return null;
  outer: for (const { words, bound } of list) {
    for (let k = 0; k < words.length; k++) if (tokens[at + k]?.lower !== words[k]) continue outer;
    if (words[0] === 'odd' && t.spaceBefore) continue;
    if (words[0] === 'plus' && tokens[at + 1]?.kind === 'num') continue;
    if (words[0] === 'at') continue; // "at least" after a number starts a new qualifier
    return { bound, end: at + words.length };
  }
  return null;
}

export function readRange(
  ctx: Context,
  c: Core,
  qualStart: number,
): { core: Core; start: number; unitEnd: number | null } | null {
  const { tokens } = ctx;
  if (c.vague || c.value === null) return null;
  // A unit may stand after each end: "3% to 4%", "5 million to 6 million".
  let sepAt = c.end;
  const unit = matchUnit(tokens, sepAt);
  if (unit && unit.dimension === 'percent') sepAt = unit.end;
  const sep = tokens[sepAt];
  if (!sep) return null;
  const s = sep.lower;
  const between = tokens[qualStart - 1]?.lower === 'between';
  const from = tokens[qualStart - 1]?.lower === 'from';
  let k = sepAt + 1;
  // "30~70": a tilde between two numbers, as East Asian text writes a range.
  const tilde = s === '~' && !sep.spaceBefore && !tokens[k]?.spaceBefore;
  if (!(s === '-' || s === '–' || s === 'to' || s === 'through' || tilde || (s === 'and' && between) || s === 'or'))
    return null;
  // "fell 0.3 points to 3.9%", "rose 4 points to 52%": a change and a level, not a range.
  if (s === 'to' && !between && !from && readChangeBefore(tokens, qualStart) !== null) return null;
  if (from && s === 'to' && isMove(tokens, qualStart - 2)) return null;
  if (tokens[k]?.kind !== 'num' && tokens[k + 1]?.kind === 'num' && matchCurrencyBefore(tokens, k + 1)) k++;
  if (!tokens[k] || ctx.masked[k]) return null;
  const other = parseCore(ctx, k);
  if (!other || other.vague || other.value === null || other.skip) return null;
  // Years are no range: "between 2014 and 2021", "2024 to 2027".
  if (c.rawInt && other.rawInt && c.value >= 1800 && c.value <= 2100 && other.value >= 1800 && other.value <= 2100)
    return null;
  // "two or three", "30 or 40 years"
  const roundPair = c.value % 10 === 0 && other.value % 10 === 0 && c.value > 0 && other.value <= 2 * c.value;
  if (s === 'or' && !(other.value > c.value && ((c.value < 10 && other.value < 20) || roundPair))) return null;
  // "a one-two punch": spelled numbers joined by a bare hyphen are a compound, not a range.
  if (s === '-' && !c.digits && !sep.spaceBefore && !tokens[k]!.spaceBefore) return null;
  if (unit && matchUnit(tokens, other.end)?.unit !== unit.unit) return null;
  let lo = c.value;
  const hi = other.value;
  // "5-6 billion", "300-500 thousand": the scale of the second number applies to the first.
  if (!c.scaled && other.scaled && lo < hi) {
    const otherBase =
      tokens[k]!.kind === 'num' ? parseDigits(tokens[k]!.text) : (SMALL_NUMBER_VALUES.get(tokens[k]!.lower) ?? hi);
    const scale = hi / otherBase;
    if (Number.isFinite(scale) && scale > 1) lo *= scale;
  }
  if (!(hi > lo)) return null;
  let end = other.end;
  if (unit) end = matchUnit(tokens, other.end)!.end;
  return {
    core: {
      ...other,
      start: c.start,
      end,
      value: null,
      range: [round(lo), round(hi)],
      rawInt: false,
      scaled: c.scaled || other.scaled,
    },
    start: between || from ? qualStart - 1 : qualStart,
    unitEnd: unit ? other.end : null,
  };
}

/**
 * "rose from 4% to 5%", "increase the number of colleges from 350 to 400": "from … to" after a
 * verb or noun of change, in the same clause, is a move between two levels, not a range.
 */
function isMove(tokens: Token[], before: number): boolean {
  for (let k = before; k >= Math.max(0, before - 10); k--) {
    const w = tokens[k]!.lower;
    if (w === ',' || w === ';' || w === '.' || w === ':' || w === 'ranging' || w === 'range' || w === 'ranges')
      return false;
    if (CHANGE_UP.has(w) || CHANGE_DOWN.has(w) || CHANGE_NOUNS_UP.has(w) || CHANGE_NOUNS_DOWN.has(w)) return true;
  }
  return false;
}
