import { describe, expect, it } from 'vitest';
import { stories } from '../labelled/stories.ts';
import { fingerprint } from './fingerprint.ts';
import { estimateSimilarity, hammingDistance, simhashSimilarity } from './similarity.ts';

const report = stories[0]!.reports[0]!;
const body = report.paragraphs.join('\n');
const article = `${report.headline}\n${body}`;

describe('fingerprint', () => {
  it('is deterministic', () => {
    const a = fingerprint(article);
    const b = fingerprint(article);
    expect(Array.from(a.minhash)).toEqual(Array.from(b.minhash));
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.minhash).toHaveLength(128);
    expect(a.shingleCount).toBeGreaterThan(200);
  });

  it('does not see typographic differences: quotes, dashes, spaces, case, hard wrapping', () => {
    const retyped = article
      .replace(/"([^"]*)"/g, '\u201c$1\u201d')
      .replace(/'/g, '\u2019')
      .replace(/ - /g, ' \u2014 ')
      .replace(/(\d),(\d{3})/g, '$1\u202f$2')
      .replace(/\. /g, '.  ')
      .toUpperCase();
    const wrapped = article
      .split('\n')
      .map((p) => p.replace(/(.{1,70})(\s|$)/g, '$1\n').trim())
      .join('\n\n');
    const a = fingerprint(article);
    expect(fingerprint(retyped).contentHash).toBe(a.contentHash);
    expect(estimateSimilarity(a, fingerprint(retyped))).toBe(1);
    expect(estimateSimilarity(a, fingerprint(wrapped))).toBe(1);
  });

  it('sees compatibility forms (ligatures, full-width letters) as their plain letters', () => {
    const styled = article.replace(/fi/g, '\ufb01').replace(/River/g, '\uff32\uff49\uff56\uff45\uff52');
    expect(styled).not.toBe(article);
    const a = fingerprint(article);
    expect(fingerprint(styled).contentHash).toBe(a.contentHash);
    expect(Array.from(fingerprint(styled).minhash)).toEqual(Array.from(a.minhash));
  });

  it('leaves out headlines, labels and short furniture lines', () => {
    const republished = [
      'Advertisement',
      'River Tamsin floods: thousands leave their homes',
      'By Metro Daily staff | Updated 09:12 GMT',
      'Share on Facebook · Share on X · Email',
      body,
      'Related articles',
      'Source link',
    ].join('\n');
    expect(estimateSimilarity(fingerprint(article), fingerprint(republished))).toBe(1);
  });

  it('is not moved by paragraph order', () => {
    const reordered = [...report.paragraphs].reverse().join('\n');
    expect(estimateSimilarity(fingerprint(body), fingerprint(reordered))).toBe(1);
  });

  it('moves a little for a dropped or added paragraph and a lot for another article on the same story', () => {
    const dropped = report.paragraphs.filter((_, i) => i !== 2).join('\n');
    const updated = `${body}\n${stories[0]!.updates[0]}`;
    const other = stories[0]!.reports[1]!.paragraphs.join('\n');
    const a = fingerprint(body);
    expect(estimateSimilarity(a, fingerprint(dropped))).toBeGreaterThan(0.75);
    expect(estimateSimilarity(a, fingerprint(updated))).toBeGreaterThan(0.8);
    expect(estimateSimilarity(a, fingerprint(other))).toBeLessThan(0.2);
  });

  it('has nothing to compare for a text without words', () => {
    const empty = fingerprint(' \n — \n ');
    expect(empty.shingleCount).toBe(0);
    expect(estimateSimilarity(empty, empty)).toBe(0);
  });

  it('fingerprints a short text whole rather than not at all', () => {
    const a = fingerprint('Kestrel strike ends');
    expect(a.shingleCount).toBe(1);
    expect(estimateSimilarity(a, fingerprint('KESTREL STRIKE ENDS'))).toBe(1);
  });

  it('computes a SimHash only when asked, close for copies and far for other articles', () => {
    expect(fingerprint(body).simhash).toBeUndefined();
    const a = fingerprint(body, { simhash: true });
    const copy = fingerprint(`${body}\n${stories[0]!.updates[0]}`, { simhash: true });
    const other = fingerprint(stories[1]!.reports[0]!.paragraphs.join('\n'), { simhash: true });
    expect(typeof a.simhash).toBe('bigint');
    expect(simhashSimilarity(a, copy)!).toBeGreaterThan(simhashSimilarity(a, other)!);
    expect(hammingDistance(a.simhash!, a.simhash!)).toBe(0);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
  });

  it('rejects sizes it cannot use', () => {
    expect(() => fingerprint(body, { numHashes: 100 })).toThrow(RangeError);
    expect(() => fingerprint(body, { shingleSize: 0 })).toThrow(RangeError);
  });
});
