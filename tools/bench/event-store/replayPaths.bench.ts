/**
 * `npx tsx tools/bench/event-store/replayPaths.bench.ts`: the ways of reading the whole log from
 * PostgreSQL that were measured for replay, side by side in one run (alternating order, median of
 * the passes), with the CPU each costs Node and the server per event. The last rows are the store
 * as it ships (`readAllPages`); the others are written out here against a jsonb copy of the same
 * log, as the store read it before.
 *
 * Options: --events N (100000) --page N (2000) --passes N (5) --only name,name
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tally/config';
import { PostgresEventStore } from '@tally/event-store';
import { type StoredEvent, upcast } from '@tally/events';
import { startPostgres } from '@tally/local-services';
import pg from 'pg';
import { processCpuUs } from '../shared/procStats.ts';
import { makeBatches } from './benchEvents.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    page: { type: 'string', default: '2000' },
    passes: { type: 'string', default: '5' },
    only: { type: 'string' },
  },
});
const total = Number(args.events);
const pageSize = Number(args.page);

type Read = (after: number, limit: number) => Promise<StoredEvent[]>;
interface Path {
  name: string;
  /** Pages asked for ahead of the one handed over. */
  ahead: number;
  /** How a page is read, or the store whose `readAllPages` reads it. */
  read: Read | PostgresEventStore;
}

const configured = loadConfig().DATABASE_URL;
const server = configured ? null : await startPostgres();
const databaseUrl = configured ?? server!.url;
const schema = `replay_paths_${process.pid}`;
const stores = [1, 2, 3].map((readAhead) => PostgresEventStore.open({ databaseUrl, schema, readAhead }));
const [store1, store2, store3] = await Promise.all(stores);

const INT8 = 20;
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: 6,
  types: {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid as never, format)) as never,
  },
});

async function rows<R>(text: string, values: unknown[]): Promise<R[]> {
  return (await pool.query({ text, values, rowMode: 'array' })).rows as R[];
}

try {
  console.log(`filling ${total.toLocaleString('en-US')} events…`);
  const batches = makeBatches(total, 0, 500);
  for (let i = 0; i < batches.length; i++) await store1!.append(`bench-${i}`, batches[i]!);
  // The log as the store kept it before: data and metadata as jsonb.
  const jsonb = `"${schema}".events_jsonb`;
  await pool.query(
    `CREATE TABLE ${jsonb} AS SELECT position, stream_id, stream_version, id, type, data::jsonb AS data,
            metadata::jsonb AS metadata, recorded_at FROM "${schema}".events`,
  );
  await pool.query(`ALTER TABLE ${jsonb} ADD PRIMARY KEY (position)`);
  // Both tables freshly vacuumed, so neither read sets hint bits the other does not.
  for (const table of [jsonb, `"${schema}".events`]) await pool.query(`VACUUM ANALYZE ${table}`);

  const range = `FROM ${jsonb} WHERE position > $1 ORDER BY position LIMIT $2`;
  const rangeJson = `FROM "${schema}".events WHERE position > $1 ORDER BY position LIMIT $2`;
  const isoFresh = (epoch: number) => new Date(Math.round(epoch * 1000)).toISOString();
  let lastEpoch = Number.NaN;
  let lastIso = '';
  const isoCached = (epoch: number) => {
    if (epoch !== lastEpoch) {
      lastEpoch = epoch;
      lastIso = isoFresh(epoch);
    }
    return lastIso;
  };
  type Row = [number, string, number, string, string, unknown, unknown, number];
  const fromRow = (iso: (epoch: number) => string) => (r: Row) =>
    upcast({
      id: r[3],
      type: r[4],
      data: r[5],
      metadata: r[6],
      streamId: r[1],
      streamVersion: r[2],
      position: r[0],
      recordedAt: iso(r[7]),
    } as StoredEvent);
  const EPOCH = `extract(epoch FROM recorded_at)::float8`;
  const COLUMNS = `position, stream_id, stream_version, id, type, data, metadata, ${EPOCH}`;
  const ROW_ARRAY = `json_build_array(position, stream_id, stream_version, id, type, data, metadata, ${EPOCH})::text`;
  const ROW_EVENT = `'{"id":"' || id || '","type":' || to_json(type)::text || ',"data":' || data::text
    || ',"metadata":' || metadata::text || ',"streamId":' || to_json(stream_id)::text
    || ',"streamVersion":' || stream_version || ',"position":' || position
    || ',"recordedAt":' || date_part('epoch', recorded_at) || '}'`;
  /** An event parsed from its JSON text, `recordedAt` still epoch seconds: made an ISO string. */
  const withIso = (e: Omit<StoredEvent, 'recordedAt'> & { recordedAt: number | string }) => {
    e.recordedAt = isoCached(e.recordedAt as number);
    return upcast(e as StoredEvent);
  };
  const eventFromText = (text: string) => withIso(JSON.parse(text));

  const paths: Path[] = [
    {
      name: 'jsonb, 8 columns (driver parses jsonb, timestamp per row)',
      ahead: 1,
      read: async (after, limit) =>
        (await rows<Row>(`SELECT ${COLUMNS} ${range}`, [after, limit])).map(fromRow(isoFresh)),
    },
    {
      name: 'jsonb, 8 columns, ISO string kept per append',
      ahead: 1,
      read: async (after, limit) =>
        (await rows<Row>(`SELECT ${COLUMNS} ${range}`, [after, limit])).map(fromRow(isoCached)),
    },
    {
      name: 'jsonb, a JSON array per row (json_build_array)',
      ahead: 1,
      read: async (after, limit) =>
        (await rows<[string]>(`SELECT ${ROW_ARRAY} ${range}`, [after, limit])).map((r) =>
          fromRow(isoCached)(JSON.parse(r[0]) as Row),
        ),
    },
    {
      name: 'jsonb, one JSON text per page (string_agg)',
      ahead: 1,
      read: async (after, limit) => {
        const [page] = await rows<[string]>(
          `SELECT '[' || coalesce(string_agg(${ROW_EVENT}, ','), '') || ']'
             FROM (SELECT * FROM ${jsonb} WHERE position > $1 ORDER BY position LIMIT $2) e`,
          [after, limit],
        );
        return (JSON.parse(page![0]) as Parameters<typeof withIso>[0][]).map(withIso);
      },
    },
    {
      name: 'jsonb, a JSON text per row in the event shape',
      ahead: 1,
      read: async (after, limit) =>
        (await rows<[string]>(`SELECT ${ROW_EVENT} ${range}`, [after, limit])).map((r) => eventFromText(r[0])),
    },
    {
      name: 'jsonb, the same, 2 pages ahead',
      ahead: 2,
      read: async (after, limit) =>
        (await rows<[string]>(`SELECT ${ROW_EVENT} ${range}`, [after, limit])).map((r) => eventFromText(r[0])),
    },
    {
      name: 'json, 8 columns, ISO string kept per append',
      ahead: 1,
      read: async (after, limit) =>
        (await rows<Row>(`SELECT ${COLUMNS} ${rangeJson}`, [after, limit])).map(fromRow(isoCached)),
    },
    {
      name: 'json, the same, 2 pages ahead',
      ahead: 2,
      read: async (after, limit) =>
        (await rows<Row>(`SELECT ${COLUMNS} ${rangeJson}`, [after, limit])).map(fromRow(isoCached)),
    },
    { name: 'json (the store), 1 page ahead', ahead: 1, read: store1! },
    { name: 'json (the store), 2 pages ahead: default', ahead: 2, read: store2! },
    { name: 'json (the store), 3 pages ahead', ahead: 3, read: store3! },
  ];

  /** Pages as readAllPages asks for them: `ahead` pages in flight, guesses checked. */
  async function* pagesOf(path: Path): AsyncIterable<StoredEvent[]> {
    const read = path.read;
    if (read instanceof PostgresEventStore) {
      yield* read.readAllPages({ limit: pageSize });
      return;
    }
    const asked: { after: number; page: Promise<StoredEvent[]> }[] = [];
    const ask = (after: number) => asked.push({ after, page: read(after, pageSize) });
    ask(0);
    while (asked.length < path.ahead) ask(asked[asked.length - 1]!.after + pageSize);
    for (;;) {
      const page = await asked.shift()!.page;
      const full = page.length === pageSize;
      if (full) {
        const last = page[page.length - 1]!.position;
        if (asked.length > 0 && asked[0]!.after !== last) throw new Error('positions with holes');
        if (asked.length === 0) ask(last);
        while (asked.length < path.ahead) ask(asked[asked.length - 1]!.after + pageSize);
      }
      yield page;
      if (!full) return;
    }
  }

  async function backendCpu(): Promise<Map<number, number>> {
    const { rows: r } = await pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
    );
    return new Map(r.map(({ pid }) => [pid, processCpuUs(pid) ?? 0]));
  }

  // The same events, the same way, on every path.
  const reference = JSON.stringify(await store1!.readAll({ limit: 3000 }));
  for (const path of paths) {
    const first: StoredEvent[] = [];
    for await (const page of pagesOf(path)) {
      first.push(...page);
      if (first.length >= 3000) break;
    }
    const got = JSON.parse(JSON.stringify(first.slice(0, 3000))) as StoredEvent[];
    const want = JSON.parse(reference) as StoredEvent[];
    for (let i = 0; i < want.length; i++) {
      // jsonb does not keep key order: compare values, not text.
      const a = want[i]!;
      const b = got[i]!;
      const same =
        a.id === b.id &&
        a.position === b.position &&
        a.recordedAt === b.recordedAt &&
        a.streamId === b.streamId &&
        JSON.stringify(Object.entries(a.data).sort()) === JSON.stringify(Object.entries(b.data).sort());
      if (!same) throw new Error(`${path.name}: event ${i} differs`);
    }
  }

  const selected = args.only ? paths.filter((_, i) => args.only!.split(',').includes(String(i + 1))) : paths;
  const results = new Map<Path, { eps: number; clientUs: number; serverUs: number }[]>();
  for (let pass = 0; pass < Number(args.passes); pass++) {
    for (const path of pass % 2 === 0 ? selected : [...selected].reverse()) {
      const before = await backendCpu();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let read = 0;
      let last = 0;
      for await (const page of pagesOf(path)) {
        for (const e of page) {
          if (e.position <= last) throw new Error(`${path.name}: out of order`);
          last = e.position;
        }
        read += page.length;
      }
      const seconds = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(c0);
      let serverUs = 0;
      for (const [pid, now] of await backendCpu()) serverUs += now - (before.get(pid) ?? 0);
      if (read !== total) throw new Error(`${path.name}: read ${read} of ${total}`);
      const list = results.get(path) ?? [];
      list.push({ eps: read / seconds, clientUs: (c.user + c.system) / read, serverUs: serverUs / read });
      results.set(path, list);
    }
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `\n${fmt(total)} events, pages of ${fmt(pageSize)}, median of ${args.passes} passes; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores\n`,
  );
  const table: string[][] = [['#', 'read path', 'events/s', 'Node µs/event', 'server µs/event', 'CPU-bound events/s']];
  for (const [i, path] of paths.entries()) {
    const r = results.get(path);
    if (!r) continue;
    const client = median(r.map((x) => x.clientUs));
    const srv = median(r.map((x) => x.serverUs));
    table.push([
      String(i + 1),
      path.name,
      fmt(median(r.map((x) => x.eps))),
      client.toFixed(1),
      srv.toFixed(1),
      fmt(1e6 / Math.max(client, srv)),
    ]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table)
    console.log(row.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
} finally {
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
  await pool.end();
  await Promise.all([store1, store2, store3].map((s) => s?.close()));
  await server?.stop();
}
