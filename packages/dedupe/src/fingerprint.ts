import { combine32, fmix32 } from './hash.ts';
import { type Paragraphs, splitParagraphs } from './paragraphs.ts';

/** A text's near-duplicate fingerprint. */
export interface Fingerprint {
  /**
   * One-permutation MinHash: `numHashes` bins, each the minimum 32-bit shingle hash that fell in
   * it (empty bins densified). Two fingerprints agree in a bin with probability equal to the
   * Jaccard similarity of their shingle sets.
   */
  minhash: Uint32Array;
  /** 64-bit SimHash of the same shingles, only when asked for (`simhash: true`). */
  simhash?: bigint;
  /** Shingles hashed (with repeats); 0 for a text with no words. */
  shingleCount: number;
  /** Hash of the fingerprinted word sequence: equal for texts identical after normalisation. */
  contentHash: number;
}

export interface FingerprintOptions {
  /**
   * Words per shingle.
   * @defaultValue 4
   */
  shingleSize?: number;
  /**
   * MinHash bins (a power of two, 16 to 1024).
   * @defaultValue 128
   */
  numHashes?: number;
  /**
   * A paragraph that does not end like a sentence is a title, caption, label or navigation unless
   * it has at least this many words; such lines are left out (headline changes and page furniture
   * then do not move the fingerprint).
   * @defaultValue 25
   */
  titleMaxWords?: number;
  /**
   * Sentence-like paragraphs shorter than this are left out too ("Source link.", "Advertisement.").
   * @defaultValue 5
   */
  minParagraphWords?: number;
  /**
   * Also compute a 64-bit SimHash (costs about as much as the MinHash again).
   * @defaultValue false
   */
  simhash?: boolean;
}

export const DEFAULT_SHINGLE_SIZE = 4;
export const DEFAULT_NUM_HASHES = 128;
const EMPTY = 0xffffffff;

/** Odd multipliers, one per word position in a shingle (up to 16 words). */
const POSITION = Array.from({ length: 16 }, (_, i) => (fmix32(i + 0x51ed27) | 1) >>> 0);

/**
 * Indexes of the paragraphs that carry the article: sentence-like and long enough, or long anyway.
 * A text that is all short lines (a list, a bare headline) is fingerprinted whole.
 */
function bodyParagraphs(p: Paragraphs, titleMaxWords: number, minWords: number): number[] {
  const body: number[] = [];
  let words = 0;
  for (let i = 0; i < p.start.length; i++) {
    const len = p.end[i]! - p.start[i]!;
    if (len >= titleMaxWords || (p.sentence[i] && len >= minWords)) {
      body.push(i);
      words += len;
    }
  }
  return words >= 16 ? body : p.start.map((_, i) => i);
}

export function fingerprint(text: string, options: FingerprintOptions = {}): Fingerprint {
  const k = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const binShift = 32 - Math.log2(numHashes);
  if (!Number.isInteger(binShift) || numHashes < 16 || numHashes > 1024) {
    throw new RangeError(`numHashes must be a power of two from 16 to 1024, got ${numHashes}`);
  }
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new RangeError(`shingleSize must be 1 to 16, got ${k}`);
  // NFKC only for the texts that have a character it could change, found in the splitting pass itself
  let paragraphs = splitParagraphs(text, true);
  if (paragraphs.needsCompat) paragraphs = splitParagraphs(text.normalize('NFKC'));
  const body = bodyParagraphs(paragraphs, options.titleMaxWords ?? 25, options.minParagraphWords ?? 5);
  const w = paragraphs.words;

  const bins = new Uint32Array(numHashes).fill(EMPTY);
  const bits = options.simhash ? new Int32Array(64) : null;
  let shingleCount = 0;
  let content = 0x2545f491;
  const p0 = POSITION[0]!;
  const p1 = POSITION[1]!;
  const p2 = POSITION[2]!;
  const p3 = POSITION[3]!;
  for (const p of body) {
    const from = paragraphs.start[p]!;
    const to = paragraphs.end[p]!;
    const len = to - from;
    const last = len < k ? from : to - k;
    const span = Math.min(len, k);
    for (let i = from; i <= last; i++) {
      let h: number;
      if (span === 4) {
        // the default shingle, unrolled: the same sum as the loop below
        h = (4 + Math.imul(w[i]!, p0) + Math.imul(w[i + 1]!, p1) + Math.imul(w[i + 2]!, p2)) | 0;
        h = (h + Math.imul(w[i + 3]!, p3)) | 0;
      } else {
        h = span;
        for (let j = 0; j < span; j++) h = (h + Math.imul(w[i + j]!, POSITION[j]!)) | 0;
      }
      // fmix32, inlined: this loop runs once per word of every article
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      content = (Math.imul(content, 0x01000193) + h) | 0;
      const bin = h >>> binShift;
      if (h < bins[bin]!) bins[bin] = h;
      if (bits) addSimhashBits(bits, h);
    }
    if (last >= from) shingleCount += last - from + 1;
    content = combine32(content, 0x0a);
  }
  if (shingleCount > 0) densify(bins);

  const fp: Fingerprint = { minhash: bins, shingleCount, contentHash: fmix32(content) };
  if (bits) {
    let v = 0n;
    for (let i = 63; i >= 0; i--) v = (v << 1n) | (bits[i]! > 0 ? 1n : 0n);
    fp.simhash = v;
  }
  return fp;
}

function addSimhashBits(bits: Int32Array, h: number): void {
  const hi = fmix32(h ^ 0x9e3779b9);
  for (let i = 0; i < 32; i++) {
    bits[i]! += (h >>> i) & 1 ? 1 : -1;
    bits[32 + i]! += (hi >>> i) & 1 ? 1 : -1;
  }
}

/**
 * Optimal densification (Shrivastava, ICML 2017): an empty bin borrows the value of a filled bin
 * chosen by a hash of (bin, attempt), the same sequence for every text, so that two texts still
 * agree in a bin with probability equal to their Jaccard similarity.
 */
function densify(bins: Uint32Array): void {
  const n = bins.length;
  // the empty bins, marked in a scratch array (a 3 KB article leaves two or three of 128 empty)
  let empties = 0;
  for (let i = 0; i < n; i++) {
    if (bins[i] === EMPTY) {
      emptyMark[i] = 1;
      empties++;
    }
  }
  if (empties === 0) return;
  for (let i = 0; i < n; i++) {
    if (!emptyMark[i]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77)) % n;
      if (!emptyMark[j]) {
        bins[i] = bins[j]!;
        break;
      }
    }
  }
  emptyMark.fill(0, 0, n);
}

/** Marks of empty bins while densifying; all zero between calls. */
const emptyMark = new Uint8Array(1024);
