import { type ArticleBody, type BodyOptions, eachSentence, readBody } from './articleBody.ts';
import { combine32, fmix32 } from './hash.ts';

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

export interface FingerprintOptions extends BodyOptions {
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
   * Also compute a 64-bit SimHash (costs about as much as the MinHash again).
   * @defaultValue false
   */
  simhash?: boolean;
  /**
   * Sentences to leave out, by `sentenceHashes` value: what the text's source repeats across its own
   * articles (footers, disclaimers, newsletter boxes). A paragraph is shingled in the runs between
   * the sentences left out; a run shorter than a shingle is dropped with them.
   */
  ignore?: ReadonlySet<number>;
  /**
   * The opposite: only these sentences (by `sentenceHashes` value) are fingerprinted, in runs of
   * consecutive ones. What an index needs to recognise, in the bins of a text fingerprinted whole,
   * the values its source's boilerplate put there.
   */
  only?: ReadonlySet<number>;
}

export const DEFAULT_SHINGLE_SIZE = 4;
export const DEFAULT_NUM_HASHES = 128;
const EMPTY = 0xffffffff;

/** Odd multipliers, one per word position in a shingle (up to 16 words). */
const POSITION = Array.from({ length: 16 }, (_, i) => (fmix32(i + 0x51ed27) | 1) >>> 0);

/**
 * A text read once for fingerprinting: its body and the hashes of its sentences. What a shared index
 * needs when it asks, between reading and fingerprinting, which sentences the text's source repeats.
 */
export interface ReadText {
  readonly body: ArticleBody;
  /** Distinct hashes of the body's sentences of at least MIN_SENTENCE_WORDS words, in text order. */
  readonly sentenceHashes: Uint32Array;
}

/** Reads a text for `fingerprint(read, { ignore })`. The body options given here hold for that fingerprint. */
export function readText(text: string, options: BodyOptions = {}): ReadText {
  const body = readBody(text, options, true);
  const seen = new Set<number>();
  eachSentence(body, (_from, _to, hash) => {
    if (hash !== 0) seen.add(hash);
  });
  return { body, sentenceHashes: Uint32Array.from(seen) };
}

export function fingerprint(text: string | ReadText, options: FingerprintOptions = {}): Fingerprint {
  const k = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const binShift = 32 - Math.log2(numHashes);
  if (!Number.isInteger(binShift) || numHashes < 16 || numHashes > 1024) {
    throw new RangeError(`numHashes must be a power of two from 16 to 1024, got ${numHashes}`);
  }
  if (!Number.isInteger(k) || k < 1 || k > 16) throw new RangeError(`shingleSize must be 1 to 16, got ${k}`);
  const body = typeof text === 'string' ? readBody(text, options) : text.body;
  const { from: starts, to: ends } = options.only
    ? runsOf(body, options.only, true, k)
    : options.ignore && options.ignore.size > 0
      ? runsOf(body, options.ignore, false, k)
      : body;
  const w = body.words;

  const bins = new Uint32Array(numHashes).fill(EMPTY);
  const bits = options.simhash ? new Int32Array(64) : null;
  let shingleCount = 0;
  let content = 0x2545f491;
  const p0 = POSITION[0]!;
  const p1 = POSITION[1]!;
  const p2 = POSITION[2]!;
  const p3 = POSITION[3]!;
  for (let p = 0; p < starts.length; p++) {
    const from = starts[p]!;
    const to = ends[p]!;
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

/**
 * The body's paragraphs cut into runs of consecutive sentences that are (`inSet`) or are not in `set`.
 * Where a paragraph was cut, runs shorter than a shingle are dropped (the bits an abbreviation leaves
 * beside a boilerplate sentence).
 */
function runsOf(
  body: ArticleBody,
  set: ReadonlySet<number>,
  inSet: boolean,
  k: number,
): { from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  // runs of the current paragraph, as [from, to) pairs
  const runs: number[] = [];
  let paragraph = 0;
  let cut = false;
  let open = false;
  const flush = () => {
    for (let r = 0; r < runs.length; r += 2) {
      if (!cut || runs[r + 1]! - runs[r]! >= k) {
        from.push(runs[r]!);
        to.push(runs[r + 1]!);
      }
    }
    runs.length = 0;
    cut = false;
    open = false;
  };
  eachSentence(body, (a, b, hash) => {
    while (a >= body.to[paragraph]!) {
      flush();
      paragraph++;
    }
    if ((hash !== 0 && set.has(hash)) !== inSet) {
      cut = true;
      open = false;
    } else if (open) {
      runs[runs.length - 1] = b;
    } else {
      runs.push(a, b);
      open = true;
    }
  });
  flush();
  return { from, to };
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
