import type { Token } from '../tokenize.ts';
import type { Quantity } from '../types.ts';
import { readOrdinal } from './fractions.ts';

/**
 * Ranks: "the seventh biggest public US company", "the sixth-highest earning DVD", "Britain's
 * second-largest bank". An ordinal before a superlative is a position in an order, a figure of its
 * own (unit `rank`), which the number reader, counting amounts, leaves alone.
 */

/** The ordinal at token `k` and the token after it: "seventh", "twenty-first", "21st" (one token or "21" + "st"). */
function ordinalAt(tokens: readonly Token[], k: number): { value: number; end: number } | null {
  const t = tokens[k]!;
  const word = readOrdinal(tokens, k);
  if (word) return word;
  const m = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(t.lower);
  if (m) return { value: Number(m[1]), end: k + 1 };
  const next = tokens[k + 1];
  if (/^\d{1,3}$/.test(t.text) && next && !next.spaceBefore && /^(?:st|nd|rd|th)$/.test(next.lower))
    return { value: Number(t.text), end: k + 2 };
  return null;
}

/** A superlative: "biggest", "highest", "best", "worst"; "most"/"least" before an adjective. */
const isSuperlative = (t: Token | undefined): boolean =>
  !!t && t.kind === 'word' && (/^[a-z]{2,}est$/.test(t.lower) || /^(?:best|worst|most|least)$/.test(t.lower));

/** The ranks of a sentence's tokens, as quantities (offsets into `text`), leaving out spans taken by `taken`. */
export function rankQuantities(text: string, tokens: readonly Token[], taken: readonly Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const ordinal = ordinalAt(tokens, k);
    if (ordinal === null) continue;
    const { value } = ordinal;
    // "sixth-highest", "seventh biggest"
    let s = ordinal.end;
    if (tokens[s]?.text === '-' && !tokens[s]!.spaceBefore) s++;
    if (!isSuperlative(tokens[s])) continue;
    // "most visited", "highest earning", "best selling": the rest of the compound adjective.
    if (/^(?:most|least)$/.test(tokens[s]!.lower) || /(?:ing|ed)$/.test(tokens[s + 1]?.lower ?? '')) {
      if (tokens[s + 1]?.kind === 'word' && /^[a-z]/.test(tokens[s + 1]!.text)) s++;
    }
    const span: [number, number] = [tokens[k]!.start, tokens[s]!.end];
    if (taken.some((q) => q.span[0] < span[1] && span[0] < q.span[1])) continue;
    out.push({
      value,
      range: null,
      bound: '=',
      change: null,
      unit: 'rank',
      concept: null,
      span,
      text: text.slice(span[0], span[1]),
      kind: 'count',
    });
    // "twenty-second largest": the words read are the rank's ("second" is no rank of its own).
    k = s;
  }
  return out;
}
