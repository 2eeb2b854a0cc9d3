/**
 * `npm run bench:feeds`: polling throughput through the real poller path, and parse throughput.
 *
 * A local server on 127.0.0.1 (in a worker thread, so it does not share the poller's event loop)
 * serves N feeds: most are small feeds with an ETag that answer 304 to a conditional request, the
 * rest are 50-item feeds (RSS 2.0, about 73 KB) without validators. Polls go through BullMQ on
 * real Redis (`REDIS_URL`, else a private redis-server), the poller worker of `@tally/pipeline` (`startStages(['poller'])`,
 * `pollFeed`: HTTP client with its SSRF guard and host limiter, parse, items, events) and the log:
 * the embedded PGlite log by default, or a throwaway PostgreSQL with `--store postgres`.
 *
 * Phases: (1) the full feeds' first poll: every item is new (polls/s, items/s); (2) the small
 * feeds' first poll, which gives them their ETag; (3) every feed again: most answer 304, the full
 * feeds answer 200 with the items already recorded (polls/s). Then `benchParse()` from
 * `parse.bench.ts`: @tally/feeds beside rss-parser on the same files.
 *
 * Options: --feeds N (10000) --full-share F (0.05) --items N (50) --concurrency N (32)
 *          --store embedded|postgres --no-host-limit --parse-files N (120) --parse-rounds N (3)
 *          --custom-plans (what-if: the log's sessions re-plan the append function on every call)
 * Quick run: npm run bench:feeds -- --feeds 1000 --parse-files 24
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '@tally/config';
import { type EventStore, openEventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { createHttpClient } from '@tally/http-fetch';
import { type LocalServer, startPostgres } from '@tally/local-services';
import { createLogger } from '@tally/logger';
import { openRuntime, type Runtime, startStages } from '@tally/pipeline';
import { benchParse, generateRss } from './parse.bench.ts';

const TARGET_POLLS_304 = 500;
const TARGET_PARSE_MB_S = 20;

const { values: args } = parseArgs({
  options: {
    feeds: { type: 'string', default: '10000' },
    'full-share': { type: 'string', default: '0.05' },
    items: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '32' },
    store: { type: 'string', default: 'embedded' },
    'no-host-limit': { type: 'boolean', default: false },
    'custom-plans': { type: 'boolean', default: false },
    'parse-files': { type: 'string', default: '120' },
    'parse-rounds': { type: 'string', default: '3' },
  },
});
const feedCount = Number(args.feeds);
const fullCount = Math.max(1, Math.round(feedCount * Number(args['full-share'])));
const itemsPerFull = Number(args.items);
const concurrency = Number(args.concurrency);
if (
  ![feedCount, fullCount, itemsPerFull, concurrency].every((n) => Number.isInteger(n) && n > 0) ||
  fullCount > feedCount
) {
  throw new Error('--feeds, --items and --concurrency must be positive whole numbers, --full-share in (0, 1]');
}
if (args.store !== 'embedded' && args.store !== 'postgres') throw new Error('--store is embedded or postgres');

// ------------------------------------------------------------------ the feed server

/**
 * Plain JavaScript, run with `eval` in a worker thread. Full feeds come from one shared buffer;
 * small feeds are rendered on the fly and answer 304 to their ETag. They list no item: their first
 * poll only gives them an ETag (the 304s are what is measured), and costs no article append.
 */
const SERVER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { bodies, offsets, fullCount } = workerData;
const full = Buffer.from(bodies);
const stats = { requests: 0, notModified: 0, full: 0, small: 0 };
const type = 'application/rss+xml; charset=utf-8';
const lastModified = 'Fri, 03 May 2024 10:00:00 GMT';
function small(i) {
  return '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Small feed ' + i +
    '</title><link>https://small' + i + '.example.org/</link><description>Quiet for now.</description><ttl>30</ttl></channel></rss>';
}
const server = http.createServer((req, res) => {
  stats.requests++;
  const m = /^\\/f\\/(\\d+)$/.exec(req.url || '');
  if (!m) { res.writeHead(404).end(); return; }
  const i = Number(m[1]);
  if (i < fullCount) {
    stats.full++;
    const body = full.subarray(offsets[i], offsets[i + 1]);
    res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
    return;
  }
  const etag = '"s' + i + '"';
  if (req.headers['if-none-match'] === etag) {
    stats.notModified++;
    res.writeHead(304, { etag, 'last-modified': lastModified }).end();
    return;
  }
  stats.small++;
  res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(small(i));
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'stats') parentPort.postMessage({ stats }); });
`;

interface FeedServer {
  origin: string;
  stats(): Promise<{ requests: number; notModified: number; full: number; small: number }>;
  close(): Promise<void>;
}

async function startFeedServer(): Promise<FeedServer> {
  const encoder = new TextEncoder();
  const docs = Array.from({ length: fullCount }, (_, i) => encoder.encode(generateRss(i, itemsPerFull, 1)));
  const total = docs.reduce((n, d) => n + d.length, 0);
  const bodies = new SharedArrayBuffer(total);
  const view = new Uint8Array(bodies);
  const offsets = [0];
  for (const d of docs) {
    view.set(d, offsets.at(-1)!);
    offsets.push(offsets.at(-1)! + d.length);
  }
  const worker = new Worker(SERVER_SOURCE, { eval: true, workerData: { bodies, offsets, fullCount } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  console.log(
    `feed server: ${fullCount} full feeds (${(total / 1e6).toFixed(1)} MB), ${feedCount - fullCount} small feeds`,
  );
  return {
    origin: `http://127.0.0.1:${port}`,
    stats: () =>
      new Promise((resolve) => {
        worker.once('message', (m: { stats: Awaited<ReturnType<FeedServer['stats']>> }) => resolve(m.stats));
        worker.postMessage('stats');
      }),
    close: async () => void (await worker.terminate()),
  };
}

// ------------------------------------------------------------------ polling phases

async function countSince(store: EventStore, after: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const page of store.readAllPages({
    after,
    types: ['FeedPolled', 'FeedPollFailed', 'ArticleDiscovered'],
  })) {
    for (const e of page as StoredEvent[]) {
      const key = e.type === 'FeedPolled' && e.data.notModified ? 'NotModified' : e.type;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

interface PhaseResult {
  polls: number;
  seconds: number;
  /** CPU time of this process (poller, HTTP client, embedded log) per poll, in ms. */
  cpuMsPerPoll: number;
  counts: Record<string, number>;
}

/** Enqueues one poll per feed and waits until the poll queue is empty. */
async function phase(rt: Runtime, name: string, feedIds: readonly string[]): Promise<PhaseResult> {
  const head = await rt.store.head();
  const queue = rt.queues.queues.pollFeed;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await rt.queues.enqueueMany(
    'pollFeed',
    feedIds.map((feedId) => ({ feedId, slot: `bench-${name}`, reschedule: false, runId: null })),
  );
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
    if (Object.values(c).every((n) => n === 0)) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const counts = await countSince(rt.store, head);
  const polls = (counts.FeedPolled ?? 0) + (counts.NotModified ?? 0) + (counts.FeedPollFailed ?? 0);
  if (feedIds.length === 0) return { polls: 0, seconds, cpuMsPerPoll: 0, counts };
  if (polls !== feedIds.length) throw new Error(`${name}: ${polls} polls recorded for ${feedIds.length} feeds`);
  if (counts.FeedPollFailed) throw new Error(`${name}: ${counts.FeedPollFailed} polls failed`);
  return { polls, seconds, cpuMsPerPoll: (used.user + used.system) / 1000 / polls, counts };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  console.log(
    `bench:feeds: ${feedCount} feeds (${fullCount} × ${itemsPerFull} items, ${feedCount - fullCount} small with ETags), ` +
      `poll concurrency ${concurrency}, ${args.store} log${args['custom-plans'] ? ' (appends re-planned per call)' : ''}, host limiter ${args['no-host-limit'] ? 'off' : 'on (lenient)'}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const server = await startFeedServer();
  let pg: LocalServer | null = null;
  let store: EventStore;
  if (args.store === 'postgres') {
    pg = await startPostgres();
    const url = new URL(pg.url);
    // --custom-plans: every pooled session re-plans the append function (see below).
    if (args['custom-plans']) url.searchParams.set('options', '-c plan_cache_mode=force_custom_plan');
    store = await openEventStore({ databaseUrl: url.toString(), schema: `bench_feeds_${randomUUID().slice(0, 8)}` });
  } else {
    store = await openEventStore({ dataDir: 'memory://' });
  }
  if (store.kind === 'embedded' && args['custom-plans']) {
    // What-if: the log's append function (PL/pgSQL) caches a generic plan per session, and after
    // some mixes of appends (a batch of 1,000 events among single ones, here) that plan scans the
    // events table on every append, so appends slow down in proportion to the log. Custom plans
    // keep them flat at a higher base cost (1.4 ms of CPU per single-event append on the embedded
    // log here, against 0.85 ms with a good cached plan).
    await store.transaction((tx) => tx.query("SET plan_cache_mode = 'force_custom_plan'"));
  }

  const config = loadConfig({
    QUEUE_PREFIX: `bench${randomUUID().slice(0, 8)}`,
    HTTP_ALLOW: '127.0.0.1',
    HTTP_HOST_CONCURRENCY: concurrency,
    HTTP_HOST_INTERVAL_MS: 0,
    POLL_CONCURRENCY: concurrency,
    LOG_LEVEL: 'warn',
  });
  const rt = await openRuntime(config, createLogger({ level: 'warn', fd: 2 }), { store, extractPool: false });
  if (args['no-host-limit']) {
    await rt.http.close();
    rt.http = createHttpClient({
      userAgent: config.HTTP_USER_AGENT,
      connectTimeoutMs: config.HTTP_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: config.HTTP_TOTAL_TIMEOUT_MS,
      maxBodyBytes: config.HTTP_MAX_BODY_BYTES,
      maxRedirects: config.HTTP_MAX_REDIRECTS,
      allow: config.HTTP_ALLOW,
    });
  }
  let result: Record<string, number>;
  try {
    let started = performance.now();
    const feedIds: string[] = new Array(feedCount);
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < feedCount) {
          const i = next++;
          feedIds[i] = (await rt.feedCommands.register({ url: `${server.origin}/f/${i}` }, 'config')).feedId;
        }
      }),
    );
    console.log(`registered ${feedCount} feeds in ${round((performance.now() - started) / 1000)} s`);

    const stages = startStages(rt, ['poller']);
    let full: PhaseResult;
    let prime: PhaseResult;
    let mostly304: PhaseResult;
    try {
      full = await phase(rt, 'full', feedIds.slice(0, fullCount));
      if (full.counts.ArticleDiscovered !== fullCount * itemsPerFull) {
        throw new Error(
          `full feeds: ${full.counts.ArticleDiscovered} articles discovered, ${fullCount * itemsPerFull} listed`,
        );
      }
      prime = await phase(rt, 'prime', feedIds.slice(fullCount));
      started = performance.now();
      mostly304 = await phase(rt, 'again', feedIds);
      if ((mostly304.counts.NotModified ?? 0) !== feedCount - fullCount || mostly304.counts.ArticleDiscovered) {
        throw new Error(`second round: ${JSON.stringify(mostly304.counts)}`);
      }
    } finally {
      await stages.close();
    }
    const stats = await server.stats();
    const fullPolls = full.polls / full.seconds;
    const items = (full.counts.ArticleDiscovered ?? 0) / full.seconds;
    const polls304 = mostly304.polls / mostly304.seconds;
    console.log(
      '\n| phase | polls | s | polls/s | items/s | CPU ms/poll here | target |\n|---|---:|---:|---:|---:|---:|---|',
    );
    console.log(
      `| full feeds, first poll (every item new) | ${full.polls} | ${round(full.seconds)} | ${round(fullPolls)} | ${round(items)} | ${round(full.cpuMsPerPoll, 2)} | |`,
    );
    console.log(
      `| small feeds, first poll | ${prime.polls} | ${round(prime.seconds)} | ${round(prime.polls / prime.seconds)} | | ${round(prime.cpuMsPerPoll, 2)} | |`,
    );
    console.log(
      `| every feed again: ${mostly304.counts.NotModified ?? 0} × 304, ${fullCount} × 200 with known items | ${mostly304.polls} | ${round(mostly304.seconds)} | ${round(polls304)} | | ${round(mostly304.cpuMsPerPoll, 2)} | ≥ ${TARGET_POLLS_304} polls/s |`,
    );
    console.log(
      `server: ${stats.requests} requests (${stats.notModified} × 304, ${stats.full} full, ${stats.small} small)`,
    );

    await rt.close();
    await store.close();
    await pg?.stop();
    await server.close();

    console.log('\nparse: @tally/feeds beside rss-parser on the same realistic files (best of rounds)');
    const parse = await benchParse({ files: Number(args['parse-files']), rounds: Number(args['parse-rounds']) });
    console.log(`| @tally/feeds | ${parse.parse_mb_s} MB/s | target ≥ ${TARGET_PARSE_MB_S} MB/s |`);
    console.log(`| rss-parser | ${parse.rss_parser_mb_s} MB/s | |`);
    result = {
      polls_per_s_304: round(polls304),
      polls_per_s_full: round(fullPolls),
      items_per_s: round(items),
      parse_mb_s: parse.parse_mb_s,
      rss_parser_mb_s: parse.rss_parser_mb_s,
    };
  } catch (err) {
    await rt.close().catch(() => {});
    await store.close().catch(() => {});
    await pg?.stop();
    await server.close();
    throw err;
  }
  console.log(JSON.stringify({ bench: 'feeds', ...result }));
}

await main();
