import { describe, expect, it } from 'vitest';
import { stories } from '../labelled/stories.ts';
import { compactSignature, compactSimilarity } from './compactSignature.ts';
import { fingerprint } from './fingerprint.ts';
import { bandHashes, LSH_BANDS, lshBands } from './lshBands.ts';
import { estimateSimilarity } from './similarity.ts';

const texts = stories.flatMap((s) => s.reports.map((r) => r.paragraphs.join('\n')));

describe('lshBands', () => {
  it('gives one key per band; copies share keys, other articles share none', () => {
    const a = fingerprint(texts[0]!);
    const copy = fingerprint(`${texts[0]}\nShare this article with your friends and family today.`);
    const keys = lshBands(a);
    expect(keys).toHaveLength(LSH_BANDS);
    expect(new Set(keys).size).toBe(LSH_BANDS);
    expect(lshBands(copy).filter((k) => keys.includes(k)).length).toBeGreaterThan(LSH_BANDS / 2);
    for (const other of texts.slice(1)) {
      expect(lshBands(fingerprint(other)).some((k) => keys.includes(k))).toBe(false);
    }
  });

  it('has no keys for a text without words', () => {
    expect(lshBands(fingerprint(''))).toEqual([]);
  });

  it('keeps band hashes below 2^31', () => {
    for (const t of texts) for (const h of bandHashes(fingerprint(t))) expect(h).toBeLessThan(2 ** 31);
  });
});

describe('compactSignature', () => {
  it('estimates about the same similarity as the full MinHash in an eighth of the space', () => {
    const a = fingerprint(texts[0]!);
    const b = fingerprint(texts[0]!.split('\n').slice(1).join('\n'));
    const other = fingerprint(texts[1]!);
    expect(compactSignature(a)).toHaveLength(128);
    expect(
      Math.abs(compactSimilarity(compactSignature(a), compactSignature(b)) - estimateSimilarity(a, b)),
    ).toBeLessThan(0.03);
    expect(compactSimilarity(compactSignature(a), compactSignature(other))).toBeLessThan(0.05);
  });
});
