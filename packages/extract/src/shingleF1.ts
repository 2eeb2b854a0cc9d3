/** Precision, recall and F1 of an extracted text against the expected text. */
export interface ShingleScore {
  precision: number;
  recall: number;
  f1: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words: letters and digits, everything else is a separator. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function shingleCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Token F1 over word shingles (4-grams by default), counted as multisets: the measure of the public
 * article-extraction benchmarks. Shingles make order matter locally, so a paragraph pasted twice or
 * glued to furniture costs precision, and a dropped paragraph costs recall.
 */
export function shingleF1(extracted: string, expected: string, size = 4): ShingleScore {
  const gotWords = words(extracted);
  const wantWords = words(expected);
  // A text shorter than one shingle is scored on single words, so a three-word text is not "empty".
  const n = gotWords.length >= size && wantWords.length >= size ? size : 1;
  const got = shingleCounts(gotWords, n);
  const want = shingleCounts(wantWords, n);
  let gotTotal = 0;
  let wantTotal = 0;
  let common = 0;
  for (const count of got.values()) gotTotal += count;
  for (const [key, count] of want) {
    wantTotal += count;
    const other = got.get(key);
    if (other !== undefined) common += Math.min(count, other);
  }
  if (gotTotal === 0 && wantTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = gotTotal === 0 ? 0 : common / gotTotal;
  const recall = wantTotal === 0 ? 0 : common / wantTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
