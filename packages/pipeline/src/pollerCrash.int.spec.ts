import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '@tally/event-store';
import { articleIdFor, type StoredEvent } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import type {} from '@tally/local-services/vitest-setup';
import { createJobWorker, type WorkerHandle } from '@tally/queues';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFeedCommands } from './feedCommands.ts';
import { forSuite, openFeedRuntime } from './feedRuntime.ts';
import { numberedItems, rssDocument } from './feedTestServer.ts';
import { pollFeed } from './poller.ts';
import type { CrashChildOptions } from './pollerCrashChild.ts';

/** Feed commands over a log, without a poller of their own. */
const feedsOf = (store: EventStore) => createFeedCommands({ store });

const FEEDS = 40;
const ITEMS = 30;
const SLOT = '2024-05-03T12:00:00.000Z';
/** Kill the poller once this many articles are in the log: a few feeds done, most not started. */
const KILL_AFTER = 100;
// Short locks so the killed poller's jobs come back within seconds instead of BullMQ's 30 s.
const LOCK_MS = 1500;
const STALLED_MS = 500;

/**
 * A poller process is SIGKILLed in the middle of a batch of feeds; a fresh poller takes over the
 * same queue and log. Afterwards every item of every feed has exactly one ArticleDiscovered, every
 * feed one FeedPolled for the slot, and every article one fetch job.
 */
describe('poller killed mid-batch', () => {
  const schema = `poll_crash_${randomUUID().slice(0, 8)}`;
  const h = forSuite(() =>
    openFeedRuntime(
      inject('redisUrl'),
      { HTTP_HOST_CONCURRENCY: 16 },
      { store: { databaseUrl: inject('databaseUrl'), schema } },
    ),
  );
  let child: ChildProcess | null = null;
  let restarted: WorkerHandle | null = null;
  const feedIds: string[] = [];
  const expectedArticles = new Map<string, string>();
  let options: CrashChildOptions;

  const discovered = async () =>
    (await h.store.readAll({ types: ['ArticleDiscovered'], limit: 100_000 })) as Extract<
      StoredEvent,
      { type: 'ArticleDiscovered' }
    >[];
  const polled = async () =>
    (
      (await h.store.readAll({ types: ['FeedPolled'], limit: 100_000 })) as Extract<
        StoredEvent,
        { type: 'FeedPolled' }
      >[]
    ).filter((e) => e.data.slot === SLOT);
  const until = async (what: string, done: () => Promise<boolean>, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    for (let i = 0; i < FEEDS; i++) {
      const items = numberedItems(`crash${i}.example`, ITEMS);
      for (const item of items) expectedArticles.set(articleIdFor(canonicalUrl(item.link!)!), `feed ${i}`);
      const doc = rssDocument(`Crash ${i}`, items);
      // Slow enough that the poller is mid-batch when it is killed.
      h.server.route(`/crash/${i}`, (_req, res) => void setTimeout(() => res.writeHead(200).end(doc), 40));
      feedIds.push((await feedsOf(h.store).register({ url: `${h.server.origin}/crash/${i}` }, 'config')).feedId);
    }
    options = {
      redisUrl: inject('redisUrl'),
      databaseUrl: inject('databaseUrl'),
      schema,
      queuePrefix: h.rt.config.QUEUE_PREFIX,
      concurrency: 4,
      lockDurationMs: LOCK_MS,
      stalledIntervalMs: STALLED_MS,
    };
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await restarted?.close();
  });

  it('loses no item and duplicates none when the poller is killed and restarted', async () => {
    await h.rt.queues.enqueueMany(
      'pollFeed',
      feedIds.map((feedId) => ({ feedId, slot: SLOT, reschedule: true, runId: null })),
    );
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./pollerCrashChild.ts', import.meta.url)), JSON.stringify(options)],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child = proc;
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      proc.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    let exitedEarly = false;
    void exited.then(() => {
      exitedEarly = true;
    });
    await until('the first poller to record some articles', async () => {
      if (exitedEarly) throw new Error('the poller process exited before it was killed');
      return (await discovered()).length >= KILL_AFTER;
    });
    proc.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = await discovered();
    const polledAtKill = await polled();
    // Really mid-batch: some articles and polls recorded, far from all.
    expect(atKill.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(atKill.length).toBeLessThan(FEEDS * ITEMS);
    expect(polledAtKill.length).toBeLessThan(FEEDS);

    // A fresh poller on the same queue: it puts back the killed one's active jobs at its start (or
    // BullMQ's stalled check does, for a job whose lock expired first).
    let stalled = 0;
    restarted = createJobWorker('pollFeed', async (p) => void (await pollFeed(h.rt, p)), {
      connection: h.rt.redis,
      prefix: h.rt.config.QUEUE_PREFIX,
      concurrency: 4,
      onError: () => {},
      worker: { lockDuration: LOCK_MS, stalledInterval: STALLED_MS },
    });
    restarted.worker.on('stalled', () => {
      stalled++;
    });
    const { released } = await restarted.started;
    await until('every feed to be polled', async () => (await polled()).length >= FEEDS);
    await until('the poll queue to drain', async () => {
      const c = await h.rt.queues.queues.pollFeed.getJobCounts('waiting', 'active', 'prioritized');
      return Object.values(c).every((n) => n === 0);
    });
    expect(released + stalled).toBeGreaterThanOrEqual(1);

    const all = await discovered();
    const ids = all.map((e) => e.data.articleId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expectedArticles.keys()].sort());
    expect((await polled()).map((e) => e.data.feedId).sort()).toEqual([...feedIds].sort());
    // Every article has its fetch job (deterministic ids: one each), every feed its next poll.
    const fetchJobs = await h.rt.queues.queues.fetchArticle.getJobs(['waiting'], 0, 10_000);
    expect(fetchJobs.map((j) => j.data.articleId as string).sort()).toEqual([...expectedArticles.keys()].sort());
    expect((await h.rt.queues.queues.pollFeed.getJobCounts('delayed')).delayed).toBe(FEEDS);
  });
});
