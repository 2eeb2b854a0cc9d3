import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import type {} from '@tally/local-services/vitest-setup';
import { createRng, generateCorpus, type Newsroom, startNewsroom } from '@tally/newsroom';
import { createFeedCommands } from '@tally/pipeline';
import { createProjectionReader } from '@tally/projection-store';
import { createQueues, type QueueSet, redisConnection } from '@tally/queues';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExpectedOutcome, expectedOutcome, testCorpusOptions } from './support/corpusExpectations.ts';
import { freshDatabase } from './support/freshDatabase.ts';
import { PersistentRedis } from './support/persistentRedis.ts';
import { figureDifferences, type PipelineOutcome, readOutcome } from './support/pipelineOutcome.ts';
import { failedJobs, pendingJobs } from './support/queueProbe.ts';
import { runTally, type TallyEnv, WorkerProcess } from './support/tallyProcess.ts';
import { TcpProxy } from './support/tcpProxy.ts';

const KILLS = 20;
const OUTAGE_MS = 10_000;
/** Change to replay another schedule; the seed is printed with every failure. */
const FAULT_SEED = Number(process.env.TALLY_FAULT_SEED ?? 20240501);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The corpus of the end-to-end test, ingested by separate worker processes sharing Redis and the
 * log on PostgreSQL, while workers are SIGKILLed 20 times (and restarted), Redis is restarted once
 * and PostgreSQL is unreachable for 10 s. The outcome must equal an undisturbed run's.
 */
describe('the distributed pipeline under faults', () => {
  let newsroom: Newsroom;
  let expected: ExpectedOutcome;
  let dir: string;
  const dbs: { url: string; drop(): Promise<void> }[] = [];
  let redis: PersistentRedis;
  let proxy: TcpProxy;
  let store: EventStore;
  let cleanStore: EventStore;
  let probe: ReturnType<typeof redisConnection>;
  let queues: QueueSet;
  const workers: WorkerProcess[] = [];
  let clean: PipelineOutcome;
  let faulted: PipelineOutcome;
  const faultLog: string[] = [];
  let failed: string[] = [];
  let settled = false;
  let started = 0;
  let shutdowns: { stage: string; code: number | null; signal: NodeJS.Signals | null }[] = [];

  beforeAll(async () => {
    newsroom = await startNewsroom({ corpus: generateCorpus(testCorpusOptions) });
    expected = expectedOutcome(newsroom.manifest!);
    const pipelineEnv: TallyEnv = {
      HTTP_ALLOW: newsroom.host,
      HTTP_HOST_INTERVAL_MS: '0',
      HTTP_HOST_CONCURRENCY: '8',
      EXTRACT_THREADS: '1',
    };

    // The undisturbed run: one `tally ingest --once` process.
    dir = mkdtempSync(join(tmpdir(), 'tally-faults-'));
    const feedsFile = join(dir, 'feeds.yaml');
    writeFileSync(feedsFile, newsroom.feeds.map((f) => `- ${f.url}\n`).join(''));
    const cleanStarted = Date.now();
    const cleanDb = await freshDatabase(inject('databaseUrl'), 'clean');
    dbs.push(cleanDb);
    const run = await runTally(['ingest', '--feeds', feedsFile, '--once', '--json'], {
      ...pipelineEnv,
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: cleanDb.url,
      QUEUE_PREFIX: `clean${randomUUID().slice(0, 8)}`,
      LOG_LEVEL: 'warn',
    });
    expect(run.code, run.stderr).toBe(0);
    cleanStore = await openEventStore({ databaseUrl: cleanDb.url });
    clean = await readOutcome(cleanStore);
    if (process.env.TALLY_TEST_TRACE) process.stderr.write(`clean run ${Date.now() - cleanStarted} ms\n`);

    // The faulted run: its own Redis (restartable, persistent as deployed) and PostgreSQL behind a proxy.
    redis = await PersistentRedis.start();
    const db = await freshDatabase(inject('databaseUrl'), 'faults');
    dbs.push(db);
    const direct = new URL(db.url);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port) });
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    store = await openEventStore({ databaseUrl: db.url });
    for (const f of newsroom.feeds) await createFeedCommands({ store }).register({ url: f.url }, 'cli');

    const prefix = `faults${randomUUID().slice(0, 8)}`;
    probe = redisConnection(redis.url);
    probe.on('error', () => {});
    queues = createQueues(probe, prefix);
    for (const q of Object.values(queues.queues)) q.on('error', () => {});
    const env: TallyEnv = {
      ...pipelineEnv,
      REDIS_URL: redis.url,
      DATABASE_URL: viaProxy.toString(),
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
    };
    const logs = process.env.TALLY_TEST_LOGS;
    for (const [i, stage] of ['poller', 'fetcher', 'fetcher', 'analyzer', 'analyzer', 'projector'].entries()) {
      workers.push(new WorkerProcess(stage, env, logs ? join(logs, `${stage}-${i}.log`) : null));
    }
    for (const w of workers) w.start();

    const rng = createRng(FAULT_SEED);
    started = Date.now();
    const note = (line: string) => {
      faultLog.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
      if (process.env.TALLY_TEST_TRACE) process.stderr.write(`${faultLog.at(-1)}\n`);
    };
    note(`redis :${redis.port}, postgres proxy :${proxy.port}`);
    // The faults land at random points of the run, measured in events appended (the undisturbed
    // run's count is the whole): 20 kills, with the Redis restart and the PostgreSQL outage among them.
    const total = Object.values(clean.eventTypes).reduce((a, b) => a + b, 0);
    const faults: string[] = Array.from({ length: KILLS }, () => 'kill');
    faults.splice(rng.int(4, 9), 0, 'redis');
    faults.splice(rng.int(12, 18), 0, 'postgres');
    const points = faults.map(() => 0.03 + rng.next() * 0.87).sort((a, b) => a - b);
    for (const [i, fault] of faults.entries()) {
      const target = Math.round(points[i]! * total);
      let head = await store.head();
      let last = { head, at: Date.now() };
      // Wait for the run to get there; a run that stops moving for 15 s gets the next fault anyway.
      while (head < target && Date.now() - last.at < 15_000) {
        await sleep(100);
        head = await store.head();
        if (head > last.head) last = { head, at: Date.now() };
      }
      if (fault === 'redis') {
        note(`at ${head} events: redis stopped`);
        await redis.stop();
        await sleep(1000);
        await redis.start();
        note('redis started');
      } else if (fault === 'postgres') {
        note(`at ${head} events: postgres unreachable`);
        await proxy.cut();
        await sleep(OUTAGE_MS);
        await proxy.restore();
        note('postgres reachable');
      } else {
        // A worker still starting has nothing to lose: kill one that is past its start-up.
        const pick = rng.next();
        while (!workers.some((w) => w.ready)) await sleep(100);
        const ready = workers.filter((w) => w.ready);
        const w = ready[Math.floor(pick * ready.length)]!;
        await w.stop('SIGKILL');
        note(`at ${head} events: SIGKILL ${w.stage}#${workers.indexOf(w)}`);
        await sleep(rng.next() * 1000);
        w.start();
      }
    }
    note('faults done');

    // Done: every feed polled, no job waiting, active or retrying, and the projector caught up,
    // three checks in a row.
    const deadline = Date.now() + 150_000;
    let quiet = 0;
    while (quiet < 3 && Date.now() < deadline) {
      await sleep(1000);
      const polled = new Set<string>();
      for await (const page of store.readAllPages({ types: ['FeedPolled', 'FeedPollFailed'] })) {
        for (const e of page) polled.add((e.data as { feedId: string }).feedId);
      }
      const pending = await pendingJobs(queues);
      const { lag } = await createProjectionReader(store).stats();
      quiet = polled.size === newsroom.feeds.length && pending === 0 && lag === 0 ? quiet + 1 : 0;
      if (process.env.TALLY_TEST_TRACE) note(`polled ${polled.size}, pending ${pending}, lag ${lag}`);
    }
    note(quiet >= 3 ? 'settled' : 'did not settle');
    settled = quiet >= 3;
    failed = await failedJobs(queues);
    for (const w of workers) shutdowns.push({ stage: w.stage, ...(await w.stop('SIGTERM')) });
    faulted = await readOutcome(store);
    // Six worker processes restarted twenty times on two cores: minutes, more on a busy machine.
  }, 600_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await queues?.close();
    probe?.disconnect();
    await store?.close();
    await cleanStore?.close();
    await proxy?.close();
    await redis?.close();
    for (const db of dbs) await db.drop();
    await newsroom?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const context = () =>
    [
      `fault seed ${FAULT_SEED}`,
      ...faultLog,
      `failed jobs:\n${failed.join('\n') || 'none'}`,
      ...workers
        .flatMap((w) => w.unexpectedExits)
        .map(
          (x) =>
            `${((x.at - started) / 1000).toFixed(1)}s ${x.stage} ${x.hung ? 'hung after a fatal error' : `exited on its own (${x.code ?? x.signal})`}:\n${x.log}`,
        ),
    ].join('\n');

  it('settles: no job left waiting, running or retrying, the projector caught up', () => {
    expect(settled, context()).toBe(true);
  });

  it('loses no job to the faults', () => {
    expect(failed, context()).toEqual([]);
  });

  it('records no event twice and no fact twice', () => {
    expect(faulted.repeatedEventIds).toEqual([]);
    expect(faulted.repeatedFacts).toEqual([]);
  });

  it('loses no article: every listed item ends as the undisturbed run left it', () => {
    const diff: string[] = [];
    for (const [id, want] of clean.articles) {
      const got = faulted.articles.get(id);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        diff.push(`${id}: want ${JSON.stringify(want)}\n  got ${JSON.stringify(got ?? null)}`);
      }
    }
    expect(diff.join('\n'), context()).toBe('');
    expect(faulted.articles.size).toBe(newsroom.manifest!.articles.length);
    const unfinished = expected.originals.filter((id) => faulted.articles.get(id)?.status !== 'analyzed');
    expect(unfinished, context()).toEqual([]);
  });

  it('finds the same duplicates as the undisturbed run', () => {
    expect(new Map([...faulted.duplicates].sort()), context()).toEqual(new Map([...clean.duplicates].sort()));
  });

  it('ends with the same figures, statement by statement, as the undisturbed run', () => {
    expect([...faulted.figures.keys()].sort()).toEqual([...clean.figures.keys()].sort());
    const diff = [...clean.figures].flatMap(([key, want]) => figureDifferences(key, want, faulted.figures.get(key)));
    expect(diff.join('\n'), context()).toBe('');
  });

  it('keeps every worker running through the outages: no exit nobody asked for', () => {
    expect(
      workers.flatMap((w) => w.unexpectedExits).map((x) => `${x.stage}: ${x.hung ? 'hung' : (x.code ?? x.signal)}`),
      context(),
    ).toEqual([]);
  });

  it('stops every worker cleanly on SIGTERM once the work is done', () => {
    expect(shutdowns.filter((s) => s.code !== 0)).toEqual([]);
    shutdowns = [];
  });
});
