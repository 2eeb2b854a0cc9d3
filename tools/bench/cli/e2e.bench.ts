/**
 * `npm run bench`: Tally end to end on a generated newsroom served on loopback, beside extraction
 * alone on the very same pages.
 *
 * The corpus (default 200 feeds × 25 items = 5,000 pages of 50–500 KB, 20 % syndicated copies) is
 * rendered up front and served by the newsroom in this process as stored bytes (no compression
 * unless `--gzip`): a server rendering or compressing pages on request would compete with the
 * pipeline for the same cores (rendering cost about 4 ms of CPU a page). `tally ingest --once` runs as its own process on a
 * throwaway PostgreSQL and a private Redis (or the embedded log with `--embedded`), exactly as a user
 * runs it; this process watches it from outside:
 *
 * - articles/s and events/s: articles extracted and events appended, over the time from the first
 *   `ArticleDiscovered` to the projector having applied the whole log;
 * - latency: per article, from its `ArticleDiscovered` (recordedAt) to the moment the projection's
 *   checkpoint passed its `ArticleAnalyzed`, which is when its claims are in the figures. The
 *   checkpoint is read every 100 ms, so each latency is late by at most that. With `--embedded` the
 *   log cannot be read while the ingest runs, and latency ends at `ArticleAnalyzed` (recordedAt);
 * - memory: RSS of the ingest process every half second, read at 10 %, 50 % and 90 % of the run,
 *   and its peak (VmHWM, start-up and the final summary included); `--trace-memory` adds the main
 *   thread's heap, to tell heap growth from growth in worker threads and native memory;
 * - CPU seconds of the ingest process (main thread, other threads: the extraction pool), of
 *   PostgreSQL, Redis and the newsroom;
 * - extraction only: the extraction pool alone (same number of threads) over the same page bytes.
 *
 * Flags: --feeds N, --articles-per-feed N, --min-bytes N, --max-bytes N, --duplicate-rate R,
 * --seed S, --embedded, --gzip, --profile DIR (CPU profiles of every thread of the ingest process,
 * summarised at the end), --trace-memory. The last line of output is one JSON object; see
 * tools/bench/cli/README.md for what the figures mean and what they were.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type EventStore, openEventStore } from '@tally/event-store';
import { createExtractPool } from '@tally/extract-pool';
import { type LocalServer, startPostgres, startRedis } from '@tally/local-services';
import { generateCorpus, startNewsroom } from '@tally/newsroom';
import type { IngestSummary } from '@tally/pipeline';
import { ProjectionTables } from '@tally/projection-store';
import { CpuMeter, memoryOf, processTree, ThreadCpuMeter } from '../shared/procStats.ts';
import { summarizeProfiles } from './cpuProfile.ts';

const { values: args } = parseArgs({
  options: {
    feeds: { type: 'string', default: '200' },
    'articles-per-feed': { type: 'string', default: '25' },
    'min-bytes': { type: 'string', default: '50000' },
    'max-bytes': { type: 'string', default: '500000' },
    'duplicate-rate': { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '1' },
    embedded: { type: 'boolean', default: false },
    gzip: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'trace-memory': { type: 'boolean', default: false },
  },
});

const num = (name: keyof typeof args): number => {
  const v = Number(args[name]);
  if (!Number.isFinite(v)) throw new Error(`--${name} must be a number`);
  return v;
};
const say = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const tallyBin = fileURLToPath(new URL('../../../services/cli/bin/tally.mjs', import.meta.url));
const threads = availableParallelism();

// ---------------------------------------------------------------- corpus and servers

const corpus = generateCorpus({
  feeds: num('feeds'),
  articlesPerFeed: num('articles-per-feed'),
  duplicateRate: num('duplicate-rate'),
  minBytes: num('min-bytes'),
  maxBytes: num('max-bytes'),
  seed: args.seed!,
});
const pages = corpus.articles.filter((a) => a.kind === 'article');
const corpusBytes = pages.reduce((n, a) => n + a.targetBytes, 0);
say(
  `corpus: ${corpus.feeds.length} feeds, ${pages.length} pages (${pages.filter((a) => a.copyOf).length} copies), ${round(corpusBytes / 1e6)} MB of HTML`,
);
const renderStarted = performance.now();
const newsroom = await startNewsroom({ corpus, gzip: args.gzip!, prerender: true });
say(`pages rendered in ${round((performance.now() - renderStarted) / 1000)} s`);
const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
const redis: LocalServer = await startRedis();
const pg: LocalServer | null = args.embedded ? null : await startPostgres();
const redisPort = new URL(redis.url).port;
const pgPort = pg ? new URL(pg.url).port : null;
const feedsFile = join(dir, 'feeds.yaml');
writeFileSync(feedsFile, newsroom.feeds.map((f) => `- ${f.url}\n`).join(''));
if (args.profile) mkdirSync(args.profile, { recursive: true });

// ---------------------------------------------------------------- end to end

const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  REDIS_URL: redis.url,
  ...(pg ? { DATABASE_URL: pg.url } : { TALLY_DATA_DIR: join(dir, 'data') }),
  QUEUE_PREFIX: 'bench',
  HTTP_ALLOW: newsroom.host,
  HTTP_HOST_INTERVAL_MS: '0',
  HTTP_HOST_CONCURRENCY: '16',
  LOG_LEVEL: 'warn',
  ...(args['trace-memory']
    ? {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${fileURLToPath(new URL('./memoryTrace.cjs', import.meta.url))}`,
      }
    : {}),
};
const meters = {
  postgres: pgPort ? new CpuMeter(() => processTree(`-p ${pgPort}`)) : null,
  redis: new CpuMeter(() => processTree(`:${redisPort}`)),
};
/** PostgreSQL's write-ahead log position: the bytes written between two readings. */
const walPosition = async (): Promise<string | null> => {
  if (!pg) return null;
  const s = await openEventStore({ databaseUrl: pg.url, poolSize: 1 });
  try {
    return await s.transaction(
      async (tx) => (await tx.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn,
    );
  } finally {
    await s.close();
  }
};
const walBefore = await walPosition();
const benchCpuBefore = process.cpuUsage();
say(`ingest: tally ingest --once on ${pg ? 'PostgreSQL' : 'the embedded log'}, ${threads} extraction threads`);
const profileArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
const child: ChildProcess = spawn(
  process.execPath,
  [...profileArgs, tallyBin, 'ingest', '--feeds', feedsFile, '--once', '--json'],
  {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let stdout = '';
let stderr = '';
interface HeapSample {
  s: number;
  thread: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}
const heapTrace: HeapSample[] = [];
const workerHeapTrace: HeapSample[] = [];
child.stdout!.on('data', (d: Buffer) => {
  stdout += d.toString();
});
child.stderr!.on('data', (d: Buffer) => {
  const text = d.toString();
  for (const m of text.matchAll(/^tally-bench-memory (.*)$/gm)) {
    const sample = JSON.parse(m[1]!) as HeapSample;
    (sample.thread === 0 ? heapTrace : workerHeapTrace).push(sample);
  }
  stderr += text;
  if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
});
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
const pid = child.pid!;

const memory: { at: number; rssMb: number }[] = [];
let peakMb = 0;
const threadMeter = new ThreadCpuMeter(pid);
const checkpoints: { at: number; position: number }[] = [];
let done = false;
let watchStore: EventStore | null = null;
const watch = (async () => {
  let tick = 0;
  while (!done) {
    if (tick % 5 === 0) {
      const m = memoryOf(pid);
      if (m) {
        memory.push({ at: Date.now(), rssMb: m.rssMb });
        peakMb = Math.max(peakMb, m.peakMb);
        threadMeter.sample();
      }
      meters.postgres?.sample();
      meters.redis.sample();
    }
    if (pg) {
      try {
        watchStore ??= await openEventStore({ databaseUrl: pg.url, poolSize: 1 });
        // The projector's position alone, from its state row: the reader's stats() also counts
        // every projection table, which ten times a second was work of the bench's own charged to
        // PostgreSQL and taken from the pipeline's share of the cores.
        const stateTable = new ProjectionTables(watchStore.schema).state;
        const { rows } = await watchStore.transaction((tx) =>
          tx.query<{ position: number | string }>(`SELECT position FROM ${stateTable} WHERE name = 'projections'`),
        );
        if (rows[0]) checkpoints.push({ at: Date.now(), position: Number(rows[0].position) });
      } catch {
        // the log is not migrated yet
      }
    }
    tick++;
    await sleep(100);
  }
})();
const code = await exited;
done = true;
await watch;
const benchCpu = process.cpuUsage(benchCpuBefore);
if (code !== 0) {
  say(stderr);
  throw new Error(`tally ingest exited with ${code}`);
}
const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as IngestSummary;

// ---------------------------------------------------------------- what the log says

const store =
  watchStore ?? (await openEventStore(pg ? { databaseUrl: pg.url } : { dataDir: join(dir, 'data', 'log') }));
const discovered = new Map<string, number>();
const extractedAt = new Map<string, number>();
const analyzed = new Map<string, { position: number; at: number }>();
let events = 0;
let lastRecorded = 0;
let head = 0;
for await (const page of store.readAllPages({ limit: 5000 })) {
  for (const e of page) {
    events++;
    head = e.position;
    const at = Date.parse(e.recordedAt);
    lastRecorded = Math.max(lastRecorded, at);
    const articleId = (e.data as { articleId?: string }).articleId;
    if (e.type === 'ArticleDiscovered' && articleId && !discovered.has(articleId)) discovered.set(articleId, at);
    if (e.type === 'ArticleExtracted' && articleId) extractedAt.set(articleId, at);
    if (e.type === 'ArticleAnalyzed' && articleId) analyzed.set(articleId, { position: e.position, at });
  }
}
let storage: { walMb: number; eventsMb: number; projectionsMb: number; figureDocsMb: number } | null = null;
if (pg && walBefore) {
  storage = await store.transaction(async (tx) => {
    const mb = (n: unknown) => Number(n) / 1e6;
    const wal = await tx.query<{ n: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS n', [
      walBefore,
    ]);
    const events = await tx.query<{ n: string }>(
      `SELECT pg_total_relation_size('"${store.schema}".events')::text AS n`,
    );
    const tables = await tx.query<{ n: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid))::text AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname = $1 AND c.relkind = 'r' AND c.relname LIKE 'projection%'`,
      [store.schema],
    );
    const figures = await tx.query<{ n: string | null }>(
      `SELECT sum(pg_column_size(doc))::text AS n FROM ${new ProjectionTables(store.schema).table('figures', 'live')}`,
    );
    return {
      walMb: mb(wal.rows[0]!.n),
      eventsMb: mb(events.rows[0]!.n),
      projectionsMb: mb(tables.rows[0]!.n ?? 0),
      figureDocsMb: mb(figures.rows[0]!.n ?? 0),
    };
  });
}
await store.close();
const firstDiscovered = Math.min(...discovered.values());
/** When the projector's checkpoint first reached a position (null: never seen). */
const appliedAt = (position: number): number | null => {
  let lo = 0;
  let hi = checkpoints.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (checkpoints[mid]!.position >= position) hi = mid;
    else lo = mid + 1;
  }
  return checkpoints[lo]?.at ?? null;
};
const end = pg ? (appliedAt(head) ?? lastRecorded) : lastRecorded;
const wallS = (end - firstDiscovered) / 1000;
const latencies: number[] = [];
for (const [articleId, a] of analyzed) {
  const from = discovered.get(articleId);
  if (from === undefined) continue;
  const to = pg ? (appliedAt(a.position) ?? a.at) : a.at;
  latencies.push(to - from);
}
latencies.sort((a, b) => a - b);
// Where articles wait: each stage's share of the latency, and when each stage finished its last article.
const waits = { fetch: [] as number[], analyze: [] as number[], project: [] as number[] };
for (const [articleId, a] of analyzed) {
  const from = discovered.get(articleId);
  const x = extractedAt.get(articleId);
  if (from === undefined || x === undefined) continue;
  waits.fetch.push(x - from);
  waits.analyze.push(a.at - x);
  if (pg) waits.project.push((appliedAt(a.position) ?? a.at) - a.at);
}
for (const w of Object.values(waits)) w.sort((a, b) => a - b);
const lastOf = (m: Iterable<number>) => (Math.max(...m) - firstDiscovered) / 1000;
const stageLines = [
  `  stages          discovery → extracted p50 ${Math.round(percentile(waits.fetch, 50))} ms, extracted → analysed p50 ${Math.round(percentile(waits.analyze, 50))} ms${pg ? `, analysed → projected p50 ${Math.round(percentile(waits.project, 50))} ms` : ''}`,
  `  last done at    extraction ${round(lastOf(extractedAt.values()))} s, analysis ${round(lastOf([...analyzed.values()].map((a) => a.at)))} s, projector ${round(wallS)} s`,
];
const articlesPerS = summary.articles.extracted / wallS;
const eventsPerS = events / wallS;
// Memory over the ingestion itself (first discovery to the projector caught up), read at 10 %, 50 %
// and 90 % of it; the peak covers the whole process, start-up and the final summary included.
const rssAt = (share: number) => {
  const at = firstDiscovered + share * (end - firstDiscovered);
  let best = memory[0];
  for (const m of memory) if (Math.abs(m.at - at) < Math.abs((best?.at ?? 0) - at)) best = m;
  return best?.rssMb ?? 0;
};

// ---------------------------------------------------------------- extraction only, same pages

say(`extraction only: ${pages.length} pages on ${threads} threads`);
const pool = createExtractPool({ threads });
const extractRss: number[] = [];
const rssTimer = setInterval(() => extractRss.push(process.memoryUsage().rss / 1e6), 500);
const extractCpuBefore = process.cpuUsage();
// This process's threads before and after: the pool's threads are the busiest ones that grew.
const benchThreadsBefore = new ThreadCpuMeter(process.pid);
benchThreadsBefore.sample();
const extractStarted = performance.now();
let next = 0;
let extracted = 0;
let failed = 0;
await Promise.all(
  Array.from({ length: threads * 3 }, async () => {
    while (next < pages.length) {
      const a = pages[next++]!;
      // A copy of its own, as the pipeline gets from the socket: the pool moves it to a worker.
      const bytes = new Uint8Array(newsroom.body(a.path)!);
      try {
        await pool.extract({
          bytes,
          contentType: 'text/html; charset=utf-8',
          url: new URL(a.path, newsroom.url).toString(),
        });
        extracted++;
      } catch {
        failed++;
      }
    }
  }),
);
const extractS = (performance.now() - extractStarted) / 1000;
clearInterval(rssTimer);
const extractCpu = process.cpuUsage(extractCpuBefore);
const benchThreadsAfter = new ThreadCpuMeter(process.pid);
benchThreadsAfter.sample();
const extractThreads = benchThreadsAfter.minus(benchThreadsBefore).used(threads);
await pool.close();
const extractPerS = extracted / extractS;

await newsroom.close();
await redis.stop();
await pg?.stop();
rmSync(dir, { recursive: true, force: true });

// ---------------------------------------------------------------- report

const threadsCpu = threadMeter.used(threads);
const ingestCpu = threadsCpu.main + threadsCpu.others;
const benchCpuS = (benchCpu.user + benchCpu.system) / 1e6;
const allCpu = ingestCpu + (meters.postgres?.used() ?? 0) + meters.redis.used() + benchCpuS;
const extractCpuMsPerPage = (extractCpu.user + extractCpu.system) / 1e3 / Math.max(1, extracted);
const lines = [
  '',
  `end to end (tally ingest --once, ${pg ? 'PostgreSQL' : 'embedded log'})`,
  `  articles        ${summary.articles.discovered} discovered, ${summary.articles.extracted} extracted, ${summary.articles.duplicates} duplicates, ${summary.articles.failed} failed; ${summary.claims} claims`,
  `  wall            ${round(wallS)} s from the first discovery to the projector caught up (the command ran ${round(summary.durationMs / 1000)} s)`,
  `  throughput      ${round(articlesPerS)} articles/s, ${round(eventsPerS)} events/s (${events} events)`,
  ...stageLines,
  `  latency         discovery → figures: p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(latencies.at(-1) ?? 0)} ms (${latencies.length} articles)`,
  `  ingest RSS      ${Math.round(rssAt(0.1))} MB at 10 % of the run, ${Math.round(rssAt(0.5))} MB at 50 %, ${Math.round(rssAt(0.9))} MB at 90 %; peak ${Math.round(peakMb)} MB`,
  `  CPU seconds     ingest process ${round(ingestCpu)} (main thread ${round(threadsCpu.main)}, other threads ${round(threadsCpu.others)}, of which the ${threads} busiest ${round(threadsCpu.busiest)}), PostgreSQL ${meters.postgres ? round(meters.postgres.used()) : '-'}, Redis ${round(meters.redis.used())}, newsroom ${round(benchCpuS)}`,
  `  per article     ${round((ingestCpu * 1000) / Math.max(1, summary.articles.extracted))} ms CPU in the ingest process, ${round((allCpu * 1000) / Math.max(1, summary.articles.extracted))} ms in all (PostgreSQL, Redis and the newsroom included); cores busy ${round((100 * allCpu) / (wallS * threads))} %`,
  ...(storage
    ? [
        `  PostgreSQL      ${Math.round(storage.walMb)} MB of write-ahead log written for ${round(storage.eventsMb)} MB of events; projection tables ${round(storage.projectionsMb)} MB (figure documents ${round(storage.figureDocsMb)} MB)`,
      ]
    : []),
  ...(heapTrace.length > 2
    ? [
        `  main heap       ${[0.1, 0.5, 0.9]
          .map((k) => heapTrace[Math.floor(k * (heapTrace.length - 1))]!)
          .map(
            (m) =>
              `${m.s} s: heap ${Math.round(m.heapUsed / 1e6)} MB, buffers ${Math.round(m.arrayBuffers / 1e6)} MB, RSS ${Math.round(m.rss / 1e6)} MB`,
          )
          .join('; ')}`,
        `  worker heaps    ${[0.1, 0.5, 0.9]
          .map((k) => heapTrace[Math.floor(k * (heapTrace.length - 1))]!.s)
          .map((at) => {
            // Each extraction thread's latest sample at that time, summed: used / reserved by V8.
            const latest = new Map<number, HeapSample>();
            for (const w of workerHeapTrace) if (w.s <= at) latest.set(w.thread, w);
            const used = [...latest.values()].reduce((n, w) => n + w.heapUsed, 0);
            const total = [...latest.values()].reduce((n, w) => n + w.heapTotal, 0);
            return `${at} s: ${latest.size} threads, ${Math.round(used / 1e6)} / ${Math.round(total / 1e6)} MB`;
          })
          .join('; ')}`,
      ]
    : []),
  'extraction only (the pool over the same page bytes)',
  `  throughput      ${round(extractPerS)} pages/s (${extracted} pages, ${failed} failed, ${round(extractS)} s)`,
  `  CPU seconds     ${round((extractCpu.user + extractCpu.system) / 1e6)} (copying each page's bytes included; main thread ${round(extractThreads.main)}, other threads ${round(extractThreads.others)}, of which the ${threads} busiest ${round(extractThreads.busiest)}), ${round(extractCpuMsPerPage)} ms per page; cores busy ${round((100 * (extractCpu.user + extractCpu.system)) / 1e6 / (extractS * threads))} %`,
  `  bench RSS       start ${Math.round(extractRss[0] ?? 0)} MB, middle ${Math.round(extractRss[Math.floor(extractRss.length / 2)] ?? 0)} MB, end ${Math.round(extractRss.at(-1) ?? 0)} MB (this process: newsroom and extraction pool)`,
  `ratio             end to end / extraction only = ${round(articlesPerS / extractPerS, 3)} (target ≥ 0.8)`,
  // On a machine whose cores are the limit (and shared with other work), what the rates can come
  // to is set by CPU per article: extraction's share of all the CPU an article costs.
  `CPU ratio         extraction only per page / everything per article = ${round(extractCpuMsPerPage / ((allCpu * 1000) / Math.max(1, summary.articles.extracted)), 3)}`,
];
say(lines.join('\n'));

if (args.profile) {
  say(`\nCPU profiles (${args.profile}), self time by stage on the stack (else by library):`);
  for (const p of summarizeProfiles(args.profile)) {
    say(`  ${p.file}: ${round(p.totalMs / 1000)} s busy`);
    for (const [name, ms] of p.byStage.slice(0, 12)) {
      say(
        `    ${name.padEnd(26)} ${round(ms / 1000)
          .toString()
          .padStart(7)} s  ${round((100 * ms) / p.totalMs)} %`,
      );
    }
    say('    hottest functions:');
    for (const [name, ms] of p.topFunctions.slice(0, 8)) say(`      ${round(ms / 1000)} s  ${name}`);
  }
}

process.stdout.write(
  `${JSON.stringify({
    bench: 'e2e',
    articles_per_s: round(articlesPerS, 2),
    extract_only_pages_per_s: round(extractPerS, 2),
    ratio: round(articlesPerS / extractPerS, 3),
    p50_ms: Math.round(percentile(latencies, 50)),
    p95_ms: Math.round(percentile(latencies, 95)),
    events_per_s: round(eventsPerS, 1),
    peak_rss_mb: Math.round(peakMb),
  })}\n`,
);
