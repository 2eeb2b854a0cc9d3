import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeedsDir } from '../labelled/labelledSet.ts';
import { stories } from '../labelled/stories.ts';
import { clusterTexts } from './clusterTexts.ts';

const story = stories[2]!;
const [wire, other, third] = story.reports.map((r) => [r.headline, ...r.paragraphs].join('\n'));
const syndicated = (text: string, outlet: string) =>
  [
    `${outlet}: strike at carmaker`,
    ...text.split('\n').slice(1, -1),
    `Follow ${outlet} on Facebook and X for the latest news.`,
    `https://${outlet.toLowerCase()}.example/a?utm_source=rss&utm_medium=feed`,
  ].join('\n');

describe('clusterTexts', () => {
  it('groups copies with their original and lists every text exactly once', () => {
    const clusters = clusterTexts([
      { id: 'wire', text: wire! },
      { id: 'other', text: other! },
      { id: 'copy-1', text: syndicated(wire!, 'Metro') },
      { id: 'third', text: third! },
      { id: 'copy-2', text: syndicated(wire!, 'Sentinel') },
    ]);
    expect(clusters.map((c) => [c.original, c.copies.map((x) => x.id)])).toEqual([
      ['wire', ['copy-1', 'copy-2']],
      ['other', []],
      ['third', []],
    ]);
    for (const copy of clusters[0]!.copies) {
      expect(copy.similarity).toBeGreaterThan(0.6);
      expect(copy.similarity).toBeLessThanOrEqual(1);
    }
  });

  it('makes the earliest published copy the original, whatever the input order', () => {
    const clusters = clusterTexts([
      { id: 'late', text: syndicated(wire!, 'Metro'), publishedAt: '2024-05-03T09:00:00Z' },
      { id: 'undated', text: syndicated(wire!, 'Sentinel') },
      { id: 'first', text: wire!, publishedAt: '2024-05-03T06:04:00+00:00' },
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.original).toBe('first');
    expect(clusters[0]!.copies.map((c) => c.id)).toEqual(['late', 'undated']);
  });

  it('takes undated texts in input order', () => {
    const clusters = clusterTexts([
      { id: 'b', text: syndicated(wire!, 'Metro') },
      { id: 'a', text: wire! },
    ]);
    expect(clusters[0]!.original).toBe('b');
  });

  it('honours the threshold', () => {
    const docs = [
      { id: 'wire', text: wire! },
      { id: 'copy', text: syndicated(wire!, 'Metro') },
    ];
    expect(clusterTexts(docs, { threshold: 1 })).toHaveLength(2);
    expect(clusterTexts(docs, { threshold: 0.5 })).toHaveLength(1);
    expect(() => clusterTexts(docs, { threshold: 2 })).toThrow(RangeError);
  });

  it('keeps empty texts as singletons and rejects repeated ids', () => {
    expect(
      clusterTexts([
        { id: 'x', text: '' },
        { id: 'y', text: '' },
      ]),
    ).toEqual([
      { original: 'x', copies: [] },
      { original: 'y', copies: [] },
    ]);
    expect(() =>
      clusterTexts([
        { id: 'x', text: 'a' },
        { id: 'x', text: 'b' },
      ]),
    ).toThrow(/duplicate id/);
  });

  it('finds the same clusters through LSH when there are too many texts to compare all pairs', () => {
    const docs: { id: string; text: string }[] = [];
    const bases = stories.flatMap((s) => s.reports.map((r) => r.paragraphs));
    for (let n = 0; n < 2100; n++) {
      const base = bases[n % bases.length]!;
      // copies: one paragraph dropped (a different one each time), a footer
      const dropped = Math.floor(n / bases.length) % base.length;
      const text =
        n < bases.length
          ? base.join('\n')
          : [...base.filter((_, i) => i !== dropped), `Copy ${n}: republished with permission.`].join('\n');
      docs.push({ id: `d${n}`, text });
    }
    const clusters = clusterTexts(docs);
    expect(clusters).toHaveLength(bases.length);
    expect(clusters.map((c) => c.original)).toEqual(bases.map((_, i) => `d${i}`));
    expect(clusters.reduce((n, c) => n + 1 + c.copies.length, 0)).toBe(2100);
  });

  const seeds = defaultSeedsDir();
  it.skipIf(!seeds)('keeps the five seed reports apart: none is a copy of another', () => {
    const files = readdirSync(seeds!).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(5);
    const clusters = clusterTexts(files.map((f) => ({ id: f, text: readFileSync(join(seeds!, f), 'utf8') })));
    expect(clusters).toHaveLength(5);
    expect(clusters.every((c) => c.copies.length === 0)).toBe(true);
  });
});
