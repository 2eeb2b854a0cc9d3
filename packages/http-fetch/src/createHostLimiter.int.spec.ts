import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHostLimiter, HostUnavailableError } from './createHostLimiter.ts';

const connections: Redis[] = [];
function connect(): Redis {
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  connections.push(redis);
  return redis;
}

let redisA: Redis;
let redisB: Redis;
beforeAll(() => {
  redisA = connect();
  redisB = connect();
});
afterAll(async () => {
  await Promise.all(connections.map((r) => (r.status === 'end' ? undefined : r.quit().catch(() => undefined))));
});

/** A fresh key space per test, so tests never see each other's hosts. */
const prefix = () => `test-limiter-${randomUUID()}`;

async function rejection(promise: Promise<unknown>): Promise<HostUnavailableError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HostUnavailableError) return err;
    throw err;
  }
  throw new Error('expected acquire to give up');
}

describe('createHostLimiter', () => {
  it('never lets more than `concurrency` requests run at once across two workers', async () => {
    const options = { prefix: prefix(), concurrency: 2, intervalMs: 0 };
    const workers = [createHostLimiter(redisA, options), createHostLimiter(redisB, options)];
    let inFlight = 0;
    let maxInFlight = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const release = await workers[i % 2]!.acquire('news.example');
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(5);
        inFlight--;
        done++;
        await release();
      }),
    );
    expect(done).toBe(24);
    expect(maxInFlight).toBeLessThanOrEqual(2);
  });

  it('hands out exactly `concurrency` slots, and the next one once a slot comes back', async () => {
    const options = { prefix: prefix(), concurrency: 2, intervalMs: 0, maxWaitMs: 0 };
    const a = createHostLimiter(redisA, options);
    const b = createHostLimiter(redisB, options);
    const first = await a.acquire('news.example');
    await b.acquire('news.example');
    const busy = await rejection(b.acquire('news.example'));
    expect(busy.penalized).toBe(false);
    await first();
    await first(); // releasing twice gives back one slot, not two
    const third = await b.acquire('news.example');
    await rejection(a.acquire('news.example'));
    await third();
  });

  it('gives a host listed in `hosts` its own limits, and every other host the default', async () => {
    const limiter = createHostLimiter(redisA, {
      prefix: prefix(),
      concurrency: 1,
      intervalMs: 10_000,
      maxWaitMs: 0,
      hosts: { 'Newsroom.Local': { concurrency: 3, intervalMs: 0 } },
    });
    const ours = await Promise.all([1, 2, 3].map(() => limiter.acquire('newsroom.local')));
    expect((await rejection(limiter.acquire('newsroom.local'))).penalized).toBe(false);
    const theirs = await limiter.acquire('news.example');
    await rejection(limiter.acquire('news.example'));
    await Promise.all([...ours, theirs].map((release) => release()));
  });

  it('keeps hosts apart: a busy host never holds up the others', async () => {
    const limiter = createHostLimiter(redisA, { prefix: prefix(), concurrency: 1, intervalMs: 10_000, maxWaitMs: 0 });
    const releases = await Promise.all(Array.from({ length: 100 }, (_, i) => limiter.acquire(`site-${i}.example`)));
    expect(releases).toHaveLength(100);
    await Promise.all(releases.map((r) => r()));
  });

  it('spaces request starts on one host by `intervalMs`', async () => {
    const options = { prefix: prefix(), concurrency: 5, intervalMs: 30_000, maxWaitMs: 0 };
    const a = createHostLimiter(redisA, options);
    const b = createHostLimiter(redisB, options);
    await (await a.acquire('news.example'))();
    const tooSoon = await rejection(b.acquire('news.example'));
    expect(tooSoon.penalized).toBe(false);
    expect(tooSoon.retryAfterMs).toBeGreaterThan(20_000);
    await (await b.acquire('other.example'))();
  });

  it('honours a penalty set by another worker: the penalized host waits, others go first', async () => {
    const options = { prefix: prefix(), concurrency: 2, intervalMs: 0 };
    const a = createHostLimiter(redisA, options);
    const b = createHostLimiter(redisB, options);
    await b.penalize('slow.example', 1_000);
    const order: string[] = [];
    await Promise.all(
      ['slow.example', 'fast.example'].map(async (host) => {
        const release = await a.acquire(host);
        order.push(host);
        await release();
      }),
    );
    expect(order).toEqual(['fast.example', 'slow.example']);
  });

  it('gives up at once on a penalty longer than maxWaitMs, and a shorter penalty never shortens a longer one', async () => {
    const options = { prefix: prefix(), concurrency: 2, intervalMs: 0, maxWaitMs: 100 };
    const a = createHostLimiter(redisA, options);
    const b = createHostLimiter(redisB, options);
    await b.penalize('busy.example', 120_000);
    await b.penalize('busy.example', 1_000);
    const held = await rejection(a.acquire('busy.example'));
    expect(held.penalized).toBe(true);
    expect(held.retryAfterMs).toBeGreaterThan(100_000);
    await (await a.acquire('calm.example'))();
  });

  it('gets a crashed worker’s slot back once its lease lapses', async () => {
    const options = { prefix: prefix(), concurrency: 1, intervalMs: 0, leaseMs: 1_500 };
    const crashing = connect();
    const crashed = createHostLimiter(crashing, options);
    const survivor = createHostLimiter(redisB, { ...options, maxWaitMs: 10_000 });
    const neverReleased = await crashed.acquire('news.example');
    crashing.disconnect(); // the process dies: no release, no more lease renewals
    await rejection(createHostLimiter(redisB, { ...options, maxWaitMs: 0 }).acquire('news.example'));
    const release = await survivor.acquire('news.example');
    await release();
    await neverReleased().catch(() => {}); // stops the renewal timer; its Redis is gone
  });

  it('renews the lease of a slot held longer than the lease', async () => {
    const options = { prefix: prefix(), concurrency: 1, intervalMs: 0, leaseMs: 1_500 };
    const holder = createHostLimiter(redisA, options);
    const release = await holder.acquire('news.example');
    await sleep(3_200); // over two leases long
    await rejection(createHostLimiter(redisB, { ...options, maxWaitMs: 0 }).acquire('news.example'));
    await release();
    await (await createHostLimiter(redisB, { ...options, maxWaitMs: 0 }).acquire('news.example'))();
  });

  it('rejects nonsense options', () => {
    expect(() => createHostLimiter(redisA, { prefix: 'x', concurrency: 0, intervalMs: 0 })).toThrow(RangeError);
    expect(() => createHostLimiter(redisA, { prefix: 'x', concurrency: 1, intervalMs: -1 })).toThrow(RangeError);
  });
});
