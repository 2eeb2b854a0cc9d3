/**
 * `npm run bench:projector`: rebuild speed of the projections, from the log to the projection
 * tables on PostgreSQL, for a realistic log (feeds polled and failing, article lifecycles with
 * retries and failures, copies, claims about a long tail of figures and a few running stories,
 * 3 KB of extracted text per article).
 *
 * PostgreSQL is `DATABASE_URL` when set, else a throwaway cluster started here. The log is filled
 * first, then one rebuild runs from position 0 into fresh tables and swaps them in; its events per
 * second are the figure. The events are appended in log order in batches of 500 to a few bench
 * streams: projections never look at stream ids, and one append per article stream would make
 * filling a million events take a quarter of an hour on a busy machine.
 *
 * Wall-clock figures on a shared machine swing with the neighbours' load, so the run also counts
 * CPU time per event: this process's and the PostgreSQL backends' (from /proc, when local).
 *
 * The rebuild runs with 64 MB semi-spaces for V8's young generation (`--max-semi-space-size=64`,
 * which this script passes to a copy of itself when it was not started with it): a rebuild keeps
 * its rows across batches, and with Node's default (16 MB) every scavenge copied those of the last
 * few batches again, which cost about a quarter of its CPU (300,000 events: 44 → 33 µs per event).
 * The projector service starts with the same setting. `--semi-space-mb 0` measures Node's default.
 *
 * Options: --events N (1000000) --batch N (rebuild batch, 2000) --cache-rows N (rows a rebuild
 *          keeps in memory, 100000) --text-bytes N (3000) --seed N (1) --semi-space-mb N (64)
 *          --rebuilds N (rebuilds over the one filled log, 1; the figure is their median)
 *          --figures-in-process (figures kept and made on the rebuild's thread, not in a worker)
 *          --alternate (runs alternate between the worker and the rebuild's thread, the worker first;
 *          the figure is the median of the worker's runs)
 *
 * `@tally/projection-store` is not a declared dependency of this package (it depends on this
 * package); it resolves through the workspace.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tally/config';
import { type EventStore, openEventStore } from '@tally/event-store';
import type { NewEvent } from '@tally/events';
import { startPostgres } from '@tally/local-services';
import { createProjectionReader, createProjector } from '@tally/projection-store';
import { generateLog } from '@tally/projections/testing';
import { processCpuUs } from '../shared/procStats.ts';

const TARGET_REBUILD_EPS = 50_000;
const APPEND_BATCH = 500;

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '2000' },
    'cache-rows': { type: 'string', default: '100000' },
    'text-bytes': { type: 'string', default: '3000' },
    seed: { type: 'string', default: '1' },
    'semi-space-mb': { type: 'string', default: '64' },
    rebuilds: { type: 'string', default: '1' },
    'figures-in-process': { type: 'boolean', default: false },
    alternate: { type: 'boolean', default: false },
  },
});
const semiSpaceMb = Number(args['semi-space-mb']);
const semiSpaceFlag = '--max-semi-space-size';
if (semiSpaceMb > 0 && !process.execArgv.some((a) => a.startsWith(semiSpaceFlag))) {
  const child = spawnSync(
    process.execPath,
    [`${semiSpaceFlag}=${semiSpaceMb}`, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}
const total = Number(args.events);
const batchSize = Number(args.batch);
const cacheRows = Number(args['cache-rows']);
const textBytes = Number(args['text-bytes']);
const seed = Number(args.seed);
const rebuilds = Number(args.rebuilds);
for (const [k, v] of Object.entries({
  events: total,
  batch: batchSize,
  'cache-rows': cacheRows,
  'text-bytes': textBytes,
  seed,
  'semi-space-mb': semiSpaceMb,
  rebuilds,
})) {
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} must be a whole number`);
}
if (rebuilds < 1) throw new Error('--rebuilds must be at least 1');

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Appends the generated log in order, `APPEND_BATCH` events per append, two appends in flight. */
async function fill(store: EventStore): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  let appended = 0;
  let nextReport = total / 10;
  let batch: NewEvent[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  let stream = 0;
  const flush = async () => {
    const events = batch;
    batch = [];
    await inFlight;
    inFlight = store.append(`bench-${stream++}`, events);
    appended += events.length;
    if (appended >= nextReport) {
      nextReport += total / 10;
      say(`  appended ${fmt(appended)} events`);
    }
  };
  for (const unit of generateLog({ events: total, seed, textBytes })) {
    for (const e of unit) batch.push(e.event);
    if (batch.length >= APPEND_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await inFlight;
  return { events: appended, seconds: (performance.now() - started) / 1000 };
}

// ------------------------------------------------------------------ CPU on both sides

/**
 * CPU of the database backends serving this run, sampled while `work` runs (pool connections come
 * and go): null when the server is not on this machine.
 */
async function withServerCpu<T>(
  store: EventStore,
  work: () => Promise<T>,
): Promise<{ result: T; serverUs: number | null }> {
  const pids = async () =>
    (
      await store.transaction((tx) =>
        tx.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
        ),
      )
    ).rows.map((r) => r.pid);
  // Backends present at the start count from their CPU then; backends opened later from zero; a
  // backend that exits keeps its last sample. The server is local when /proc shows the first ones.
  const base = new Map<number, number>();
  const last = new Map<number, number>();
  let local = false;
  const sample = async (initial: boolean) => {
    for (const pid of await pids()) {
      const us = processCpuUs(pid);
      if (us === null) continue;
      if (initial) local = true;
      if (!base.has(pid)) base.set(pid, initial ? us : 0);
      last.set(pid, us);
    }
  };
  await sample(true);
  const timer = setInterval(() => void sample(false).catch(() => {}), 250);
  try {
    const result = await work();
    await sample(false);
    let serverUs = 0;
    for (const [pid, us] of last) serverUs += us - (base.get(pid) ?? 0);
    return { result, serverUs: local ? serverUs : null };
  } finally {
    clearInterval(timer);
  }
}

/** One rebuild from position 0, reported; returns its events per second. */
async function rebuildOnce(store: EventStore, head: number, inProcess: boolean): Promise<number> {
  const projector = createProjector(store, {
    rebuildBatchSize: batchSize,
    rebuildCacheRows: cacheRows,
    ...(inProcess ? { figureWorkerMinEvents: null } : {}),
  });
  let nextReport = head / 10;
  const client0 = process.cpuUsage();
  const { result, serverUs } = await withServerCpu(store, () =>
    projector.rebuild((p) => {
      if (p.position >= nextReport) {
        nextReport += head / 10;
        say(`  rebuilt ${fmt(p.position)} / ${fmt(p.target)} (${fmt(p.eps)} events/s)`);
      }
    }),
  );
  const client = process.cpuUsage(client0);
  const stats = await createProjectionReader(store).stats();
  const clientPerEvent = (client.user + client.system) / result.events;
  const serverPerEvent = serverUs === null ? null : serverUs / result.events;
  const cpuBound = 1e6 / Math.max(clientPerEvent, serverPerEvent ?? 0);

  const rows: [string, string, string][] = [
    ['rebuild, events/s', fmt(result.eps), `target ≥ ${fmt(TARGET_REBUILD_EPS)}`],
    ['rebuild, seconds', (result.ms / 1000).toFixed(1), ''],
    [
      'of which the swap, seconds',
      (result.swapMs / 1000).toFixed(1),
      `${fmt(result.figures)} figures made ${result.figuresInWorker ? 'in a worker thread' : "on the rebuild's thread"}`,
    ],
    [
      'rebuild CPU per event, µs (Node + server)',
      `${clientPerEvent.toFixed(1)} + ${serverPerEvent === null ? '?' : serverPerEvent.toFixed(1)}`,
      '',
    ],
    ['rebuild, events/s, CPU-bound', fmt(cpuBound), 'a free core per side'],
    [
      'rows: articles / feeds / figures / clusters',
      `${fmt(stats.articles.total)} / ${fmt(stats.feeds)} / ${fmt(stats.figures)} / ${fmt(stats.duplicateClusters)}`,
      '',
    ],
    ['load average after', loadavg()[0]!.toFixed(1), `${availableParallelism()} cores`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log('');
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  console.log('');
  console.log(
    `rebuild target ${result.eps >= TARGET_REBUILD_EPS ? 'met' : 'NOT met'}: ${fmt(result.eps)} events/s ` +
      `(target ${fmt(TARGET_REBUILD_EPS)}; ${fmt(cpuBound)} with a free core per side)`,
  );
  return result.eps;
}

async function main(): Promise<void> {
  const configured = loadConfig().DATABASE_URL;
  const pg = configured ? null : await startPostgres();
  const databaseUrl = configured ?? pg!.url;
  const schema = `bench_projector_${randomBytes(3).toString('hex')}`;
  const store = await openEventStore({ databaseUrl, schema, poolSize: 4 });
  try {
    say(
      `PostgreSQL: ${configured ? 'DATABASE_URL' : 'throwaway cluster (fsync off)'}; ${fmt(total)} events, ` +
        `${fmt(textBytes)} bytes of text per article, rebuild batches of ${fmt(batchSize)}, ${fmt(cacheRows)} rows cached, ` +
        `${semiSpaceMb > 0 ? `${semiSpaceMb} MB` : "Node's default"} young semi-spaces; ` +
        `${availableParallelism()} cores, load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    const filled = await fill(store);
    const head = await store.head();
    say(`log filled: ${fmt(head)} events in ${filled.seconds.toFixed(1)} s`);

    const results: number[] = [];
    const inProcessResults: number[] = [];
    for (let run = 1; run <= rebuilds; run++) {
      const inProcess = args.alternate ? run % 2 === 0 : args['figures-in-process'];
      if (rebuilds > 1)
        say(`rebuild ${run} of ${rebuilds}${args.alternate ? (inProcess ? ', in process' : ', worker') : ''}`);
      const eps = await rebuildOnce(store, head, inProcess);
      (args.alternate && inProcess ? inProcessResults : results).push(eps);
    }
    const medianOf = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!;
    const median = medianOf(results);
    if (rebuilds > 1) {
      console.log(`rebuilds, events/s: ${results.map(fmt).join(', ')}; median ${fmt(median)}`);
    }
    if (inProcessResults.length > 0) {
      console.log(
        `rebuilds with figures in process, events/s: ${inProcessResults.map(fmt).join(', ')}; median ${fmt(medianOf(inProcessResults))}`,
      );
    }
    await store.transaction((tx) => tx.query(`DROP SCHEMA "${schema}" CASCADE`));
    console.log(JSON.stringify({ bench: 'projector', rebuild_eps: Math.round(median) }));
  } finally {
    await store.close();
    await pg?.stop();
  }
}

await main();
