/** Precision, recall and F1 of an extracted text's tokens against a reference text's tokens. */
export interface TokenScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Words of letters and digits, lower-cased; each Han, kana or Hangul character is a token of its own,
 * since those scripts write no spaces (a whole Chinese sentence as one token would score all or
 * nothing).
 */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+/gu;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

function counts(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const token of list) map.set(token, (map.get(token) ?? 0) + 1);
  return map;
}

/**
 * Token F1 over bags of tokens (counted as multisets), the measure of the public article-extraction
 * benchmarks: order does not matter, a paragraph dropped costs recall, furniture kept costs precision.
 */
export function tokenF1(extracted: string, reference: string): TokenScore {
  const got = counts(tokens(extracted));
  const want = counts(tokens(reference));
  let gotTotal = 0;
  let wantTotal = 0;
  let common = 0;
  for (const count of got.values()) gotTotal += count;
  for (const [token, count] of want) {
    wantTotal += count;
    common += Math.min(count, got.get(token) ?? 0);
  }
  if (gotTotal === 0 && wantTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = gotTotal === 0 ? 0 : common / gotTotal;
  const recall = wantTotal === 0 ? 0 : common / wantTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
