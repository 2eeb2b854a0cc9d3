import { describe, expect, it } from 'vitest';
import { readClaims } from './extractClaims.ts';

describe('readClaims: what is read and what is left unread', () => {
  it('counts sentences and quantities, and skips nothing in an ordinary article', () => {
    const r = readClaims('Revenue rose 3.5% to $27.2 billion. The company has 400 stores.', {
      publishedAt: '2024-01-02',
    });
    expect(r.sentences).toBe(2);
    expect(r.quantities).toBeGreaterThanOrEqual(3);
    expect(r.skipped).toEqual([]);
  });

  it('skips a sentence over the length cap, with its reason, and reads the rest', () => {
    const text = `${'revenue 12 '.repeat(500)}\n\nSales fell 4% to $2.1 billion.`;
    const r = readClaims(text, { publishedAt: '2024-01-02' });
    expect(r.skipped).toEqual([{ reason: 'sentence-too-long', sentences: 1 }]);
    expect(r.claims.map((c) => c.value)).toContain(2_100_000_000);
  });

  it('reads no more than the cap of sentences, the rest counted as article-too-long', () => {
    const text = 'Officials said 500 containers were shipped. '.repeat(50);
    const r = readClaims(text, { maxSentences: 10 });
    expect(r.sentences).toBe(10);
    expect(r.skipped).toEqual([{ reason: 'article-too-long', sentences: 40 }]);
  });
});
