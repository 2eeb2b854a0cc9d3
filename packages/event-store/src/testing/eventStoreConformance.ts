import { eventId, makeEvent, type NewEvent, type StoredEvent, upcasters } from '@tally/events';
import { afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, type EventStore, InvalidEventError } from '../EventStore.ts';

/** What the shared suite needs from a backend. */
export interface ConformanceSubject {
  /** Opens a store on a fresh, empty log of its own. */
  open(): Promise<EventStore>;
  /** Opens a second store object on the same log as `store` (another pool, another object). */
  openBeside(store: EventStore): Promise<EventStore>;
}

const removed = (key: string | number, reason: string | null = null): NewEvent =>
  makeEvent('FeedRemoved', { feedId: `f-${key}`, reason }, [key]);

const registered = (key: string | number): NewEvent =>
  makeEvent(
    'FeedRegistered',
    {
      feedId: `f-${key}`,
      url: `https://news.example/${key}/feed.xml`,
      title: `Feed ${key}`,
      source: 'config',
      minIntervalSec: null,
      maxIntervalSec: null,
    },
    [key],
  );

const positionsOf = (events: readonly StoredEvent[]) => events.map((e) => e.position);

/**
 * The behaviour every backend of the log must show, registered as vitest tests. Each test opens
 * its own empty log, so positions start at 1.
 */
export function eventStoreConformance(subject: ConformanceSubject): void {
  const opened: EventStore[] = [];
  const open = async () => {
    const store = await subject.open();
    opened.push(store);
    return store;
  };
  const openBeside = async (store: EventStore) => {
    const other = await subject.openBeside(store);
    opened.push(other);
    return other;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  describe('append and read', () => {
    it('stores events with gap-free positions and per-stream versions, and reads them back as given', async () => {
      const store = await open();
      const a = [registered('a'), removed('a', 'gone')];
      const b = [registered('b')];
      expect(await store.append('feed-a', a)).toEqual({ positions: [1, 2], written: 2, streamVersion: 2 });
      expect(await store.append('feed-b', b)).toEqual({ positions: [3], written: 1, streamVersion: 1 });

      const all = await store.readAll();
      expect(all.map((e) => [e.position, e.streamId, e.streamVersion, e.id, e.type])).toEqual([
        [1, 'feed-a', 1, a[0]!.id, 'FeedRegistered'],
        [2, 'feed-a', 2, a[1]!.id, 'FeedRemoved'],
        [3, 'feed-b', 1, b[0]!.id, 'FeedRegistered'],
      ]);
      expect(all[0]!.data).toEqual(a[0]!.data);
      expect(all[0]!.metadata).toEqual(a[0]!.metadata);
      expect(Number.isNaN(Date.parse(all[0]!.recordedAt))).toBe(false);

      const stream = await store.readStream('feed-a');
      expect(stream.map((e) => e.id)).toEqual(a.map((e) => e.id));
      expect((await store.readStream('feed-a', { afterVersion: 1 })).map((e) => e.streamVersion)).toEqual([2]);
      expect((await store.readStream('feed-a', { limit: 1 })).map((e) => e.streamVersion)).toEqual([1]);
      // Backwards: newest first, below a version when one is given (a stream browser's pages).
      expect((await store.readStream('feed-a', { direction: 'backwards' })).map((e) => e.id)).toEqual(
        a.map((e) => e.id).reverse(),
      );
      expect((await store.readStream('feed-a', { direction: 'backwards', limit: 1 }))[0]?.streamVersion).toBe(2);
      expect(
        (await store.readStream('feed-a', { direction: 'backwards', beforeVersion: 2 })).map((e) => e.streamVersion),
      ).toEqual([1]);
      expect(await store.readStream('feed-none', { direction: 'backwards' })).toEqual([]);
      expect(await store.readStream('feed-none')).toEqual([]);
      expect(await store.head()).toBe(3);
      expect(await store.has(a[1]!.id)).toBe(true);
      expect(await store.has(removed('never').id)).toBe(false);
      expect(await store.has('not-a-uuid')).toBe(false);
    });

    it('keeps data exactly as appended: text, unicode, numbers, nesting, the order of keys', async () => {
      const store = await open();
      const data = {
        feedId: 'f-odd',
        reason: 'quotes " and \\ backslashes, a literal \\u0000, tabs\tand\nnewlines',
        unicode: 'Zürich · 東京 · 🚀 · \u2028',
        numbers: [0, 1, -7, 0.1 + 0.2, 1e-7, 2 ** 53 - 1, 1.7976931348623157e308, 123.456],
        nested: { deep: [{ a: null, b: true, c: [] }, {}], empty: '' },
      };
      const event = { id: eventId('FeedRemoved', 'odd'), type: 'FeedRemoved', data, metadata: { schemaVersion: 1 } };
      await store.append('feed-odd', [event as unknown as NewEvent]);
      const [read] = await store.readAll();
      expect(read!.data).toEqual(data);
      expect(JSON.stringify(read!.data)).toBe(JSON.stringify(data));
    });

    it('reads back stream ids with characters JSON escapes, and recordedAt as an ISO string in milliseconds', async () => {
      const store = await open();
      const odd = [
        'feed "quoted" \\ back\\slash',
        'tab\tnew\nline \u0001 \u007f',
        'Zürich 東京 🚀 \u2028 \u2029',
        '{"x":1}',
      ];
      const before = Date.now();
      for (const [i, streamId] of odd.entries()) await store.append(streamId, [removed(i)]);
      const all = await store.readAll();
      expect(all.map((e) => e.streamId)).toEqual(odd);
      for (const streamId of odd) expect((await store.readStream(streamId)).map((e) => e.streamId)).toEqual([streamId]);
      for (const e of all) {
        expect(e.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        // The database's clock is this machine's: the time of the append, give or take a minute.
        expect(Math.abs(Date.parse(e.recordedAt) - before)).toBeLessThan(60_000);
      }
      expect(all.map((e) => [e.id, e.type, e.streamVersion, e.position])).toEqual(
        odd.map((_, i) => [removed(i).id, 'FeedRemoved', 1, i + 1]),
      );
    });

    it('refuses data PostgreSQL cannot turn into text, and events without metadata, naming the event and writing nothing of the batch', async () => {
      const store = await open();
      const bad = removed('nul', 'a \u0000 byte');
      const err = await store.append('feed-x', [removed('ok'), bad]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidEventError);
      expect((err as InvalidEventError).eventId).toBe(bad.id);
      const notUuid = { ...removed('id'), id: 'feed-x-1' };
      await expect(store.append('feed-x', [notUuid])).rejects.toBeInstanceOf(InvalidEventError);
      const noMetadata = { ...removed('meta'), metadata: undefined } as unknown as NewEvent;
      await expect(store.append('feed-x', [removed('ok'), noMetadata])).rejects.toBeInstanceOf(InvalidEventError);
      expect(await store.head()).toBe(0);
    });

    it('upcasts events stored under an older schema version on read', async () => {
      const store = await open();
      const old = { id: eventId('FeedRemoved', 'v0'), type: 'FeedRemoved', data: { feedId: 'f-v0' } };
      await store.append('feed-v0', [{ ...old, metadata: { schemaVersion: 0 } } as unknown as NewEvent]);
      upcasters.FeedRemoved = { 0: (d) => ({ ...(d as object), reason: 'removed before reasons were kept' }) };
      try {
        const [read] = await store.readAll();
        expect(read!.metadata.schemaVersion).toBe(1);
        expect(read!.data).toEqual({ feedId: 'f-v0', reason: 'removed before reasons were kept' });
      } finally {
        delete upcasters.FeedRemoved;
      }
    });
  });

  describe('expected version', () => {
    it('appends when the stream is where the caller expects it, and raises ConcurrencyError when not', async () => {
      const store = await open();
      await store.append('feed-a', [removed(1)], { expectedVersion: 'no-stream' });
      await store.append('feed-a', [removed(2)], { expectedVersion: 1 });
      await store.append('feed-a', [removed(3)], { expectedVersion: 'any' });

      const stale = await store.append('feed-a', [removed(4)], { expectedVersion: 1 }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(ConcurrencyError);
      expect(stale).toMatchObject({ streamId: 'feed-a', expected: 1, actual: 3 });
      await expect(store.append('feed-a', [removed(5)], { expectedVersion: 'no-stream' })).rejects.toMatchObject({
        name: 'ConcurrencyError',
        actual: 3,
      });
      await expect(store.append('feed-new', [removed(6)], { expectedVersion: 2 })).rejects.toMatchObject({
        actual: 0,
      });
      expect((await store.readStream('feed-a')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(await store.head()).toBe(3);
    });

    it('lets exactly one of two writers that read the same version win', async () => {
      const store = await open();
      await store.append('feed-a', [removed(0)]);
      const results = await Promise.allSettled([
        store.append('feed-a', [removed('left')], { expectedVersion: 1 }),
        store.append('feed-a', [removed('right')], { expectedVersion: 1 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      expect(await store.head()).toBe(2);
    });
  });

  describe('idempotency', () => {
    it('returns the stored positions for ids already stored and writes nothing', async () => {
      const store = await open();
      const batch = [removed(1), removed(2), removed(3)];
      const first = await store.append('feed-a', batch, { expectedVersion: 'no-stream' });
      // A retried job: same events, same (now stale) expected version.
      const again = await store.append('feed-a', batch, { expectedVersion: 'no-stream' });
      expect(again).toEqual({ positions: first.positions, written: 0, streamVersion: 3 });
      expect(await store.head()).toBe(3);
    });

    it('writes only the new events of a batch that mixes stored and new ids, and each id once', async () => {
      const store = await open();
      await store.append('feed-a', [removed(1), removed(2)]);
      const mixed = await store.append('feed-a', [removed(2), removed(3), removed(1), removed(3), removed(4)]);
      expect(mixed).toEqual({ positions: [2, 3, 1, 3, 4], written: 2, streamVersion: 4 });
      expect((await store.readStream('feed-a')).map((e) => e.data)).toEqual(
        [1, 2, 3, 4].map((k) => ({ feedId: `f-${k}`, reason: null })),
      );
      // Nothing stored yet, one id twice: written once, where it first appears.
      const twice = await store.append('feed-b', [removed(5), removed(6), removed(5)]);
      expect(twice).toEqual({ positions: [5, 6, 5], written: 2, streamVersion: 2 });
      expect((await store.readStream('feed-b')).map((e) => [e.position, e.data])).toEqual([
        [5, { feedId: 'f-5', reason: null }],
        [6, { feedId: 'f-6', reason: null }],
      ]);
    });

    it('writes concurrent appends of the same events once, and tells every caller the same positions', async () => {
      const store = await open();
      const beside = await openBeside(store);
      const batch = [removed('x'), removed('y')];
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? beside : store).append('feed-a', batch)),
      );
      expect(results.map((r) => r.positions)).toEqual(Array.from({ length: 6 }, () => [1, 2]));
      expect(results.reduce((sum, r) => sum + r.written, 0)).toBe(2);
      expect(await store.head()).toBe(2);
    });
  });

  describe('appending to several streams at once', () => {
    it('writes every stream in one call, positions in the order given, each stream at its own version', async () => {
      const store = await open();
      await store.append('feed-b', [removed('b0')]);
      const results = await store.appendMany([
        { streamId: 'feed-a', events: [registered('a'), removed('a')], expectedVersion: 'no-stream' },
        { streamId: 'feed-b', events: [removed('b1')], expectedVersion: 1 },
        { streamId: 'feed-c', events: [] },
        { streamId: 'feed-a', events: [removed('a2')] },
      ]);
      expect(results).toEqual([
        { positions: [2, 3], written: 2, streamVersion: 2 },
        { positions: [4], written: 1, streamVersion: 2 },
        { positions: [], written: 0, streamVersion: 0 },
        { positions: [5], written: 1, streamVersion: 3 },
      ]);
      expect((await store.readAll()).map((e) => [e.position, e.streamId, e.streamVersion])).toEqual([
        [1, 'feed-b', 1],
        [2, 'feed-a', 1],
        [3, 'feed-a', 2],
        [4, 'feed-b', 2],
        [5, 'feed-a', 3],
      ]);
      expect((await store.readStream('feed-a')).map((e) => e.data)).toEqual([
        registered('a').data,
        removed('a').data,
        removed('a2').data,
      ]);
    });

    it('is idempotent like append: a repeated call writes nothing and reports the stored positions', async () => {
      const store = await open();
      const batches = [
        { streamId: 'article-1', events: [removed(1)] },
        { streamId: 'figure-x', events: [removed(2), removed(3)] },
      ];
      const first = await store.appendMany(batches);
      await store.append('figure-x', [removed(4)]);
      const again = await store.appendMany([...batches, { streamId: 'article-2', events: [removed(5)] }]);
      expect(again).toEqual([
        { positions: [1], written: 0, streamVersion: 1 },
        { positions: [2, 3], written: 0, streamVersion: 3 },
        { positions: [5], written: 1, streamVersion: 1 },
      ]);
      expect(first.map((r) => r.written)).toEqual([1, 2]);
      expect(await store.head()).toBe(5);
    });

    it('writes nothing of any stream when one stream is not at its expected version, and names that stream', async () => {
      const store = await open();
      await store.append('feed-b', [removed(0)]);
      const err = await store
        .appendMany([
          { streamId: 'feed-a', events: [removed(1)] },
          { streamId: 'feed-b', events: [removed(2)], expectedVersion: 'no-stream' },
          { streamId: 'feed-c', events: [removed(3)] },
        ])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConcurrencyError);
      expect(err).toMatchObject({ streamId: 'feed-b', expected: 'no-stream', actual: 1 });
      expect(await store.head()).toBe(1);
      expect(await store.readStream('feed-a')).toEqual([]);
    });

    it('refuses an invalid event anywhere in the call, naming it and writing nothing', async () => {
      const store = await open();
      const bad = makeEvent('FeedRemoved', { feedId: 'f-bad', reason: 'nul \u0000 here' }, ['bad']);
      const err = await store
        .appendMany([
          { streamId: 'feed-a', events: [removed(1)] },
          { streamId: 'feed-b', events: [bad] },
        ])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidEventError);
      expect(err).toMatchObject({ eventId: bad.id });
      expect(await store.head()).toBe(0);
    });

    it('wakes waiters like append does', async () => {
      const store = await open();
      const beside = await openBeside(store);
      // A timeout far beyond the test's own: only the notification (or the head check) can resolve it.
      await store.append('feed-0', [removed(0)]);
      await beside.waitForAppend(0, 60 * 60_000);
      const waited = beside.waitForAppend(1, 60 * 60_000);
      await store.appendMany([
        { streamId: 'feed-a', events: [removed(1)] },
        { streamId: 'feed-b', events: [removed(2)] },
      ]);
      await waited;
      expect(await beside.head()).toBe(3);
    });
  });

  describe('reading the whole log', () => {
    it('pages by position and filters by type', async () => {
      const store = await open();
      for (let i = 0; i < 5; i++) await store.append(`feed-${i}`, [registered(i), removed(i)]);

      expect(positionsOf(await store.readAll({ after: 3, limit: 4 }))).toEqual([4, 5, 6, 7]);
      expect(positionsOf(await store.readAll({ after: 10 }))).toEqual([]);
      const pages: number[][] = [];
      for await (const page of store.readAllPages({ limit: 3 })) pages.push(positionsOf(page));
      expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
      const removals = await store.readAll({ types: ['FeedRemoved'], after: 4, limit: 2 });
      expect(removals.map((e) => [e.position, e.type])).toEqual([
        [6, 'FeedRemoved'],
        [8, 'FeedRemoved'],
      ]);
      const typed: number[] = [];
      for await (const page of store.readAllPages({ types: ['FeedRegistered'], limit: 2 })) {
        typed.push(...positionsOf(page));
      }
      expect(typed).toEqual([1, 3, 5, 7, 9]);
    });

    it('pages the whole log with no page left out, none twice and no empty page, from any start', async () => {
      const store = await open();
      for (let i = 0; i < 12; i++) await store.append(`feed-${i % 4}`, [removed(i)]);
      const pagesOf = async (options: { after?: number; limit: number }) => {
        const pages: number[][] = [];
        for await (const page of store.readAllPages(options)) pages.push(positionsOf(page));
        return pages;
      };
      expect(await pagesOf({ limit: 4 })).toEqual([
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
      ]);
      expect(await pagesOf({ after: 2, limit: 5 })).toEqual([
        [3, 4, 5, 6, 7],
        [8, 9, 10, 11, 12],
      ]);
      expect(await pagesOf({ after: 11, limit: 1 })).toEqual([[12]]);
      expect(await pagesOf({ after: 12, limit: 3 })).toEqual([]);
      expect((await pagesOf({ limit: 1 })).flat()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it('pages on into events appended while the log is being paged', async () => {
      const store = await open();
      for (let i = 0; i < 6; i++) await store.append('feed-a', [removed(i)]);
      const seen: number[] = [];
      for await (const page of store.readAllPages({ limit: 2 })) {
        if (seen.length === 0) for (let i = 6; i < 12; i++) await store.append('feed-b', [removed(i)]);
        seen.push(...positionsOf(page));
      }
      expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    });

    it('pages past a hole in the positions without losing or repeating an event', async () => {
      // Appends never leave holes; a log pruned by hand may have them, and must still page whole.
      const store = await open();
      for (let i = 0; i < 10; i++) await store.append('feed-a', [removed(i)]);
      await store.transaction((tx) => tx.query(`DELETE FROM "${store.schema}".events WHERE position IN (4, 5)`));
      const pages: number[][] = [];
      for await (const page of store.readAllPages({ limit: 3 })) pages.push(positionsOf(page));
      expect(pages).toEqual([
        [1, 2, 3],
        [6, 7, 8],
        [9, 10],
      ]);
    });

    it('wakes a waiter when another store object appends, and at once when the log is already past', async () => {
      const store = await open();
      const writer = await openBeside(store);
      await writer.append('feed-a', [removed(1)]);
      // Timeouts far beyond the test's own: only the notification (or the head check) can resolve these.
      const never = 60 * 60_000;
      await store.waitForAppend(0, never); // already past: resolves without waiting
      const woken = store.waitForAppend(1, never);
      await writer.append('feed-a', [removed(2)]);
      await woken;
      expect(await store.head()).toBe(2);
    });
  });

  describe('subscriptions', () => {
    it('catch up from the start, then go live, each event once and in order', async () => {
      const store = await open();
      for (let i = 0; i < 12; i++) await store.append(`feed-${i % 3}`, [removed(i)]);
      const batches: number[][] = [];
      const sub = store.subscribe({
        name: 'projector',
        batchSize: 5,
        handle: async (events) => {
          batches.push(positionsOf(events));
        },
      });
      await sub.caughtUp();
      expect(batches).toEqual([
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
        [11, 12],
      ]);

      const writer = await openBeside(store);
      await writer.append('feed-live', [removed('live-1'), removed('live-2')]);
      await sub.caughtUp();
      expect(batches.flat()).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      expect(sub.position()).toBe(14);
      expect(await store.checkpoint('projector')).toBe(14);
      await sub.stop();
      await expect(sub.caughtUp()).rejects.toThrow(/stopped/);
    });

    it('resume from the stored checkpoint under the same name', async () => {
      const store = await open();
      await store.append('feed-a', [removed(1), removed(2)]);
      const seen: number[] = [];
      const handle = async (events: StoredEvent[]) => {
        seen.push(...positionsOf(events));
      };
      const first = store.subscribe({ name: 'p', handle });
      await first.caughtUp();
      await first.stop();
      await store.append('feed-a', [removed(3)]);
      const second = store.subscribe({ name: 'p', handle });
      await second.caughtUp();
      expect(seen).toEqual([1, 2, 3]);
      expect(await store.checkpoint('other')).toBe(0);
    });

    it('with a least interval between batches, fold appends that trickle in into one batch', async () => {
      const store = await open();
      await store.append('feed-a', [removed(0)]);
      const batches: number[][] = [];
      const batchMs: number[] = [];
      const sub = store.subscribe({
        name: 'coalescing',
        // Told how long each batch took, it may pause longer after a costly one.
        minBatchIntervalMs: (ms) => {
          batchMs.push(ms);
          return 1500;
        },
        handle: async (events) => {
          batches.push(positionsOf(events));
        },
      });
      await sub.caughtUp();
      // The batch reached the head: the next read waits, so these five appends arrive together.
      for (let i = 1; i <= 5; i++) await store.append(`feed-${i}`, [removed(i)]);
      await sub.caughtUp();
      expect(batches).toEqual([[1], [2, 3, 4, 5, 6]]);
      expect(batchMs.length).toBeGreaterThanOrEqual(1);
      expect(batchMs.every((ms) => ms > 0)).toBe(true);
      await sub.stop();
    });

    it('stop at once while waiting out the interval between batches', async () => {
      const store = await open();
      await store.append('feed-a', [removed(1)]);
      const sub = store.subscribe({ name: 'pausing', minBatchIntervalMs: 60_000, handle: async () => {} });
      await sub.caughtUp();
      // Stopping ends the pause: `stop()` settles long before the 60 s interval would.
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        sub.stop().then(() => 'stopped'),
        new Promise((resolve) => {
          timer = setTimeout(() => resolve('still waiting'), 20_000);
        }),
      ]);
      clearTimeout(timer);
      expect(outcome).toBe('stopped');
    });

    it('hand over only the chosen types while the checkpoint moves past the others', async () => {
      const store = await open();
      for (let i = 0; i < 4; i++) await store.append(`feed-${i}`, [registered(i), removed(i)]);
      const seen: string[] = [];
      const sub = store.subscribe({
        name: 'removals',
        types: ['FeedRemoved'],
        batchSize: 3,
        handle: async (events) => {
          seen.push(...events.map((e) => `${e.position}:${e.type}`));
        },
      });
      await sub.caughtUp();
      expect(seen).toEqual(['2:FeedRemoved', '4:FeedRemoved', '6:FeedRemoved', '8:FeedRemoved']);
      await store.append('feed-z', [registered('z')]);
      await sub.caughtUp();
      expect(await store.checkpoint('removals')).toBe(9);
    });

    it("commit the handler's writes and the checkpoint together; a throwing handler leaves both unchanged", async () => {
      const store = await open();
      const table = `"${store.schema}".feed_count`;
      await store.transaction(async (tx) => {
        await tx.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
        await tx.query(`INSERT INTO ${table} VALUES (1, 0)`);
      });
      const count = async () =>
        Number((await store.transaction((tx) => tx.query<{ n: number }>(`SELECT n FROM ${table}`))).rows[0]!.n);
      const handle = async (events: StoredEvent[], tx: { query: (sql: string, p?: unknown[]) => Promise<unknown> }) => {
        await tx.query(`UPDATE ${table} SET n = n + $1`, [events.length]);
        if (events.some((e) => e.type === 'FeedRemoved' && e.data.feedId === 'f-poison'))
          throw new Error('cannot project this');
      };

      await store.append('feed-a', [removed(1), removed(2)]);
      const errors: unknown[] = [];
      const sub = store.subscribe({ name: 'counter', handle, onError: (e) => errors.push(e) });
      await sub.caughtUp();
      expect(await count()).toBe(2);
      expect(await store.checkpoint('counter')).toBe(2);

      await store.append('feed-a', [removed(3), removed('poison')]);
      await expect(sub.caughtUp()).rejects.toThrow('cannot project this');
      expect(errors).toHaveLength(1);
      expect(await count()).toBe(2);
      expect(await store.checkpoint('counter')).toBe(2);

      // Restarted with a fixed handler, it resumes after the last good batch: nothing twice.
      const fixed = store.subscribe({
        name: 'counter',
        handle: async (events, tx) => {
          await tx.query(`UPDATE ${table} SET n = n + $1`, [events.length]);
        },
      });
      await fixed.caughtUp();
      expect(await count()).toBe(4);
      expect(await store.checkpoint('counter')).toBe(4);
    });

    it('let two consumers of one name share the work without handling an event twice', async () => {
      const store = await open();
      const beside = await openBeside(store);
      for (let i = 0; i < 30; i++) await store.append(`feed-${i % 4}`, [removed(i)]);
      const seen: number[] = [];
      const handle = async (events: StoredEvent[]) => {
        seen.push(...positionsOf(events));
      };
      const a = store.subscribe({ name: 'shared', batchSize: 4, handle });
      const b = beside.subscribe({ name: 'shared', batchSize: 4, handle });
      await Promise.all([a.caughtUp(), b.caughtUp()]);
      expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });
  });

  describe('transactions and closing', () => {
    it('commits a transaction that returns and rolls back one that throws', async () => {
      const store = await open();
      const table = `"${store.schema}".notes`;
      await store.transaction((tx) => tx.query(`CREATE TABLE ${table} (note text)`));
      await store.transaction((tx) => tx.query(`INSERT INTO ${table} VALUES ('kept')`));
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${table} VALUES ('undone')`);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const { rows } = await store.transaction((tx) => tx.query<{ note: string }>(`SELECT note FROM ${table}`));
      expect(rows.map((r) => r.note)).toEqual(['kept']);
    });

    it('hands bigint back the same way on every backend: a number while exact, else a BigInt', async () => {
      const store = await open();
      const { rows } = await store.transaction((tx) =>
        tx.query<{ n: unknown; big: unknown; list: unknown }>(
          `SELECT 42::bigint AS n, 9007199254740993::bigint AS big, ARRAY[1, 2]::bigint[] AS list`,
        ),
      );
      expect(rows[0]).toEqual({ n: 42, big: 9007199254740993n, list: [1, 2] });
    });

    it('stops its subscriptions on close and refuses work afterwards', async () => {
      const store = await open();
      const sub = store.subscribe({ name: 'p', handle: async () => {} });
      await sub.caughtUp();
      await store.close();
      await expect(sub.caughtUp()).rejects.toThrow(/stopped/);
      await expect(store.append('feed-a', [removed(1)])).rejects.toThrow(/closed/);
      await store.close();
    });
  });
}
