import { randomUUID } from 'node:crypto';
import { stories } from '@tally/dedupe/labelled';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDedupeIndex, type DedupeDocument, type DedupeIndexOptions } from './createDedupeIndex.ts';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(() => redis.disconnect());

const freshIndex = (options: DedupeIndexOptions = {}) => {
  const prefix = `test:${randomUUID()}`;
  return { prefix, index: createDedupeIndex(redis, { prefix, ...options }) };
};

/**
 * What one outlet prints under every article: an "about us" paragraph, a newsletter box, an appeal
 * and a legal line, about as long as the articles themselves, so that two different articles of the
 * outlet share close to half of their text.
 */
const LEDGER_FOOTER = [
  'The Harwick Ledger is an independent, reader-funded newsroom founded in 1921 in Harwick. We cover local politics, business, courts, schools and the environment for readers across the county and beyond, and our reporters follow a published code of ethics.',
  'Sign up for the Ledger Morning Briefing, our free newsletter, and get the stories that matter to the county delivered to your inbox every weekday morning. By signing up you agree to our privacy notice, and you can unsubscribe at any time using the link in every email.',
  'Before you go: more people are reading the Ledger than ever before, but advertising revenue across the local press is falling fast. We have not put our journalism behind a paywall, because we believe everyone deserves reliable local news. Every contribution, however big or small, keeps our reporters in court rooms, council chambers and flooded streets. Support the Ledger from as little as one pound a month; it only takes a minute.',
  'This material may not be published, broadcast, rewritten or redistributed without written permission from Harwick Ledger Media Ltd, registered in England under company number 04417725.',
  'The Ledger is committed to accuracy. If you spot an error in this article, please contact our corrections desk; we correct mistakes as soon as we are made aware of them and note every correction at the end of the article. Our editorial standards and our complaints procedure are published on our website.',
  'Comments on this article are moderated and may take some time to appear. Please keep the discussion civil and on topic, in line with our community guidelines. Personal attacks, spam and off-topic posts will be removed, and comments close seven days after publication.',
];
const GAZETTE_FOOTER = [
  'Follow the Densford Gazette on social media for the latest news from the valley, and download our app for breaking news alerts.',
  'The Densford Gazette is published by Valley Newspapers plc. All rights reserved.',
];

/** One article per story (ten different stories), as an outlet prints it. */
const reports = stories.map((s) => s.reports[0]!);
const printed = (r: (typeof reports)[number], footer: string[], extra: string[] = []) =>
  [r.headline, ...extra, ...r.paragraphs, ...footer].join('\n');
const ledger = (i: number, path = `story-${i}`): DedupeDocument => ({
  id: `ledger-${path}`,
  url: `https://www.harwickledger.example/news/${path}`,
  text: printed(reports[i]!, LEDGER_FOOTER),
});

describe('the per-source boilerplate model', () => {
  it('learns what an outlet prints under every article and stops taking its different stories for copies', async () => {
    const withSources = freshIndex();
    const unknownSource = freshIndex();
    const docs = reports.map((_, i) => ledger(i));
    const verdicts = [];
    for (const d of docs) verdicts.push(await withSources.index.checkAndInsert(d));
    const blind = [];
    for (const d of docs) blind.push(await unknownSource.index.checkAndInsert({ id: d.id, text: d.text }));
    // told nothing of the source, the shared footer makes copies of different stories
    expect(blind.filter((v) => v.verdict === 'duplicate').length).toBeGreaterThanOrEqual(5);
    expect(verdicts.filter((v) => v.verdict === 'duplicate')).toEqual([]);
    await withSources.index.clear();
    await unknownSource.index.clear();
  });

  it('still finds the outlet’s own updated versions and another outlet’s copy of one of its first articles', async () => {
    const { index } = freshIndex();
    for (let i = 0; i < reports.length; i++) await index.checkAndInsert(ledger(i));
    const story = stories[0]!;
    const first = {
      id: 'ledger-update-1',
      url: 'https://harwickledger.example/news/story-0-updated',
      text: printed(reports[0]!, LEDGER_FOOTER, [
        'UPDATE: This story has been updated with new figures.',
        story.updates[0]!,
      ]),
    };
    const second = {
      id: 'ledger-update-2',
      url: 'https://harwickledger.example/news/story-0-updated-again',
      text: printed(reports[0]!, LEDGER_FOOTER, [
        'UPDATE 2: Adds the council’s statement.',
        story.updates[0]!,
        story.updates[1]!,
      ]),
    };
    const syndicated = {
      id: 'gazette-copy',
      url: 'https://densfordgazette.example/2024/story?utm_source=partner',
      text: printed(reports[0]!, GAZETTE_FOOTER, ['This story was first published by the Harwick Ledger.']),
    };
    for (const copy of [first, second, syndicated]) {
      expect(await index.checkAndInsert(copy)).toMatchObject({ verdict: 'duplicate', originalId: 'ledger-story-0' });
    }
    await index.clear();
  });

  it('learns in order within one request, as when checked one by one', async () => {
    const one = freshIndex();
    const many = freshIndex();
    const docs = reports.map((_, i) => ledger(i));
    const single = [];
    for (const d of docs) single.push(await one.index.checkAndInsert(d));
    expect(await many.index.checkAndInsertMany(docs)).toEqual(single);
    await one.index.clear();
    await many.index.clear();
  });

  it('answers a retried check of an article as before, and counts it once', async () => {
    const { index, prefix } = freshIndex();
    const docs = reports.map((_, i) => ledger(i));
    for (const d of docs.slice(0, 3)) {
      await index.checkAndInsert(d);
      expect(await index.checkAndInsert(d)).toEqual({ verdict: 'original' });
    }
    // three articles counted once each (the first by the bitmap, the other two by their tags): a
    // fourth one sees the footer in three others, and a different story of the outlet under it is
    // then not taken for a copy of one of the three
    const [key] = await redis.keys(`{${prefix}}:*:s:harwickledger.example:c`);
    const tags = (await redis.hgetallBuffer(key!)) as Record<string, Buffer>;
    const counts = Object.entries(tags)
      .filter(([field]) => field !== 'n' && field !== 'r')
      .map(([, v]) => v.length / 2);
    expect(Math.max(...counts)).toBe(2);
    expect((await index.stats()).documents).toBe(3);
    await index.clear();
  });

  it('remembers a bounded number of sentences per source and keeps what it repeats', async () => {
    const { index, prefix } = freshIndex({ sourceMemory: 64 });
    const verdicts = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < reports.length; i++) verdicts.push(await index.checkAndInsert(ledger(i, `r${round}-s${i}`)));
    }
    const keys = await redis.keys(`{${prefix}}:*:s:harwickledger.example:[cp]`);
    let sentences = 0;
    for (const k of keys) sentences += await redis.hlen(k);
    expect(keys.length).toBe(2);
    // two generations of at most 64 sentences, and two bookkeeping fields each
    expect(sentences).toBeLessThanOrEqual(2 * (64 + 2));
    // the later rounds are copies of the first; no different story is ever taken for another
    const copies = verdicts.slice(reports.length);
    expect(copies.every((v) => v.verdict === 'duplicate')).toBe(true);
    copies.forEach((v, j) => {
      expect(v).toMatchObject({ originalId: `ledger-r0-s${j % reports.length}` });
    });
    expect(verdicts.slice(0, reports.length).every((v) => v.verdict === 'original')).toBe(true);
    await index.clear();
  });

  it('holds two articles of one source to the stricter threshold', async () => {
    const { index } = freshIndex({ threshold: 0.4, sameSourceThreshold: 0.95, sourceBoilerplate: false });
    const original = ledger(4);
    await index.checkAndInsert(original);
    // a copy cut by two paragraphs: clearly similar, not nearly identical
    const edited = original.text
      .split('\n')
      .filter((_, i) => i !== 2 && i !== 4)
      .join('\n');
    expect(
      await index.checkAndInsert({ id: 'other-outlet', url: 'https://densfordgazette.example/x', text: edited }),
    ).toMatchObject({ verdict: 'duplicate', originalId: original.id });
    expect(
      await index.checkAndInsert({ id: 'same-outlet', url: 'https://harwickledger.example/x', text: edited }),
    ).toEqual({ verdict: 'original' });
  });

  it('rejects model options it cannot honour', () => {
    expect(() => createDedupeIndex(redis, { sourceBoilerplate: 4 })).toThrow(RangeError);
    expect(() => createDedupeIndex(redis, { sourceMemory: 8 })).toThrow(RangeError);
    expect(() => createDedupeIndex(redis, { sameSourceThreshold: 0 })).toThrow(RangeError);
  });
});
