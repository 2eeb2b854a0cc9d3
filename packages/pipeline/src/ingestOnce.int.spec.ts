import type {} from '@tally/local-services/vitest-setup';
import { defaultSeedsDir, type Newsroom, startNewsroom } from '@tally/newsroom';
import { createProjectionReader, type FigureView } from '@tally/projection-store';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forSuite, openTestRuntime } from './feedRuntime.ts';
import { type IngestSummary, ingestOnce } from './ingestOnce.ts';

/**
 * The whole pipeline on the five seed reports, as the demo newsroom serves them: feeds → fetch →
 * extract → dedupe → claims → log → figures. What EXPECTED.md says Tally must make of them.
 */
describe('ingestOnce on the seed reports', () => {
  let newsroom: Newsroom;
  let first: IngestSummary;

  beforeAll(async () => {
    newsroom = await startNewsroom({ seedsDir: process.env.SEEDS_DIR ?? defaultSeedsDir() });
  });
  afterAll(async () => {
    await newsroom?.close();
  });
  const h = forSuite(() =>
    openTestRuntime(inject('redisUrl'), {
      config: { HTTP_ALLOW: newsroom.host, HTTP_HOST_CONCURRENCY: 8, EXTRACT_THREADS: 1 },
      extract: true,
    }),
  );
  beforeAll(async () => {
    first = await ingestOnce(
      h.rt,
      newsroom.feeds.map((f) => ({ url: f.url, title: f.title })),
    );
  });

  const containersKey = 'transfer:KP>RU:container';
  const figure = async (key: string): Promise<FigureView> => {
    const f = await createProjectionReader(h.store).getFigure(key);
    expect(f, `figure ${key}`).not.toBeNull();
    return f!;
  };

  it('fetches and extracts every seed page and records the broken links with reasons', () => {
    const pages = newsroom.articles.filter((a) => a.kind === 'article');
    expect(first.articles.extracted).toBe(pages.length);
    expect(first.failuresByReason['http-404']).toBe(1);
    expect(first.failuresByReason['not-html']).toBe(1);
  });

  it('credits the syndicated copies to their original and keeps the five seeds apart', async () => {
    const copies = newsroom.articles.filter((a) => a.syndicatedFrom);
    expect(copies.length).toBe(2);
    expect(first.articles.duplicates).toBe(copies.length);
    const clusters = await createProjectionReader(h.store).listDuplicates();
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.original?.url).toBe(copies[0]!.syndicatedFrom);
  });

  it('gives the current containers figure: nearly 11,000, Tracey Newell, May 2024', async () => {
    const f = await figure(containersKey);
    expect(f.current).toMatchObject({ value: 11_000, bound: '~<' });
    expect(f.current!.speaker?.name).toBe('Tracey Newell');
    expect(f.current!.statedAt?.startsWith('2024-05')).toBe(true);
  });

  it('keeps the history Kirby → Smith → Newell, with the Kirby statement from three reports in conflict', async () => {
    const f = await figure(containersKey);
    const speakers = f.history.map((s) => s.speaker?.name ?? null);
    expect(speakers).toEqual(['John Kirby', 'Julianne Smith', 'Tracey Newell']);
    const kirby = f.history[0]!;
    expect(kirby.value).toBe(1000);
    expect(kirby.statedAt).toBe('2023-10-13');
    expect(kirby.independentSources).toBe(3);
    expect(kirby.conflicts.some((c) => c.kind === 'bound')).toBe(true);
    expect(f.history[1]).toMatchObject({ value: 1000, bound: '>', statedAt: '2023-12-20' });
  });

  it('gives the Najin shipment of 300 containers as one statement of two reports (US officials, White House)', async () => {
    const f = await figure(`${containersKey}:shipment`);
    expect(f.history).toHaveLength(1);
    expect(f.current).toMatchObject({ value: 300, bound: '=', independentSources: 2 });
    expect(['US officials', 'White House']).toContain(f.current!.speaker?.name);
    expect(f.current!.statedAt).toBe('2023-10-13');
  });

  it('leaves the halted $6 billion of US aid to the report itself, under a headline about North Korea and Russia', async () => {
    const f = await figure('halt-aid:US>UA:USD');
    expect(f.current).toMatchObject({ value: 6_000_000_000, bound: '=', speaker: null });
  });

  it('links every source back to its sentence, article and feed', async () => {
    const f = await figure(containersKey);
    for (const s of f.history.flatMap((st) => st.sources)) {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(s.sentence.length).toBeGreaterThan(20);
      expect(s.feedId).toMatch(/^f_/);
    }
  });

  it('is idempotent: ingesting the same feeds again appends no article or claim events', async () => {
    const again = await ingestOnce(
      h.rt,
      newsroom.feeds.map((f) => ({ url: f.url, title: f.title })),
    );
    expect(again.articles.discovered).toBe(0);
    expect(again.articles.extracted).toBe(0);
    expect(again.claims).toBe(0);
    expect(again.polls.ok + again.polls.notModified).toBe(newsroom.feeds.length);
  });
});
