import type { Fingerprint } from './fingerprint.ts';

/**
 * b-bit minwise hashing (Li & König, 2010): the low 8 bits of each MinHash bin, 128 bytes instead
 * of 512. Two texts' bytes agree with probability J + (1 − J)/256; `compactSimilarity` corrects for
 * the chance agreements. This is what the shared index stores for verification.
 */
export function compactSignature(fp: Fingerprint): Uint8Array {
  const out = new Uint8Array(fp.minhash.length);
  for (let i = 0; i < out.length; i++) out[i] = fp.minhash[i]! & 0xff;
  return out;
}

/** Estimated Jaccard similarity from two compact signatures (0 when they differ in size). */
export function compactSimilarity(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  const chance = 1 / 256;
  return Math.max(0, (same / a.length - chance) / (1 - chance));
}
