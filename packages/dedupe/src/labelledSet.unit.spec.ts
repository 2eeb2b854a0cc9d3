import { describe, expect, it } from 'vitest';
import { generateLabelledSet } from '../labelled/labelledSet.ts';
import { DEFAULT_THRESHOLD } from './clusterTexts.ts';
import { compactSignature, compactSimilarity } from './compactSignature.ts';
import { fingerprint } from './fingerprint.ts';
import { lshBands } from './lshBands.ts';
import { estimateSimilarity } from './similarity.ts';

/**
 * Precision and recall on the labelled set, by the rule the shared index applies: candidates share
 * an LSH band, and the compact (8-bit) signatures' estimated similarity reaches the threshold.
 */
const pairs = generateLabelledSet();
const verdicts = pairs.map((p) => {
  const a = fingerprint(p.a);
  const b = fingerprint(p.b);
  const bandsA = new Set(lshBands(a));
  const candidate = lshBands(b).some((k) => bandsA.has(k));
  const similarity = compactSimilarity(compactSignature(a), compactSignature(b));
  return { ...p, copy: candidate && similarity >= DEFAULT_THRESHOLD, full: estimateSimilarity(a, b) };
});

describe('the labelled set', () => {
  it('has at least 300 pairs, positives and hard negatives of every kind', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(pairs.map((p) => p.kind));
    for (const k of ['typography', 'paragraph-dropped', 'paragraph-added', 'paragraphs-reordered', 'same-story']) {
      expect(kinds).toContain(k);
    }
    expect(pairs.filter((p) => p.duplicate).length).toBeGreaterThanOrEqual(150);
    expect(pairs.filter((p) => !p.duplicate && p.kind.startsWith('same-story')).length).toBeGreaterThanOrEqual(100);
  });

  it('is the same set on every run', () => {
    const again = generateLabelledSet();
    expect(again.map((p) => p.a + p.b)).toEqual(pairs.map((p) => p.a + p.b));
  });

  it('is separated with precision >= 0.99 and recall >= 0.95', () => {
    const tp = verdicts.filter((v) => v.copy && v.duplicate).length;
    const fp = verdicts.filter((v) => v.copy && !v.duplicate).length;
    const fn = verdicts.filter((v) => !v.copy && v.duplicate).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.99);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps a margin: no different article reaches 0.3, no copy falls below 0.45', () => {
    const negatives = verdicts.filter((v) => !v.duplicate).map((v) => v.full);
    const positives = verdicts.filter((v) => v.duplicate).map((v) => v.full);
    expect(Math.max(...negatives)).toBeLessThan(0.3);
    expect(Math.min(...positives)).toBeGreaterThanOrEqual(0.45);
  });
});
