import { type Fingerprint, fingerprint } from './fingerprint.ts';
import { lshBands } from './lshBands.ts';
import { estimateSimilarity } from './similarity.ts';

/** The similarity (estimated Jaccard of 4-word shingles) from which two texts are copies; see the README for the measurements behind it. */
export const DEFAULT_THRESHOLD = 0.4;

/**
 * The same between two articles of one source (outlet): until its boilerplate is learned, two of
 * its articles share it, so a higher bar; see the README.
 */
export const DEFAULT_SAME_SOURCE_THRESHOLD = 0.5;

export interface ClusterInput {
  id: string;
  text: string;
  /** ISO 8601; the earliest published copy is the original. Missing or unparseable dates count as later than any date. */
  publishedAt?: string | null;
}

export interface Cluster {
  original: string;
  copies: { id: string; similarity: number }[];
}

export interface ClusterOptions {
  /** @defaultValue DEFAULT_THRESHOLD (0.4) */
  threshold?: number;
}

/** Below this many texts every text is compared with every original (no LSH misses). */
const EXHAUSTIVE_UP_TO = 2000;

function publishedMs(d: string | null | undefined): number {
  if (!d) return Number.POSITIVE_INFINITY;
  const ms = Date.parse(d);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/**
 * Groups texts into clusters of near-duplicates in memory. Texts are taken from the earliest
 * published (ties and undated texts in input order); each becomes a copy of the most similar
 * original so far at or above the threshold, or an original itself. So the original of a cluster is
 * its earliest published text, every text appears exactly once, and a copy is always compared with
 * its original directly (no chains of copies of copies). Clusters come in the input order of their
 * originals, copies in input order.
 */
export function clusterTexts(docs: readonly ClusterInput[], options: ClusterOptions = {}): Cluster[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be within 0..1, got ${threshold}`);
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.id)) throw new RangeError(`duplicate id: ${d.id}`);
    seen.add(d.id);
  }
  const fps: Fingerprint[] = docs.map((d) => fingerprint(d.text));
  const order = docs.map((_, i) => i);
  const when = docs.map((d) => publishedMs(d.publishedAt));
  order.sort((a, b) => when[a]! - when[b]! || a - b);

  const exhaustive = docs.length <= EXHAUSTIVE_UP_TO;
  const originals: number[] = [];
  const byBand = new Map<string, number[]>();
  const copiesOf = new Map<number, { index: number; similarity: number }[]>();
  for (const i of order) {
    const fp = fps[i]!;
    let best = -1;
    let bestSimilarity = -1;
    if (fp.shingleCount > 0) {
      const candidates = exhaustive ? originals : candidatesFor(fp, byBand);
      for (const o of candidates) {
        const s = estimateSimilarity(fp, fps[o]!);
        if (s >= threshold && s > bestSimilarity) {
          best = o;
          bestSimilarity = s;
        }
      }
    }
    if (best >= 0) {
      copiesOf.get(best)!.push({ index: i, similarity: bestSimilarity });
    } else {
      originals.push(i);
      copiesOf.set(i, []);
      if (!exhaustive) {
        for (const key of lshBands(fp)) {
          const list = byBand.get(key);
          if (list) list.push(i);
          else byBand.set(key, [i]);
        }
      }
    }
  }
  return originals
    .sort((a, b) => a - b)
    .map((o) => ({
      original: docs[o]!.id,
      copies: copiesOf
        .get(o)!
        .sort((a, b) => a.index - b.index)
        .map((c) => ({ id: docs[c.index]!.id, similarity: c.similarity })),
    }));
}

function candidatesFor(fp: Fingerprint, byBand: Map<string, number[]>): number[] {
  const found = new Set<number>();
  for (const key of lshBands(fp)) for (const o of byBand.get(key) ?? []) found.add(o);
  return [...found].sort((a, b) => a - b);
}
