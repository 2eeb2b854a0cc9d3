import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from '@tally/dedupe';
import { defaultSeedsDir, generateLabelledSet, stories } from '@tally/dedupe/labelled';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDedupeIndex, type DedupeIndexOptions } from './createDedupeIndex.ts';

let redis: Redis;
const opened: Redis[] = [];
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
  opened.push(redis);
});
afterAll(() => {
  for (const r of opened) r.disconnect();
});

/** A fresh index under its own prefix. */
const freshIndex = (options: DedupeIndexOptions = {}, client = redis) =>
  createDedupeIndex(client, { prefix: `test:${randomUUID()}`, ...options });

const articles = stories.flatMap((s) => s.reports.map((r) => [r.headline, ...r.paragraphs].join('\n')));
/** A syndicated copy: other headline, a paragraph dropped, furniture and a tracking link added. */
const copyOf = (text: string, outlet = 'Metro Daily') =>
  [
    `${outlet} | latest`,
    ...text.split('\n').filter((_, i) => i !== 0 && i !== 3),
    `Sign up to the ${outlet} morning briefing and get the day's top stories in your inbox.`,
    `Read it at https://metro.example/n/1?utm_source=rss&utm_medium=syndication`,
  ].join('\n');

const WORDS =
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
    ' ',
  );
/** A distinct ~2.5 KB text per seed: six sentence-like paragraphs of random words. */
function wordSalad(seed: number): string {
  let s = seed + 1;
  const rand = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x45d9f3b) >>> 0 || 1;
    return s / 4294967296;
  };
  return Array.from(
    { length: 6 },
    () => `${Array.from({ length: 60 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ')}.`,
  ).join('\n');
}

describe('createDedupeIndex', () => {
  it('calls a syndicated copy a duplicate of the original, with its similarity and method', async () => {
    const index = freshIndex();
    expect(await index.checkAndInsert({ id: 'orig', text: articles[0]! })).toEqual({ verdict: 'original' });
    const v = await index.checkAndInsert({ id: 'copy', text: copyOf(articles[0]!) });
    expect(v).toMatchObject({ verdict: 'duplicate', originalId: 'orig', method: 'minhash' });
    if (v.verdict === 'duplicate') {
      expect(v.similarity).toBeGreaterThan(0.6);
      expect(v.similarity).toBeLessThan(1);
    }
  });

  it('says content-hash for a text identical after normalisation', async () => {
    const index = freshIndex();
    await index.checkAndInsert({ id: 'orig', text: articles[1]! });
    const retyped = articles[1]!.replace(/"/g, '\u201d').replace(/'/g, '\u2019').toUpperCase();
    expect(await index.checkAndInsert({ id: 'same', text: retyped })).toEqual({
      verdict: 'duplicate',
      originalId: 'orig',
      similarity: 1,
      method: 'content-hash',
    });
  });

  it('keeps different articles on the same story apart', async () => {
    const index = freshIndex();
    const verdicts = await index.checkAndInsertMany(articles.map((text, i) => ({ id: `a${i}`, text })));
    expect(verdicts.every((v) => v.verdict === 'original')).toBe(true);
    expect((await index.stats()).documents).toBe(articles.length);
  });

  const seeds = defaultSeedsDir();
  it.skipIf(!seeds)('keeps the five seed reports apart and catches their syndicated copies', async () => {
    const index = freshIndex();
    const files = readdirSync(seeds!).filter((f) => f.endsWith('.txt'));
    const texts = files.map((f) => readFileSync(join(seeds!, f), 'utf8'));
    const first = await index.checkAndInsertMany(texts.map((text, i) => ({ id: files[i]!, text })));
    expect(first.map((v) => v.verdict)).toEqual(['original', 'original', 'original', 'original', 'original']);
    const copies = await index.checkAndInsertMany(
      texts.map((text, i) => ({
        id: `copy-of-${files[i]}`,
        text: `US officials: weapons shipments\n${text}\nShare this article`,
      })),
    );
    expect(copies.map((v) => (v.verdict === 'duplicate' ? v.originalId : null))).toEqual(files);
  });

  it('lets only one of two copies checked at the same moment become the original', async () => {
    const prefix = `test:${randomUUID()}`;
    const second = new Redis(inject('redisUrl'));
    opened.push(second);
    const a = createDedupeIndex(redis, { prefix });
    const b = createDedupeIndex(second, { prefix });
    for (const [n, text] of articles.slice(0, 10).entries()) {
      const [x, y] = await Promise.all([
        a.checkAndInsert({ id: `x${n}`, text }),
        b.checkAndInsert({ id: `y${n}`, text: copyOf(text) }),
      ]);
      expect([x.verdict, y.verdict].sort()).toEqual(['duplicate', 'original']);
    }
    // pipelined batches from two connections at once: still one original per text
    const fresh = articles.slice(10);
    const [fromA, fromB] = await Promise.all([
      a.checkAndInsertMany(fresh.map((text, i) => ({ id: `A${i}`, text }))),
      b.checkAndInsertMany(fresh.map((text, i) => ({ id: `B${i}`, text: copyOf(text, 'Sentinel') }))),
    ]);
    fresh.forEach((_, i) => {
      expect([fromA[i]!.verdict, fromB[i]!.verdict].sort()).toEqual(['duplicate', 'original']);
    });
  });

  it('lets exactly one of many concurrent first copies become the original', async () => {
    const prefix = `test:${randomUUID()}`;
    const clients = Array.from({ length: 4 }, () => new Redis(inject('redisUrl')));
    opened.push(...clients);
    const indexes = clients.map((c) => createDedupeIndex(c, { prefix }));
    for (const [n, text] of articles.slice(0, 10).entries()) {
      const verdicts = await Promise.all(
        indexes.map((ix, i) =>
          ix.checkAndInsert({ id: `t${n}-c${i}`, text: i === 0 ? text : copyOf(text, `Outlet ${i}`) }),
        ),
      );
      const originals = verdicts.filter((v) => v.verdict === 'original');
      expect(originals).toHaveLength(1);
      const winner = verdicts.findIndex((v) => v.verdict === 'original');
      for (const v of verdicts) if (v.verdict === 'duplicate') expect(v.originalId).toBe(`t${n}-c${winner}`);
    }
  });

  it('makes a copy published earlier but seen later the original, and names the one it replaces', async () => {
    const index = freshIndex();
    await index.checkAndInsert({ id: 'seen-first', text: copyOf(articles[2]!), publishedAt: '2024-05-03T12:00:00Z' });
    const v = await index.checkAndInsert({
      id: 'published-first',
      text: articles[2]!,
      publishedAt: '2024-05-03T06:04:00Z',
    });
    expect(v).toMatchObject({ verdict: 'original', replaced: { id: 'seen-first', method: 'minhash' } });
    // later copies are credited to the earliest published one
    const later = await index.checkAndInsert({
      id: 'third',
      text: copyOf(articles[2]!, 'Sentinel'),
      publishedAt: '2024-05-04T00:00:00Z',
    });
    expect(later).toMatchObject({ verdict: 'duplicate', originalId: 'published-first' });
    // without dates, the first seen stays the original
    const undated = await index.checkAndInsert({ id: 'undated', text: articles[2]! });
    expect(undated).toMatchObject({ verdict: 'duplicate', originalId: 'published-first' });
  });

  it('answers original again when the same document is checked twice (a retried job)', async () => {
    const index = freshIndex();
    expect(await index.checkAndInsert({ id: 'a', text: articles[3]! })).toEqual({ verdict: 'original' });
    expect(await index.checkAndInsert({ id: 'a', text: articles[3]! })).toEqual({ verdict: 'original' });
    expect(await index.checkAndInsert({ id: 'b', text: articles[3]! })).toMatchObject({ originalId: 'a' });
    // extracted again with a paragraph more: still the same document, not a copy of itself
    const edited = `${articles[3]!}\nThis article has been updated with a correction.`;
    expect(await index.checkAndInsert({ id: 'a', text: edited })).toEqual({ verdict: 'original' });
    expect((await index.stats()).documents).toBe(1);
  });

  it('gives a replacing original its replaced copy again when it is checked again (a job retried after a crash)', async () => {
    const index = freshIndex();
    const seenFirst = { id: 'seen-first', text: copyOf(articles[9]!), publishedAt: '2024-05-03T12:00:00Z' };
    const publishedFirst = { id: 'published-first', text: articles[9]!, publishedAt: '2024-05-03T06:04:00Z' };
    const copy = { id: 'copy', text: copyOf(articles[9]!, 'Sentinel'), publishedAt: '2024-05-04T00:00:00Z' };
    expect(await index.checkAndInsert(seenFirst)).toEqual({ verdict: 'original' });
    const replaced = await index.checkAndInsert(publishedFirst);
    expect(replaced).toMatchObject({ verdict: 'original', replaced: { id: 'seen-first', method: 'minhash' } });
    // the analyzer crashed before appending: the retry must still name the copy to credit
    expect(await index.checkAndInsert(publishedFirst)).toEqual(replaced);
    expect(await index.checkAndInsertMany([publishedFirst, publishedFirst])).toEqual([replaced, replaced]);
    // a copy checked again keeps its original
    const duplicate = await index.checkAndInsert(copy);
    expect(duplicate).toMatchObject({ verdict: 'duplicate', originalId: 'published-first' });
    expect(await index.checkAndInsert(copy)).toEqual(duplicate);
    // the first seen one, checked again, is still indexed and not its own copy
    expect(await index.checkAndInsert(seenFirst)).toEqual({ verdict: 'original' });
    expect((await index.stats()).documents).toBe(2);
  });

  it('keeps the verdict of a retried check after its document was itself replaced', async () => {
    const index = freshIndex();
    const [late, earlier, earliest] = [
      { id: 'late', text: copyOf(articles[10]!), publishedAt: '2024-05-03T12:00:00Z' },
      { id: 'earlier', text: articles[10]!, publishedAt: '2024-05-03T08:00:00Z' },
      { id: 'earliest', text: copyOf(articles[10]!, 'Wire'), publishedAt: '2024-05-03T06:00:00Z' },
    ];
    const verdicts = [];
    for (const d of [late, earlier, earliest]) verdicts.push(await index.checkAndInsert(d));
    expect(verdicts.map((v) => (v.verdict === 'original' ? (v.replaced?.id ?? 'original') : v.verdict))).toEqual([
      'original',
      'late',
      'earlier',
    ]);
    // each retried in any order gets its first answer, identical texts (content hash) included
    expect(await index.checkAndInsertMany([earliest, late, earlier])).toEqual([verdicts[2], verdicts[0], verdicts[1]]);
    const twin = { id: 'twin-late', text: articles[11]!, publishedAt: '2024-05-03T12:00:00Z' };
    const twinFirst = { id: 'twin-first', text: articles[11]!, publishedAt: '2024-05-03T06:00:00Z' };
    await index.checkAndInsert(twin);
    const byHash = await index.checkAndInsert(twinFirst);
    expect(byHash).toEqual({
      verdict: 'original',
      replaced: { id: 'twin-late', similarity: 1, method: 'content-hash' },
    });
    expect(await index.checkAndInsert(twinFirst)).toEqual(byHash);
    expect(await index.checkAndInsert(twin)).toEqual({ verdict: 'original' });
  });

  it('checks a batch in order, as if one by one: copies inside one script call and across calls', async () => {
    const docs = [
      { id: 'a', text: articles[0]!, publishedAt: '2024-05-03T10:00:00Z' },
      { id: 'b', text: articles[1]! },
      { id: 'a-copy', text: copyOf(articles[0]!), publishedAt: '2024-05-03T11:00:00Z' },
      { id: 'b-copy', text: copyOf(articles[1]!, 'Sentinel') },
      // published before 'a': the original from here on, in the middle of a batch
      { id: 'a-first', text: copyOf(articles[0]!, 'Wire'), publishedAt: '2024-05-03T08:00:00Z' },
      { id: 'a-late', text: copyOf(articles[0]!, 'Courier'), publishedAt: '2024-05-04T09:00:00Z' },
      { id: 'c', text: articles[2]! },
      { id: 'c', text: articles[2]! }, // a retried job inside the same batch
      { id: 'c-copy', text: copyOf(articles[2]!) },
      // retried jobs: the replacing original names its copy again, a copy keeps its original
      { id: 'a-first', text: copyOf(articles[0]!, 'Wire'), publishedAt: '2024-05-03T08:00:00Z' },
      { id: 'a-late', text: copyOf(articles[0]!, 'Courier'), publishedAt: '2024-05-04T09:00:00Z' },
    ];
    const oneByOne = freshIndex({ batchSize: 1 });
    const expected = [];
    for (const d of docs) expected.push(await oneByOne.checkAndInsert(d));
    expect(expected.map((v) => (v.verdict === 'duplicate' ? v.originalId : (v.replaced?.id ?? 'original')))).toEqual([
      'original',
      'original',
      'a',
      'b',
      'a',
      'a-first',
      'original',
      'original',
      'c',
      'a',
      'a-first',
    ]);
    for (const batchSize of [2, 4, 16]) {
      const batched = freshIndex({ batchSize });
      expect(await batched.checkAndInsertMany(docs)).toEqual(expected);
      expect((await batched.stats()).documents).toBe(4);
    }
  });

  it('honours the threshold', async () => {
    const strict = freshIndex({ threshold: 0.99 });
    await strict.checkAndInsert({ id: 'orig', text: articles[4]! });
    expect(await strict.checkAndInsert({ id: 'copy', text: copyOf(articles[4]!) })).toEqual({ verdict: 'original' });
  });

  it('calls a text without words an original and does not index it', async () => {
    const index = freshIndex();
    expect(await index.checkAndInsert({ id: 'blank', text: ' \n ' })).toEqual({ verdict: 'original' });
    expect(await index.checkAndInsert({ id: 'blank-2', text: '' })).toEqual({ verdict: 'original' });
    expect((await index.stats()).documents).toBe(0);
  });

  it('forgets documents older than the window, and frees their memory', async () => {
    const day = 86_400_000;
    let now = Date.parse('2024-05-01T00:00:00Z');
    const index = freshIndex({ windowDays: 2, now: () => now });
    await index.checkAndInsert({ id: 'old', text: articles[5]! });
    now += day;
    expect(await index.checkAndInsert({ id: 'copy-1', text: copyOf(articles[5]!) })).toMatchObject({
      originalId: 'old',
    });
    now += 2 * day;
    expect(await index.checkAndInsert({ id: 'copy-2', text: copyOf(articles[5]!) })).toEqual({ verdict: 'original' });
    expect((await index.stats()).documents).toBe(1);

    // continuous ingestion, 150 new articles a day for 12 days: memory stays at a window's worth
    const sizes: number[] = [];
    for (let d = 0; d < 12; d++) {
      now += day;
      await index.checkAndInsertMany(
        Array.from({ length: 150 }, (_, i) => ({ id: `d${d}-${i}`, text: wordSalad(d * 1000 + i) })),
      );
      sizes.push((await index.stats()).bytes);
    }
    const s = await index.stats();
    expect(s.documents).toBe(300);
    const steady = sizes.slice(3);
    expect(Math.max(...steady)).toBeLessThan(Math.min(...steady) * 1.4);
  });

  it('stays under 1 KB per document, in small buckets, every key under one hash tag', async () => {
    const prefix = `test:${randomUUID()}`;
    const index = createDedupeIndex(redis, { prefix });
    const docs = Array.from({ length: 3000 }, (_, i) => ({ id: `article-${i}`, text: wordSalad(i) }));
    for (let i = 0; i < docs.length; i += 500) await index.checkAndInsertMany(docs.slice(i, i + 500));
    const s = await index.stats();
    expect(s.documents).toBe(3000);
    expect(s.bytesPerDocument).toBeLessThan(1024);
    const keys = await redis.keys(`{${prefix}}:*`);
    expect(keys.length).toBe(s.keys);
    // the buckets: fields of one hash, 8 bytes an entry, about 16 entries a bucket
    const bucketKey = keys.find((k) => k.endsWith(':b'))!;
    const lengths = (await redis.hvalsBuffer(bucketKey)).map((v) => v.length);
    expect(lengths.length).toBeGreaterThan((3000 * 32) / 32);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8 * 64);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(3000 * 32 * 8);
    // the batch's checks wrote a handful of keys, not one per bucket
    expect(keys.length).toBeLessThan(3 + 2 * Math.ceil(3000 / 128) + 1);
    expect(await index.clear()).toBe(keys.length);
    expect(await redis.keys(`{${prefix}}:*`)).toEqual([]);
  });

  it('agrees with the labelled set through Redis', async () => {
    const pairs = generateLabelledSet().filter((_, i) => i % 3 === 0);
    let right = 0;
    for (const [i, p] of pairs.entries()) {
      const index = createDedupeIndex(redis, { prefix: `test:${randomUUID()}:${i}` });
      const [, v] = await index.checkAndInsertMany([
        { id: 'a', text: p.a },
        { id: 'b', text: p.b },
      ]);
      if ((v!.verdict === 'duplicate') === p.duplicate) right++;
      await index.clear();
    }
    expect(right / pairs.length).toBeGreaterThanOrEqual(0.98);
  });

  it('takes documents fingerprinted elsewhere and answers as for their texts', async () => {
    const index = freshIndex();
    await index.checkAndInsert({ id: 'orig', text: articles[6]! });
    const [v, w] = await index.checkAndInsertFingerprinted([
      { id: 'copy', fingerprint: fingerprint(copyOf(articles[6]!)) },
      { id: 'other', fingerprint: fingerprint(articles[7]!) },
    ]);
    expect(v).toMatchObject({ verdict: 'duplicate', originalId: 'orig' });
    expect(w).toEqual({ verdict: 'original' });
    await expect(
      index.checkAndInsertFingerprinted([{ id: 'x', fingerprint: fingerprint(articles[8]!, { numHashes: 64 }) }]),
    ).rejects.toThrow(RangeError);
  });

  it('rejects options it cannot honour', () => {
    expect(() => createDedupeIndex(redis, { prefix: 'a{b}' })).toThrow(RangeError);
    expect(() => createDedupeIndex(redis, { windowDays: 0 })).toThrow(RangeError);
    expect(() => createDedupeIndex(redis, { threshold: 1.5 })).toThrow(RangeError);
    expect(() => createDedupeIndex(redis, { batchSize: 0 })).toThrow(RangeError);
  });
});
