import type { EventStore } from '@tally/event-store';
import { makeEvent, type StoredEvent, streams } from '@tally/events';
import { type FigureView, InMemoryProjections, type ProjectionName, projectionNames } from '@tally/projections';
import {
  generateLog,
  type LoggedEvent,
  seedArticleIds,
  seedFigureKeys,
  seedScenario,
} from '@tally/projections/testing';
import { expect, it } from 'vitest';
import { createProjectionReader } from './createProjectionReader.ts';
import { createProjector, ProjectionVersionError, RebuildSupersededError } from './createProjector.ts';
import { ProjectionTables } from './projectionTables.ts';

/** Appends events in order, one call per run of events of one stream. */
export async function appendAll(store: EventStore, entries: readonly LoggedEvent[]): Promise<void> {
  for (let i = 0; i < entries.length; ) {
    const streamId = entries[i]!.streamId;
    const run: LoggedEvent[] = [];
    while (i < entries.length && entries[i]!.streamId === streamId) run.push(entries[i++]!);
    await store.append(
      streamId,
      run.map((e) => e.event),
    );
  }
}

async function readLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const page of store.readAllPages({ limit: 1000 })) events.push(...page);
  return events;
}

/** The live projection tables, row by row (documents as parsed JSON). */
export async function dumpTables(store: EventStore): Promise<Record<ProjectionName, Record<string, unknown>>> {
  const tables = new ProjectionTables(store.schema);
  const out = {} as Record<ProjectionName, Record<string, unknown>>;
  await store.transaction(async (tx) => {
    for (const name of projectionNames) {
      const { rows } = await tx.query<{ key: string; doc: unknown }>(
        `SELECT key, doc FROM ${tables.table(name, 'live')} ORDER BY key`,
      );
      out[name] = Object.fromEntries(rows.map((r) => [r.key, r.doc]));
    }
  });
  return out;
}

/** What the pure folds make of the stored log, in one pass. */
async function model(store: EventStore, options = {}): Promise<Record<ProjectionName, Record<string, unknown>>> {
  const p = new InMemoryProjections(options).apply(await readLog(store));
  const out = {} as Record<ProjectionName, Record<string, unknown>>;
  for (const name of projectionNames) {
    out[name] = Object.fromEntries([...p.rows(name)].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));
  }
  return out;
}

/** Logs with copies, late verdicts and merges, and figures of any beat (periods, changes, forecasts, claims stored before 2.0). */
const randomLog = (seed: number, events: number) =>
  [
    ...generateLog({
      events,
      seed,
      feeds: 15,
      textBytes: 200,
      oddities: 0.1,
      tailFigureKeys: 40,
      storyFigureKeys: 10,
      figureDetailRate: 0.3,
    }),
  ].flat();

/**
 * The projector against a real store. `open` gives a fresh, empty store each call; stores are
 * closed by the tests.
 */
export function projectorSuite(open: () => Promise<EventStore>, options: { scale?: number } = {}): void {
  // The embedded database runs in this process: smaller logs keep its suite quick.
  const size = (events: number) => Math.round(events * (options.scale ?? 1));
  it('turns the seed reports into the expected current figure, articles, feeds and duplicates', async () => {
    const store = await open();
    try {
      await appendAll(store, seedScenario().entries);
      const projector = createProjector(store, { restartDelayMs: null });
      const sub = projector.start();
      await sub.caughtUp();
      const reader = createProjectionReader(store);

      const containers = await reader.getFigure(seedFigureKeys.containers);
      expect(containers?.current).toMatchObject({
        value: 11_000,
        qualifier: 'nearly',
        speaker: { name: 'Tracey Newell' },
      });
      expect(containers?.history.map((s) => [s.speaker?.name, s.statedAt, s.independentOutlets])).toEqual([
        ['John Kirby', '2023-10-13', 3],
        ['Julianne Smith', '2023-12-20', 1],
        ['Tracey Newell', '2024-05', 1],
      ]);
      expect(containers!.history[0]!.conflicts.map((c) => c.kind)).toEqual(['bound']);
      expect(containers).not.toHaveProperty('claims');

      const list = await reader.listFigures();
      expect(list.map((f) => f.figureKey)).toContain(seedFigureKeys.containers);
      expect(list.find((f) => f.figureKey === seedFigureKeys.containers)).not.toHaveProperty('history');

      const page = await reader.listArticles({ limit: 3 });
      expect(page.items).toHaveLength(3);
      const rest = await reader.listArticles({ limit: 10, after: page.next! });
      expect(page.items.length + rest.items.length).toBe(7);
      expect((await reader.listArticles({ status: 'duplicate' })).items.map((a) => a.articleId).sort()).toEqual(
        [seedArticleIds.copyA, seedArticleIds.copyB].sort(),
      );
      expect(await reader.getArticle(seedArticleIds.r002)).toMatchObject({ status: 'analyzed', claimCount: 2 });
      expect(await reader.getArticle('nope')).toBeNull();

      expect((await reader.listFeeds()).map((f) => f.health)).toEqual(Array(7).fill('ok'));
      const clusters = await reader.listDuplicates();
      expect(clusters).toHaveLength(1);
      expect(clusters[0]).toMatchObject({ originalId: seedArticleIds.r003, original: { siteName: 'Vistula Daily' } });
      expect(clusters[0]!.copies.map((c) => c.article?.siteName)).toEqual(['Harbor Times', 'Riverside Gazette']);

      const stats = await reader.stats();
      expect(stats).toMatchObject({ lag: 0, feeds: 7, duplicateClusters: 1, copies: 2, rebuilding: null });
      expect(stats.articles.total).toBe(7);
      expect(stats.position).toBe(await store.head());

      expect(await dumpTables(store)).toEqual(await model(store));
      await sub.stop();
    } finally {
      await store.close();
    }
  });

  it('reads empty projections before any projector ran', async () => {
    const store = await open();
    try {
      const reader = createProjectionReader(store);
      expect(await reader.listFigures()).toEqual([]);
      expect(await reader.getFigure('x')).toBeNull();
      expect(await reader.listArticles()).toEqual({ items: [], next: null });
      expect(await reader.listTokens()).toEqual([]);
      expect(await reader.stats()).toMatchObject({ position: 0, lag: 0, version: null });
    } finally {
      await store.close();
    }
  });

  it('lists API tokens in issue order, revoked ones marked, as the folds make them', async () => {
    const store = await open();
    try {
      const sha = (c: string) => c.repeat(64);
      await appendAll(store, seedScenario().entries.slice(0, 5));
      await store.append(streams.token('tok_a'), [
        makeEvent('TokenIssued', { tokenId: 'tok_a', name: 'reader', scopes: ['read'], tokenSha256: sha('a') }, ['a']),
      ]);
      const projector = createProjector(store, { restartDelayMs: null });
      const sub = projector.start();
      await sub.caughtUp();
      await store.append(streams.token('tok_b'), [
        makeEvent('TokenIssued', { tokenId: 'tok_b', name: 'ops', scopes: ['operator'], tokenSha256: sha('b') }, ['b']),
      ]);
      await store.append(streams.token('tok_a'), [
        makeEvent('TokenRevoked', { tokenId: 'tok_a', reason: 'rotated' }, ['a', 'revoked']),
      ]);
      await sub.caughtUp();
      await sub.stop();
      const tokens = await createProjectionReader(store).listTokens();
      expect(tokens.map((t) => [t.tokenId, t.scopes, t.tokenSha256, t.revoked, t.revokedReason])).toEqual([
        ['tok_a', ['read'], sha('a'), true, 'rotated'],
        ['tok_b', ['operator'], sha('b'), false, null],
      ]);
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('resumes without loss or double counting after a projector is abandoned between batches', async () => {
    const store = await open();
    try {
      const entries = randomLog(11, size(1200));
      const half = Math.floor(entries.length / 2);
      await appendAll(store, entries.slice(0, half));
      const first = createProjector(store, { batchSize: 37, restartDelayMs: null });
      const a = first.start();
      await a.caughtUp();
      await a.stop();
      await appendAll(store, entries.slice(half));
      expect(await first.lag()).toBeGreaterThan(0);

      const b = createProjector(store, { batchSize: 53, restartDelayMs: null }).start();
      await b.caughtUp();
      await b.stop();
      const resumed = await dumpTables(store);
      expect(resumed).toEqual(await model(store));

      const rebuilt = await createProjector(store).rebuild();
      expect(rebuilt.position).toBe(await store.head());
      expect(await dumpTables(store)).toEqual(resumed);
    } finally {
      await store.close();
    }
  });

  it('folds events that trickle in while it follows the log into one batch, with the same rows', async () => {
    const store = await open();
    try {
      const entries = randomLog(5, size(300));
      const head = entries.slice(0, entries.length - 6);
      await appendAll(store, head);
      const live: number[] = [];
      const projector = createProjector(store, {
        restartDelayMs: null,
        followIntervalMs: 1500,
        beforeCommit: (batch) => {
          if (batch.tables === 'live') live.push(batch.events);
        },
      });
      const sub = projector.start();
      await sub.caughtUp();
      const before = live.length;
      // Six appends of one event each, while the projector waits out its interval.
      for (const e of entries.slice(head.length)) await store.append(e.streamId, [e.event]);
      await sub.caughtUp();
      expect(live.slice(before)).toEqual([6]);
      await sub.stop();
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('rolls a batch back whole when the handler throws mid-batch, and a new projector resumes exactly', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(12, size(900)));
      const head = await store.head();
      const breakAt = Math.floor(head / 2);
      const broken = createProjector(store, {
        batchSize: 40,
        restartDelayMs: null,
        beforeCommit: (batch) => {
          if (batch.lastPosition >= breakAt) throw new Error('projector killed mid-batch');
        },
      });
      await expect(broken.start().caughtUp()).rejects.toThrow('killed mid-batch');
      const stats = await createProjectionReader(store).stats();
      // The failed batch left nothing behind: the tables stand at the batch before it.
      expect(stats.position).toBeLessThan(breakAt);
      expect(stats.position).toBeGreaterThan(0);
      expect(await broken.lag()).toBe(head - stats.position);

      const sub = createProjector(store, { batchSize: 40 }).start();
      await sub.caughtUp();
      await sub.stop();
      const resumed = await dumpTables(store);
      expect(resumed).toEqual(await model(store));
      await createProjector(store).rebuild();
      expect(await dumpTables(store)).toEqual(resumed);
    } finally {
      await store.close();
    }
  });

  it('restarts by itself after a failed batch and catches up', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(13, size(500)));
      let failures = 0;
      const sub = createProjector(store, {
        batchSize: 50,
        restartDelayMs: 5,
        beforeCommit: (batch) => {
          if (batch.lastPosition > 200 && failures < 2) {
            failures += 1;
            throw new Error('transient failure');
          }
        },
      }).start();
      await sub.caughtUp();
      await sub.stop();
      expect(failures).toBe(2);
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('keeps serving the complete old tables while a rebuild fills new ones, then swaps them in', async () => {
    const store = await open();
    try {
      await appendAll(store, seedScenario().entries);
      const live = createProjector(store).start();
      await live.caughtUp();
      await live.stop();
      const before = await dumpTables(store);
      const reader = createProjectionReader(store);
      const seen: { rebuilding: boolean; figure: FigureView['current'] | undefined }[] = [];
      const result = await createProjector(store, {
        rebuildBatchSize: 7,
        rebuildCommitEvents: 1,
        beforeCommit: async (batch) => {
          // Reads from inside the batch's transaction, through other connections: not in the
          // transaction that swaps, which holds the tables until it commits.
          if (batch.tables !== 'build' || batch.swap) return;
          const stats = await reader.stats();
          const figure = await reader.getFigure(seedFigureKeys.containers);
          seen.push({ rebuilding: stats.rebuilding !== null, figure: figure?.current });
        },
      }).rebuild();
      expect(seen.length).toBeGreaterThan(3);
      // Every read during the rebuild saw the complete old figure.
      for (const s of seen) expect(s.figure).toMatchObject({ value: 11_000, qualifier: 'nearly' });
      expect(result.events).toBe(await store.head());
      expect(await dumpTables(store)).toEqual(before);
      expect((await reader.stats()).generation).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('rebuilds on start when the projection version changed', async () => {
    const store = await open();
    try {
      await appendAll(store, seedScenario().entries);
      const v1 = createProjector(store).start();
      await v1.caughtUp();
      await v1.stop();
      const reader = createProjectionReader(store);
      const old = await reader.stats();

      const changed = createProjector(store, { statementWindowDays: 0 });
      expect(changed.version).not.toBe(old.version);
      const v2 = changed.start();
      await v2.caughtUp();
      await v2.stop();
      const now = await reader.stats();
      expect(now).toMatchObject({ version: changed.version, generation: old.generation! + 1, lag: 0 });
      expect(await dumpTables(store)).toEqual(await model(store, { statementWindowDays: 0 }));
    } finally {
      await store.close();
    }
  });

  it('hands over from the live subscription to a rebuild while events keep coming, losing none', async () => {
    const store = await open();
    try {
      const entries = randomLog(14, size(1500));
      const third = Math.floor(entries.length / 3);
      await appendAll(store, entries.slice(0, third));
      const projector = createProjector(store, { batchSize: 25, rebuildBatchSize: 60 });
      const live = projector.start();
      await live.caughtUp();
      const appending = appendAll(store, entries.slice(third, 2 * third));
      const rebuilt = await projector.rebuild();
      await appending;
      await appendAll(store, entries.slice(2 * third));
      await live.caughtUp();
      await live.stop();
      expect(rebuilt.events).toBeGreaterThan(0);
      expect(await dumpTables(store)).toEqual(await model(store));
      expect((await createProjectionReader(store).stats()).lag).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('pages through the figures in key order, every figure once, with a cursor that ends on the last page', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(18, size(800)));
      const sub = createProjector(store).start();
      await sub.caughtUp();
      await sub.stop();
      const reader = createProjectionReader(store);
      const all = await reader.listFigures();
      expect(all.length).toBeGreaterThan(7);
      const paged: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await reader.listFigurePage({ limit: 7, after });
        paged.push(...page.items.map((f) => f.figureKey));
        pages++;
        if (page.next === null) break;
        expect(page.items).toHaveLength(7);
        after = page.next;
      }
      expect(paged).toEqual(all.map((f) => f.figureKey));
      expect(pages).toBe(Math.floor(all.length / 7) + 1);
      // The array form takes the same options.
      const third = all[2]!.figureKey;
      expect((await reader.listFigures({ after: third, limit: 2 })).map((f) => f.figureKey)).toEqual(
        all.slice(3, 5).map((f) => f.figureKey),
      );
    } finally {
      await store.close();
    }
  });

  it('rebuilds the same rows when they do not fit in memory and are stored and read back mid-rebuild', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(17, size(1200)));
      // A cache of 40 rows against hundreds: rows leave it every batch and are read back from the
      // build tables when touched again.
      await createProjector(store, { rebuildBatchSize: 50, rebuildCacheRows: 40 }).rebuild();
      expect(await dumpTables(store)).toEqual(await model(store));
      // The listing indexes, built after the load, came along with the swap.
      const indexes = await store.transaction((tx) =>
        tx.query<{ indexname: string }>(
          `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'projection_articles' ORDER BY 1`,
          [store.schema],
        ),
      );
      expect(indexes.rows.map((r) => r.indexname)).toEqual([
        'projection_articles_g2_i0',
        'projection_articles_g2_i1',
        'projection_articles_g2_pkey',
      ]);
    } finally {
      await store.close();
    }
  });

  it('keeps the figures in a worker thread and makes the same rows there, articles stored and read back meanwhile', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(23, size(1200)));
      const result = await createProjector(store, {
        rebuildBatchSize: 50,
        rebuildCacheRows: 40,
        figureWorkerMinEvents: 1,
      }).rebuild();
      expect(result).toMatchObject({ figuresInWorker: true, figures: expect.any(Number) });
      expect(result.figures).toBeGreaterThan(10);
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('folds at the swap the events the live tables hold past its target, their claims into the worker too', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(29, size(1000)));
      const head = await store.head();
      const late = 80;
      const lateEvents = await store.readAll({ after: head - late, limit: late });
      expect(lateEvents.filter((e) => e.type === 'ClaimExtracted').length).toBeGreaterThan(0);
      const live = createProjector(store).start();
      await live.caughtUp();
      await live.stop();
      // The rebuild takes the head less `late` for its target, as if those events came after it
      // started; the live tables hold them, so the swap folds them, the worker's figures included.
      let lowerBy = late;
      const view = new Proxy(store, {
        get(target, property) {
          if (property === 'head') {
            return async () => {
              const h = await target.head();
              const by = lowerBy;
              lowerBy = 0;
              return h - by;
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      let foldedAtSwap: number | null = null;
      const rebuilt = await createProjector(view, {
        rebuildBatchSize: 50,
        figureWorkerMinEvents: 1,
        beforeCommit: async (batch) => {
          if (batch.tables === 'build' && batch.swap) foldedAtSwap = batch.events;
        },
      }).rebuild();
      expect(foldedAtSwap).toBe(late);
      expect(rebuilt).toMatchObject({ figuresInWorker: true, position: head });
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('stores idle rows while the rebuild goes on, and the swapped-in tables equal the folds', async () => {
    const store = await open();
    try {
      await appendAll(store, randomLog(19, size(1200)));
      const tables = new ProjectionTables(store.schema);
      let storedMidway = 0;
      await createProjector(store, {
        rebuildBatchSize: 20,
        rebuildCommitEvents: 20,
        beforeCommit: async (batch, tx) => {
          if (batch.tables !== 'build' || batch.swap) return;
          const { rows } = await tx.query<{ n: number | string }>(
            `SELECT count(*) AS n FROM ${tables.table('articles', 'build')}`,
          );
          storedMidway = Math.max(storedMidway, Number(rows[0]!.n));
        },
      }).rebuild();
      // Articles untouched for ten batches were stored before the swap, not in it.
      expect(storedMidway).toBeGreaterThan(0);
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('rebuilds instead of resuming when the projection tables were dropped but the checkpoint was not', async () => {
    const store = await open();
    try {
      const entries = randomLog(15, size(600));
      await appendAll(store, entries.slice(0, entries.length >> 1));
      const first = createProjector(store).start();
      await first.caughtUp();
      await first.stop();
      await store.transaction(async (tx) => {
        for (const t of ['projection_state', ...projectionNames.map((n) => `projection_${n}`)]) {
          await tx.query(`DROP TABLE "${store.schema}".${t}`);
        }
      });
      await appendAll(store, entries.slice(entries.length >> 1));
      const again = createProjector(store).start();
      await again.caughtUp();
      await again.stop();
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('gives up a rebuild that another rebuild superseded, and the newer one swaps in', async () => {
    const store = await open();
    try {
      await appendAll(store, seedScenario().entries);
      const tables = new ProjectionTables(store.schema);
      let claimed = false;
      const older = createProjector(store, {
        rebuildBatchSize: 5,
        rebuildCommitEvents: 1,
        beforeCommit: async (batch, tx) => {
          // Half-way, another rebuild claims the next generation (as its first transaction does).
          if (batch.tables === 'build' && batch.lastPosition >= 20 && !claimed) {
            claimed = true;
            await tx.query(`UPDATE ${tables.state} SET build_generation = build_generation + 1`);
          }
        },
      }).rebuild();
      await expect(older).rejects.toBeInstanceOf(RebuildSupersededError);
      const before = await createProjectionReader(store).stats();
      expect(before.position).toBe(0);
      await createProjector(store).rebuild();
      const stats = await createProjectionReader(store).stats();
      expect(stats).toMatchObject({ rebuilding: null, position: await store.head() });
      expect(await dumpTables(store)).toEqual(await model(store));
    } finally {
      await store.close();
    }
  });

  it('stops a running projector of another version from folding into tables a newer version swapped in', async () => {
    const store = await open();
    try {
      await appendAll(store, seedScenario().entries);
      const running = createProjector(store, { restartDelayMs: null }).start();
      await running.caughtUp();
      const newer = createProjector(store, { statementWindowDays: 0 });
      await newer.rebuild();
      await appendAll(store, randomLog(16, size(60)));
      await expect(running.caughtUp()).rejects.toThrow(ProjectionVersionError);
      await running.stop().catch(() => {});
      const sub = newer.start();
      await sub.caughtUp();
      await sub.stop();
      expect(await dumpTables(store)).toEqual(await model(store, { statementWindowDays: 0 }));
    } finally {
      await store.close();
    }
  });
}
