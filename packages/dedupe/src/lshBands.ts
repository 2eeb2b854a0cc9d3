import type { Fingerprint } from './fingerprint.ts';
import { combine32, fmix32 } from './hash.ts';

/**
 * LSH banding: 32 bands of 3 MinHash bins. Two texts become candidates when all three bins of at
 * least one band agree, which happens with probability 1 − (1 − J³)³² for Jaccard similarity J:
 * 0.95 at J = 0.45, 0.99 at J = 0.5, 0.9996 at J = 0.6; 0.23 at J = 0.2 (weeded out by
 * verification) and ~3·10⁻⁷ for unrelated news (J ≈ 0.002), which keeps the candidate lists short
 * in an index of a million articles.
 */
export const LSH_BANDS = 32;
export const LSH_ROWS = 3;

/**
 * One 31-bit hash per band, the band's number mixed in, so that all bands can share one table.
 * 31 bits, because Redis stores integers below 2³¹ in 6 bytes in a small hash and larger ones in 10.
 */
export function bandHashes(fp: Fingerprint): Uint32Array {
  const m = fp.minhash;
  if (m.length < LSH_BANDS * LSH_ROWS)
    throw new RangeError(`LSH needs ${LSH_BANDS * LSH_ROWS} MinHash bins, got ${m.length}`);
  const out = new Uint32Array(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = fmix32(b + 0x5eed);
    for (let r = 0; r < LSH_ROWS; r++) h = combine32(h, m[b * LSH_ROWS + r]!);
    out[b] = fmix32(h) >>> 1;
  }
  return out;
}

/** Band keys (`<band>:<hash>`): texts that share a key are candidate near-duplicates. Empty for a text with no words. */
export function lshBands(fp: Fingerprint): string[] {
  if (fp.shingleCount === 0) return [];
  return Array.from(bandHashes(fp), (h, b) => `${b}:${h.toString(16)}`);
}
