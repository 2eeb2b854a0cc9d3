import type { Fingerprint } from './fingerprint.ts';

/**
 * Estimated Jaccard similarity of the two texts' shingle sets: the share of MinHash bins that
 * agree. 0 when either text had no words (nothing to compare is not a copy).
 */
export function estimateSimilarity(a: Fingerprint, b: Fingerprint): number {
  if (a.shingleCount === 0 || b.shingleCount === 0) return 0;
  const x = a.minhash;
  const y = b.minhash;
  if (x.length !== y.length) throw new RangeError(`fingerprints differ in size: ${x.length} and ${y.length} bins`);
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}

/** Bits that differ between two 64-bit SimHashes. */
export function hammingDistance(a: bigint, b: bigint): number {
  let v = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (v) {
    v &= v - 1n;
    n++;
  }
  return n;
}

/** SimHash similarity: 1 − Hamming distance / 64 (null when either fingerprint has no SimHash). */
export function simhashSimilarity(a: Fingerprint, b: Fingerprint): number | null {
  if (a.simhash === undefined || b.simhash === undefined) return null;
  if (a.shingleCount === 0 || b.shingleCount === 0) return 0;
  return 1 - hammingDistance(a.simhash, b.simhash) / 64;
}
