export { type ArticleBody, type BodyOptions, MIN_SENTENCE_WORDS } from './articleBody.ts';
export {
  type Cluster,
  type ClusterInput,
  type ClusterOptions,
  clusterTexts,
  DEFAULT_SAME_SOURCE_THRESHOLD,
  DEFAULT_THRESHOLD,
} from './clusterTexts.ts';
export { compactSignature, compactSimilarity } from './compactSignature.ts';
export {
  DEFAULT_NUM_HASHES,
  DEFAULT_SHINGLE_SIZE,
  type Fingerprint,
  type FingerprintOptions,
  fingerprint,
  type ReadText,
  readText,
} from './fingerprint.ts';
export { bandHashes, LSH_BANDS, LSH_ROWS, lshBands } from './lshBands.ts';
export { normalizeText } from './normalizeText.ts';
export { estimateSimilarity, hammingDistance, simhashSimilarity } from './similarity.ts';

/**
 * Names the fingerprint: what is read as the body, shingling, MinHash layout and LSH banding.
 * Fingerprints (and index entries) of different versions are not comparable; the index keeps each
 * version under its own keys. 2: tables of numbers are read as part of the body.
 */
export const DEDUPE_VERSION = 'minhash-oph128-w4-b32r3.2';
