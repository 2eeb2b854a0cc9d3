/**
 * `npm run bench:store`: batched append and full replay on PostgreSQL and on the embedded log,
 * side by side with the targets, and the embedded log's peak RSS with 200,000 events stored.
 *
 * PostgreSQL is `DATABASE_URL` when set, else a throwaway cluster started here. The embedded
 * figures come from a child process, so its peak RSS is the embedded log's alone.
 *
 * Options: --pg-events N (100000) --embedded-events N (200000) --batch N (500) --writers N (1)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tally/config';
import { EmbeddedEventStore, type EventStore, PostgresEventStore } from '@tally/event-store';
import { startPostgres } from '@tally/local-services';
import { processCpuUs } from '../shared/procStats.ts';
import { makeBatches } from './benchEvents.ts';

const TARGET_PG_APPEND = 25_000;
const TARGET_PG_REPLAY = 100_000;
/**
 * Replay page size. Measured: pages of 1,000–2,000 cost about a quarter less client CPU per event
 * than pages of 5,000, whose rows outlive the young generation and make the collector work.
 */
const REPLAY_PAGE = 2000;

const { values: args } = parseArgs({
  options: {
    'pg-events': { type: 'string', default: '100000' },
    'embedded-events': { type: 'string', default: '200000' },
    batch: { type: 'string', default: '500' },
    writers: { type: 'string', default: '1' },
    child: { type: 'string' },
    dir: { type: 'string' },
  },
});
const batchSize = Number(args.batch);
const writers = Number(args.writers);

// ------------------------------------------------------------------ measurements

/**
 * Wall-clock figures on a shared 2-core machine swing with the neighbours' load, so every run also
 * counts CPU time per event: this process's, and the PostgreSQL backends' (read from /proc when the
 * server is local). With a core for each side, throughput is bounded by the busier side.
 */
interface Cpu {
  clientUs: number;
  serverUs: number | null;
}

async function backendPids(store: EventStore): Promise<number[]> {
  if (store.kind !== 'postgres') return [];
  const { rows } = await store.transaction((tx) =>
    tx.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
    ),
  );
  return rows.map((r) => r.pid);
}

/** Runs `work` and returns the CPU it took on both sides. */
async function withCpu<T>(store: EventStore, work: () => Promise<T>): Promise<{ result: T; cpu: Cpu }> {
  const before = new Map<number, number | null>();
  for (const pid of await backendPids(store)) before.set(pid, processCpuUs(pid));
  const client0 = process.cpuUsage();
  const result = await work();
  const client = process.cpuUsage(client0);
  let serverUs: number | null = store.kind === 'postgres' ? 0 : null;
  for (const pid of await backendPids(store)) {
    const now = processCpuUs(pid);
    const then = before.has(pid) ? before.get(pid) : 0;
    if (now === null || then === null || then === undefined || serverUs === null) serverUs = null;
    else serverUs += now - then;
  }
  return { result, cpu: { clientUs: client.user + client.system, serverUs } };
}

interface Figures {
  eps: number;
  events: number;
  /** CPU time per event, µs. */
  clientUs: number;
  serverUs: number | null;
}

function figures(events: number, seconds: number, cpu: Cpu): Figures {
  return {
    eps: events / seconds,
    events,
    clientUs: cpu.clientUs / events,
    serverUs: cpu.serverUs === null ? null : cpu.serverUs / events,
  };
}

interface AppendFigures extends Figures {
  meanDataBytes: number;
}

async function appendAll(store: EventStore, total: number, firstIndex = 0): Promise<AppendFigures> {
  const batches = makeBatches(total, firstIndex, batchSize);
  let dataBytes = 0;
  for (const b of batches) for (const e of b) dataBytes += Buffer.byteLength(JSON.stringify(e.data));
  let next = 0;
  const t0 = performance.now();
  const { cpu } = await withCpu(store, () =>
    Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = next++; i < batches.length; i = next++) {
          await store.append(`bench-${firstIndex}-${i}`, batches[i]!);
        }
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { ...figures(total, seconds, cpu), meanDataBytes: dataBytes / total };
}

/** Reads the whole log in order, page by page, as `tally replay` does. */
async function replayAll(store: EventStore, expected: number): Promise<Figures> {
  let read = 0;
  let last = 0;
  const t0 = performance.now();
  const { cpu } = await withCpu(store, async () => {
    for await (const page of store.readAllPages({ limit: REPLAY_PAGE })) {
      for (const e of page) {
        if (e.position <= last) throw new Error('replay out of order');
        last = e.position;
      }
      read += page.length;
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  if (read !== expected) throw new Error(`replayed ${read} of ${expected} events`);
  return figures(read, seconds, cpu);
}

/** Events/s when each side has a core to itself: the busier side bounds it. */
const cpuBound = (f: Figures) => 1e6 / Math.max(f.clientUs, f.serverUs ?? 0);
const cpuCell = (f: Figures) =>
  f.serverUs === null ? `${f.clientUs.toFixed(1)}` : `${f.clientUs.toFixed(1)} + ${f.serverUs.toFixed(1)}`;

interface FillReport extends AppendFigures {
  peakRssMb: number;
}
interface ReplayReport extends Figures {
  peakRssMb: number;
  rssAtOpenMb: number;
}

/**
 * Children, each with the embedded log alone in its process, on disk as Tally keeps it:
 * `fill` creates the log and appends; `replay` opens the filled log (as a restarted Tally does),
 * replays it whole and appends a batch more. Its peak RSS is the figure for a log of that size.
 */
async function child(phase: string, dataDir: string): Promise<void> {
  const total = Number(args['embedded-events']);
  const store = await EmbeddedEventStore.open({ dataDir });
  let report: FillReport | ReplayReport;
  if (phase === 'fill') {
    const figures = await appendAll(store, total);
    await store.close();
    report = { ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } else {
    const rssAtOpenMb = process.memoryUsage().rss / 1e6;
    const replayed = await replayAll(store, total);
    await appendAll(store, batchSize, total);
    await store.close();
    report = { ...replayed, rssAtOpenMb, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function runChild<T>(phase: 'fill' | 'replay', dataDir: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const forwarded = ['--embedded-events', String(args['embedded-events']), '--batch', String(batchSize)];
    forwarded.push('--writers', String(writers), '--dir', dataDir);
    const proc = spawn(process.execPath, [...process.execArgv, script, '--child', phase, ...forwarded], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`embedded ${phase} exited with ${code}: ${out}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const [load] = loadavg();
  if (load !== undefined && load > availableParallelism()) {
    console.log(
      `note: load average ${load.toFixed(1)} on ${availableParallelism()} cores: other work slows these figures`,
    );
  }
  const configured = loadConfig().DATABASE_URL;
  const server = configured ? null : await startPostgres();
  const databaseUrl = configured ?? server!.url;
  const schema = `bench_${process.pid}`;
  let pgAppend: AppendFigures;
  let pgReplay: Figures;
  try {
    console.log(
      `PostgreSQL: ${configured ? 'DATABASE_URL' : 'throwaway cluster (fsync off)'}; ` +
        `${fmt(Number(args['pg-events']))} events in batches of ${batchSize}, ${writers} writer(s)`,
    );
    const store = await PostgresEventStore.open({ databaseUrl, schema });
    try {
      pgAppend = await appendAll(store, Number(args['pg-events']));
      // Median of three passes: one replay is short enough for a neighbour's burst to skew it.
      const passes: Figures[] = [];
      for (let i = 0; i < 3; i++) passes.push(await replayAll(store, pgAppend.events));
      pgReplay = passes.sort((a, b) => a.eps - b.eps)[1]!;
      await store.transaction((tx) => tx.query(`DROP SCHEMA "${schema}" CASCADE`));
    } finally {
      await store.close();
    }
  } finally {
    await server?.stop();
  }

  console.log(`embedded (PGlite, on disk, child processes): ${fmt(Number(args['embedded-events']))} events`);
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
  let fill: FillReport;
  let replay: ReplayReport;
  try {
    fill = await runChild<FillReport>('fill', dataDir);
    replay = await runChild<ReplayReport>('replay', dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const rows: [string, string, string, string][] = [
    ['', 'PostgreSQL', 'embedded (PGlite)', 'target'],
    ['append, events/s', fmt(pgAppend.eps), fmt(fill.eps), `PostgreSQL ≥ ${fmt(TARGET_PG_APPEND)}`],
    ['replay, events/s', fmt(pgReplay.eps), fmt(replay.eps), `PostgreSQL ≥ ${fmt(TARGET_PG_REPLAY)}`],
    ['append CPU/event, µs (Node + server)', cpuCell(pgAppend), cpuCell(fill), ''],
    ['replay CPU/event, µs (Node + server)', cpuCell(pgReplay), cpuCell(replay), ''],
    ['append, events/s, CPU-bound', fmt(cpuBound(pgAppend)), fmt(cpuBound(fill)), 'a free core per side'],
    ['replay, events/s, CPU-bound', fmt(cpuBound(pgReplay)), fmt(cpuBound(replay)), 'a free core per side'],
    ['peak RSS, MB, log reopened', '', fmt(replay.peakRssMb), `${fmt(fill.events)} events stored`],
    ['RSS just after reopening, MB', '', fmt(replay.rssAtOpenMb), ''],
    ['peak RSS, MB, creating the log', '', fmt(fill.peakRssMb), 'includes the one-time initdb'],
    ['mean event data, bytes', fmt(pgAppend.meanDataBytes), fmt(fill.meanDataBytes), '300–800'],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const r of rows)
    console.log(
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
  const pass = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log('');
  console.log(
    `PostgreSQL append target ${pass(pgAppend.eps >= TARGET_PG_APPEND)}, ` +
      `replay target ${pass(pgReplay.eps >= TARGET_PG_REPLAY)} (wall clock)`,
  );
  console.log(
    JSON.stringify({
      bench: 'store',
      pg_append_eps: Math.round(pgAppend.eps),
      pg_replay_eps: Math.round(pgReplay.eps),
      embedded_append_eps: Math.round(fill.eps),
      embedded_replay_eps: Math.round(replay.eps),
      embedded_peak_rss_mb: Math.round(replay.peakRssMb),
    }),
  );
}

if (args.child) await child(args.child, args.dir ?? '');
else await main();
