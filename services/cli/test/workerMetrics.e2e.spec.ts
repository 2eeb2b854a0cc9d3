import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import { articleIdFor } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import { freePort } from '@tally/local-services';
import type {} from '@tally/local-services/vitest-setup';
import { generateCorpus, type Newsroom, startNewsroom } from '@tally/newsroom';
import { createQueues, type QueueSet, redisConnection } from '@tally/queues';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './support/freshDatabase.ts';
import { TallyChild } from './support/tallyChild.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One sample of a Prometheus text exposition (0 when the series is not there yet). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function scrape(url: string): Promise<{ status: number; type: string | null; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

/** Waits until the service's /healthz answers 200 (it listens once the runtime is open). */
async function healthy(child: TallyChild, base: string): Promise<{ status: string; checks: Record<string, unknown> }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!child.running) throw new Error(`exited before answering /healthz:\n${child.stderr.slice(-3000)}`);
    try {
      const res = await scrape(`${base}/healthz`);
      if (res.status === 200) return JSON.parse(res.body);
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no healthy /healthz at ${base}:\n${child.stderr.slice(-3000)}`);
    await sleep(100);
  }
}

/**
 * `tally worker fetcher` and `tally worker analyzer` as an operator runs them, with METRICS_PORT:
 * each serves /metrics and /healthz; the fetcher's fetch, extraction and append histograms and
 * the analyzer's analysis histogram move with the work they do. Their logs on a pipe are text
 * lines when LOG_FORMAT=text says so, with every record as JSON in LOG_FILE.
 */
describe('metrics and health of worker processes', () => {
  let dir: string;
  let newsroom: Newsroom;
  let db: { url: string; drop(): Promise<void> };
  let store: EventStore;
  let connection: ReturnType<typeof redisConnection>;
  let queues: QueueSet;
  let fetcher: TallyChild;
  let analyzer: TallyChild;
  let fetcherBase: string;
  let analyzerBase: string;
  let env: Record<string, string>;
  let ids: string[];
  let health: { status: string; checks: Record<string, unknown> };
  let before: { status: number; type: string | null; body: string };
  let afterFetch: string;
  let afterAnalysis: string;
  let fetcherExit: { code: number | null; signal: NodeJS.Signals | null };
  let apiMetrics: string;
  let apiHealth: { status: string; checks: Record<string, unknown> };
  let apiExit: { code: number | null; signal: NodeJS.Signals | null };
  let closedAfterStop: boolean;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-worker-metrics-'));
    newsroom = await startNewsroom({
      corpus: generateCorpus({
        feeds: 1,
        articlesPerFeed: 4,
        duplicateRate: 0,
        minBytes: 4000,
        maxBytes: 6000,
        seed: 5,
      }),
      gzip: false,
    });
    db = await freshDatabase(inject('databaseUrl'), 'metrics');
    store = await openEventStore({ databaseUrl: db.url });
    const prefix = `wm${randomUUID().slice(0, 8)}`;
    connection = redisConnection(inject('redisUrl'));
    queues = createQueues(connection, prefix);
    env = {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      TALLY_DATA_DIR: join(dir, 'data'),
      HTTP_ALLOW: '127.0.0.1',
      HTTP_HOST_INTERVAL_MS: '0',
      EXTRACT_THREADS: '1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'text',
      LOG_FILE: join(dir, 'logs', 'fetcher.log'),
    };
    const fetcherPort = await freePort();
    fetcherBase = `http://127.0.0.1:${fetcherPort}`;
    fetcher = new TallyChild(['worker', 'fetcher'], { ...env, METRICS_PORT: String(fetcherPort) });
    health = await healthy(fetcher, fetcherBase);
    before = await scrape(`${fetcherBase}/metrics`);

    const articles = newsroom.articles.filter((a) => a.kind === 'article');
    ids = articles.map((a) => articleIdFor(canonicalUrl(a.url)!));
    await queues.enqueueMany(
      'fetchArticle',
      articles.map((a, i) => ({ articleId: ids[i]!, url: a.url, feedId: 'f_metrics', runId: null })),
    );
    const extracted = async () => (await store.readAll({ types: ['ArticleExtracted'], limit: 1000 })).length;
    const deadline = Date.now() + 120_000;
    while ((await extracted()) < ids.length && Date.now() < deadline) await sleep(200);
    afterFetch = (await scrape(`${fetcherBase}/metrics`)).body;

    const analyzerPort = await freePort();
    analyzerBase = `http://127.0.0.1:${analyzerPort}`;
    analyzer = new TallyChild(['worker', 'analyzer'], {
      ...env,
      METRICS_PORT: String(analyzerPort),
      LOG_FILE: join(dir, 'logs', 'analyzer.log'),
    });
    await healthy(analyzer, analyzerBase);
    const analyzed = async () => (await store.readAll({ types: ['ArticleAnalyzed'], limit: 1000 })).length;
    const analysisDeadline = Date.now() + 120_000;
    while ((await analyzed()) < ids.length && Date.now() < analysisDeadline) await sleep(200);
    afterAnalysis = (await scrape(`${analyzerBase}/metrics`)).body;

    fetcherExit = await fetcher.stop('SIGTERM');
    closedAfterStop = await scrape(`${fetcherBase}/healthz`).then(
      () => false,
      () => true,
    );
    await analyzer.stop('SIGTERM');

    // `tally api` serves the API's metrics with the process's on the metrics port too.
    const apiMetricsPort = await freePort();
    const api = new TallyChild(['api', '--port', String(await freePort())], {
      ...env,
      METRICS_PORT: String(apiMetricsPort),
      LOG_FILE: join(dir, 'logs', 'api.log'),
    });
    try {
      apiHealth = await healthy(api, `http://127.0.0.1:${apiMetricsPort}`);
      apiMetrics = (await scrape(`http://127.0.0.1:${apiMetricsPort}/metrics`)).body;
    } finally {
      apiExit = await api.stop('SIGTERM');
    }
  });

  afterAll(async () => {
    if (fetcher?.running) await fetcher.stop('SIGKILL');
    if (analyzer?.running) await analyzer.stop('SIGKILL');
    await queues?.close();
    connection?.disconnect();
    await store?.close();
    await db?.drop();
    await newsroom?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz with the checks of Redis and the log', () => {
    expect(health).toMatchObject({ status: 'ok', checks: { redis: { ok: true }, log: { ok: true } } });
  });

  it('serves Prometheus text with Node process metrics under their standard names and the latency histograms', () => {
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain/);
    expect(before.body).toMatch(/^process_cpu_seconds_total \d/m);
    expect(before.body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(before.body).not.toMatch(/^tally_api_/m);
    for (const name of ['fetch', 'extract', 'analyze', 'append']) {
      expect(before.body).toContain(`# TYPE tally_${name}_duration_seconds histogram`);
    }
    expect(sample(before.body, 'tally_fetch_duration_seconds_count{kind="article",outcome="ok"}')).toBe(0);
  });

  it('observes each article fetched, extracted and appended', () => {
    const n = ids.length;
    expect(sample(afterFetch, 'tally_fetch_duration_seconds_count{kind="article",outcome="ok"}')).toBe(n);
    expect(sample(afterFetch, 'tally_extract_duration_seconds_count{outcome="ok"}')).toBe(n);
    expect(sample(afterFetch, 'tally_append_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(n);
    expect(sample(afterFetch, 'tally_fetch_duration_seconds_sum{kind="article",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(afterFetch, 'tally_fetch_duration_seconds_bucket{le="+Inf",kind="article",outcome="ok"}')).toBe(n);
  });

  it('observes each analysis in the analyzer process', () => {
    expect(sample(afterAnalysis, 'tally_analyze_duration_seconds_count{outcome="analyzed"}')).toBe(ids.length);
    expect(sample(afterAnalysis, 'tally_append_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(
      ids.length,
    );
  });

  it('stops serving on SIGTERM and exits 0', () => {
    expect(fetcherExit).toEqual({ code: 0, signal: null });
    expect(closedAfterStop).toBe(true);
  });

  it('serves the metrics of the API with those of its process on the metrics port of tally api', () => {
    expect(apiHealth).toMatchObject({ status: 'ok' });
    expect(sample(apiMetrics, 'tally_events_appended_total{type="ArticleExtracted"}')).toBe(ids.length);
    expect(sample(apiMetrics, 'tally_queue_jobs{queue="fetch",state="completed"}')).toBe(ids.length);
    expect(apiMetrics).toMatch(/^process_cpu_seconds_total \d/m);
    expect(apiMetrics).toContain('# TYPE tally_http_request_duration_seconds histogram');
    expect(apiExit).toEqual({ code: 0, signal: null });
  });

  it('writes text lines to stderr with LOG_FORMAT=text, and every record as JSON to LOG_FILE', () => {
    const lines = fetcher.stderr.split('\n').filter(Boolean);
    expect(lines.some((l) => / service started {2}stages=/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    const records = readFileSync(env.LOG_FILE!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string });
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['service started', 'metrics and health served']));
    expect(records.filter((r) => r.msg === 'article extracted')).toHaveLength(ids.length);
  });
});
