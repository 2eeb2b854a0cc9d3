import { randomUUID } from 'node:crypto';
import type { EventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import type {} from '@tally/local-services/vitest-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFeedCommands } from './feedCommands.ts';
import { forSuite, openFeedRuntime } from './feedRuntime.ts';
import { numberedItems, rssDocument } from './feedTestServer.ts';
import type { Runtime } from './runtime.ts';
import { type RunningStages, reconcileSchedules, startStages } from './workers.ts';

/** Feed commands over a log, without a poller of their own. */
const feedsOf = (store: EventStore) => createFeedCommands({ store });

const FEEDS = 30;

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Two poller processes starting at once (two runtimes on one Redis and one PostgreSQL log, each reconciling
 * the schedules and running its worker): every feed is fetched once for its first slot, whatever
 * the interleaving, and a stale scheduler adding a slot again later fetches nothing.
 */
describe('several pollers starting at once', () => {
  // PostgreSQL, as separate poller processes would share it.
  const h = forSuite(() =>
    openFeedRuntime(
      inject('redisUrl'),
      { HTTP_HOST_CONCURRENCY: 16, POLL_CONCURRENCY: 4 },
      { store: { databaseUrl: inject('databaseUrl'), schema: `poll_race_${randomUUID().slice(0, 8)}` } },
    ),
  );
  const runtimes: Runtime[] = [];
  const running: RunningStages[] = [];
  const feedIds: string[] = [];

  const polledEvents = async () =>
    (await h.store.readAll({ types: ['FeedPolled', 'FeedPollFailed'], limit: 10_000 })) as Extract<
      StoredEvent,
      { type: 'FeedPolled' | 'FeedPollFailed' }
    >[];

  const until = async (what: string, done: () => Promise<boolean>) => {
    const deadline = Date.now() + 30_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    const { server, store } = h;
    for (let i = 0; i < FEEDS; i++) {
      const doc = rssDocument(`Feed ${i}`, numberedItems(`race${i}.example`, 3));
      // A little latency, so polls overlap the other poller's reconciliation.
      server.route(`/race/${i}`, (_req, res) => void setTimeout(() => res.writeHead(200).end(doc), 10));
      feedIds.push((await feedsOf(store).register({ url: `${server.origin}/race/${i}` }, 'config')).feedId);
    }
    // Two pollers on one queue.
    runtimes.push(h.rt, await h.openRuntime({ QUEUE_PREFIX: h.rt.config.QUEUE_PREFIX }));
  });

  afterAll(async () => {
    await Promise.all(running.map((r) => r.close()));
  });

  it('polls every feed once for its first slot and schedules each next slot once', async () => {
    await Promise.all(
      runtimes.map(async (rt) => {
        running.push(startStages(rt, ['poller']));
        // Each poller reconciles twice, as a restart right after start-up would.
        await reconcileSchedules(rt);
        await reconcileSchedules(rt);
      }),
    );
    await until('a poll of every feed', async () => (await polledEvents()).length >= FEEDS);
    const queue = runtimes[0]!.queues.queues.pollFeed;
    await until('the poll queue to drain', async () => {
      return sum(await queue.getJobCounts('waiting', 'active', 'prioritized')) === 0;
    });

    const polls = await polledEvents();
    expect(polls.every((e) => e.type === 'FeedPolled')).toBe(true);
    expect(polls.map((e) => `${e.data.feedId} ${e.data.slot}`).sort()).toEqual(feedIds.map((f) => `${f} first`).sort());
    for (let i = 0; i < FEEDS; i++) expect(h.server.hits(`/race/${i}`), `feed ${i}`).toBe(1);

    // Each feed's next slot is waiting once; reconciling again from both pollers adds nothing.
    const delayed = await queue.getJobs(['delayed']);
    expect(delayed.map((j) => j.data.feedId).sort()).toEqual([...feedIds].sort());
    expect(delayed.map((j) => j.data.slot)).toEqual(
      delayed.map((j) => polls.find((p) => p.data.feedId === j.data.feedId)!.data.nextCheckAt),
    );
    await Promise.all(runtimes.map((rt) => reconcileSchedules(rt)));
    expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: FEEDS });
  });

  it('fetches nothing when a stale scheduler adds an already polled slot again', async () => {
    const queue = runtimes[0]!.queues.queues.pollFeed;
    // BullMQ forgets finished jobs after a while; then the same job id can be added again.
    await queue.clean(0, 10_000, 'completed');
    await runtimes[1]!.queues.enqueueMany(
      'pollFeed',
      feedIds.map((feedId) => ({ feedId, slot: 'first', reschedule: true, runId: null })),
    );
    await until('the re-added slots to be processed', async () => {
      const pending = sum(await queue.getJobCounts('waiting', 'active', 'prioritized'));
      return pending === 0 && (await queue.getJobCounts('completed')).completed === FEEDS;
    });
    expect(await polledEvents()).toHaveLength(FEEDS);
    for (let i = 0; i < FEEDS; i++) expect(h.server.hits(`/race/${i}`), `feed ${i}`).toBe(1);
    expect((await queue.getJobCounts('delayed')).delayed).toBe(FEEDS);
  });
});
