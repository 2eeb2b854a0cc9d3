import type { Token } from '../tokenize.ts';

/** For each token, the start and the end (exclusive) of its clause. */
export interface Clauses {
  start: Int32Array;
  end: Int32Array;
}

const cache = new WeakMap<readonly Token[], WeakMap<ReadonlySet<string>, Clauses>>();

/**
 * The clauses of a sentence's tokens, split at the words of `breaks`, computed once per token list
 * and set of breaks: finding a figure's clause is then a lookup, not a walk of the sentence (a
 * sentence of a hundred amounts asks a hundred times).
 */
export function clausesOf(tokens: readonly Token[], breaks: ReadonlySet<string>): Clauses {
  let bySet = cache.get(tokens);
  if (!bySet) {
    bySet = new WeakMap();
    cache.set(tokens, bySet);
  }
  let c = bySet.get(breaks);
  if (c) return c;
  const n = tokens.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  // A break inside parentheses ("2.39bn rupees ($54.98m; £29.32m) in the last three months") is none.
  const isBreak = new Uint8Array(n);
  let depth = 0;
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!.text;
    if (t === '(') depth++;
    else if (t === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && breaks.has(tokens[k]!.lower)) isBreak[k] = 1;
  }
  let a = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && isBreak[k - 1]) a = k;
    start[k] = a;
  }
  let b = n;
  for (let k = n - 1; k >= 0; k--) {
    if (k < n - 1 && isBreak[k + 1]) b = k + 1;
    end[k] = b;
  }
  c = { start, end };
  bySet.set(breaks, c);
  return c;
}
