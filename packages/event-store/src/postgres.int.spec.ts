import { randomBytes } from 'node:crypto';
import { makeEvent, type NewEvent } from '@tally/events';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { lockKeyFor } from './logSchema.ts';
import { migrations } from './migrations.ts';
import { openEventStore } from './openEventStore.ts';
import { PostgresEventStore } from './PostgresEventStore.ts';
import { eventStoreConformance } from './testing/index.ts';

const databaseUrl = inject('databaseUrl');
// One prefix per test file, one schema per test: files and tests never see each other's log.
const prefix = `es_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];
const nextSchema = () => {
  const schema = `${prefix}_${schemas.length + 1}`;
  schemas.push(schema);
  return schema;
};

afterAll(async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
});

describe('PostgreSQL log', () => {
  eventStoreConformance({
    open: () => PostgresEventStore.open({ databaseUrl, schema: nextSchema() }),
    openBeside: (store) => PostgresEventStore.open({ databaseUrl, schema: store.schema }),
  });

  it('is what openEventStore opens when given a database URL, and migrates a schema once', async () => {
    const schema = nextSchema();
    const [a, b] = await Promise.all([
      openEventStore({ databaseUrl, schema }),
      openEventStore({ databaseUrl, schema }),
    ]);
    try {
      expect(a.kind).toBe('postgres');
      const { rows } = await a.transaction((tx) =>
        tx.query<{ version: number }>(`SELECT version FROM "${schema}".tally_migrations`),
      );
      expect(rows.map((r) => r.version).sort()).toEqual(migrations.map((m) => m.version));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('upgrades a log written under the first migration (jsonb) and keeps every event of it', async () => {
    const schema = nextSchema();
    const data = {
      feedId: 'f-1',
      reason: 'quotes " \\ · 東京 · 🚀',
      numbers: [0, -7, 0.1 + 0.2, 2 ** 53 - 1],
      nested: { a: [] },
    };
    const old = [
      makeEvent('FeedRemoved', { feedId: 'f-0', reason: null }, ['old', 0]),
      { ...makeEvent('FeedRemoved', { feedId: 'f-1', reason: null }, ['old', 1]), data } as NewEvent,
    ];
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // The log as the first version of the store left it.
      const names = { schema: `"${schema}"`, appendLockKey: lockKeyFor(schema), channel: `${schema}_appended` };
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(
        `CREATE TABLE "${schema}".tally_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query(migrations[0]!.sql(names));
      await client.query(`INSERT INTO "${schema}".tally_migrations (version, name) VALUES (1, $1)`, [
        migrations[0]!.name,
      ]);
      await client.query(`SELECT * FROM "${schema}".append_events($1, NULL, $2, $3, $4, $5)`, [
        'feed-old',
        old.map((e) => e.id),
        old.map((e) => e.type),
        JSON.stringify(old.map((e) => e.data)),
        JSON.stringify(old.map((e) => e.metadata)),
      ]);
    } finally {
      await client.end();
    }

    const store = await PostgresEventStore.open({ databaseUrl, schema });
    try {
      const fresh = makeEvent('FeedRemoved', { feedId: 'f-2', reason: 'after the upgrade' }, ['new', 2]);
      expect(await store.append('feed-old', [fresh], { expectedVersion: 2 })).toEqual({
        positions: [3],
        written: 1,
        streamVersion: 3,
      });
      const all = await store.readAll();
      expect(all.map((e) => [e.position, e.streamVersion, e.id, e.data, e.metadata])).toEqual(
        [...old, fresh].map((e, i) => [i + 1, i + 1, e.id, e.data, e.metadata]),
      );
    } finally {
      await store.close();
    }
  });
});

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ordering under concurrent appenders (the sequence-gap problem)', () => {
  it('8 appenders, 20,000 events, a live subscriber and a tailing reader: each event seen once, in order', async () => {
    const APPENDERS = 8;
    const PER_APPENDER = 2500;
    const TOTAL = APPENDERS * PER_APPENDER;
    const schema = nextSchema();
    const writer = await PostgresEventStore.open({ databaseUrl, schema, poolSize: APPENDERS });
    const reader = await PostgresEventStore.open({ databaseUrl, schema, poolSize: 4 });

    try {
      // The subscriber: a checkpointed consumer, as a projector is.
      const seen: number[] = [];
      const seenIds = new Set<string>();
      let outOfOrder = 0;
      let firstBatch!: () => void;
      const subscriberStarted = new Promise<void>((r) => {
        firstBatch = r;
      });
      const sub = reader.subscribe({
        name: 'gap-test',
        batchSize: 250,
        handle: async (events) => {
          for (const e of events) {
            if (e.position !== (seen[seen.length - 1] ?? 0) + 1) outOfOrder++;
            seen.push(e.position);
            seenIds.add(e.id);
          }
          firstBatch();
        },
      });

      // The tailing reader: what `GET /events?after=N` and SSE do with plain positions.
      let tailAt = 0;
      let tailJumps = 0;
      const tail = (async () => {
        while (tailAt < TOTAL) {
          const page = await reader.readAll({ after: tailAt, limit: 500 });
          for (const e of page) {
            if (e.position !== tailAt + 1) tailJumps++;
            tailAt = e.position;
          }
          if (page.length === 0) await reader.waitForAppend(tailAt, 100);
        }
      })();

      const appended: string[] = [];
      await Promise.all(
        Array.from({ length: APPENDERS }, async (_, w) => {
          const random = prng(w + 1);
          let written = 0;
          for (let k = 0; written < PER_APPENDER; k++) {
            // Halfway, wait for the subscriber to have handled a batch: appends and reads overlap for sure.
            if (written >= PER_APPENDER / 2) await subscriberStarted;
            const n = Math.min(1 + Math.floor(random() * 24), PER_APPENDER - written);
            const events: NewEvent[] = Array.from({ length: n }, (_, j) =>
              makeEvent('FeedRemoved', { feedId: `w${w}-${written + j}`, reason: null }, [w, written + j]),
            );
            // Own streams and a few shared ones (no expected version: writers race on them).
            const stream = k % 3 === 0 ? `feed-shared-${k % 5}` : `feed-w${w}`;
            const result = await writer.append(stream, events);
            expect(result.written).toBe(n);
            for (const e of events) appended.push(e.id);
            written += n;
          }
        }),
      );

      await sub.caughtUp();
      await tail;
      await sub.stop();

      expect(appended).toHaveLength(TOTAL);
      expect(await reader.head()).toBe(TOTAL);
      expect(seen).toHaveLength(TOTAL);
      expect(outOfOrder).toBe(0);
      expect(seen[TOTAL - 1]).toBe(TOTAL);
      expect(seenIds.size).toBe(TOTAL);
      expect(appended.every((id) => seenIds.has(id))).toBe(true);
      expect(tailJumps).toBe(0);
      expect(tailAt).toBe(TOTAL);
      expect(await reader.checkpoint('gap-test')).toBe(TOTAL);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });
});
