import { randomUUID } from 'node:crypto';
import { type EventStore, openEventStore } from '@tally/event-store';
import { seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DeliveryLog,
  deliveryJobId,
  type FigureChangeSource,
  registerWebhook,
  removeWebhook,
  startWebhookDelivery,
  type WebhookDelivery,
  WebhookKey,
} from '../src/index.ts';
import { type Receiver, startReceiver } from '../src/testing/index.ts';

const key = new WebhookKey('a test key of at least thirty-two characters');
const silent = { info() {}, warn() {}, error() {} };
let redis: Redis;
const open: { store: EventStore; delivery: WebhookDelivery | null; receiver: Receiver | null }[] = [];

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
});
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.delivery?.close();
    await o.receiver?.close();
    await o.store.close();
  }
});
afterAll(() => redis.disconnect());

/** Claims as figure changes (this package's tests need no duplicate verdicts). */
function claimChanges(store: EventStore): FigureChangeSource {
  return {
    advance: async () => {},
    async read(after, limit) {
      const head = await store.head();
      const page = await store.readAll({ after, limit, types: ['ClaimExtracted'] });
      return {
        changes: page.map((e) => ({ position: e.position, figureKeys: [(e.data as { figureKey: string }).figureKey] })),
        next: page.length < limit ? Math.max(head, page.at(-1)?.position ?? after) : page.at(-1)!.position,
      };
    },
  };
}

/** The seed scenario's log, one append per run of one stream's events. */
async function appendSeed(store: EventStore): Promise<void> {
  const entries = seedScenario().entries;
  for (let i = 0; i < entries.length; ) {
    const streamId = entries[i]!.streamId;
    const run = [];
    while (i < entries.length && entries[i]!.streamId === streamId) run.push(entries[i++]!.event);
    await store.append(streamId, run);
  }
}

/** One claim of the seed about `figureKey`, alone. */
async function appendClaim(store: EventStore, figureKey: string): Promise<void> {
  const claim = seedScenario().entries.find(
    (e) => e.event.type === 'ClaimExtracted' && e.event.data.figureKey === figureKey,
  )!;
  await store.append(claim.streamId, [claim.event]);
}

async function setUp(answer: (n: number) => number, options: { attempts: number; allowReceiver?: boolean }) {
  const store = await openEventStore({ dataDir: 'memory://' });
  const prefix = `webhook-test-${randomUUID().slice(0, 8)}`;
  const secret = `whsec_${randomUUID()}`;
  const receiver = await startReceiver(secret, answer);
  const entry: (typeof open)[number] = { store, delivery: null, receiver };
  open.push(entry);
  const allow = [`127.0.0.1:${receiver.port}`];
  const { webhook } = await registerWebhook(store, key, { url: receiver.url, pattern: 'aid:*', secret }, { allow });
  entry.delivery = startWebhookDelivery({
    store,
    redis,
    prefix,
    changes: claimChanges(store),
    key,
    retry: { attempts: options.attempts, delayMs: 20 },
    concurrency: 2,
    http: {
      userAgent: 'TallyTest/1',
      connectTimeoutMs: 2000,
      totalTimeoutMs: 5000,
      allow: options.allowReceiver === false ? [] : allow,
    },
    log: silent,
  });
  return { store, receiver, webhook, delivery: entry.delivery, deliveries: new DeliveryLog(redis, prefix) };
}

async function settled(deliveries: DeliveryLog, webhookId: string, done: (statuses: string[]) => boolean) {
  // Bounded by the test timeout; polls the delivery log as an operator would.
  for (;;) {
    const statuses = (await deliveries.recent(webhookId)).map((a) => a.status).reverse();
    if (done(statuses)) return statuses;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('webhook deliveries', () => {
  it('retries a receiver that fails 3 times, then delivers: same body and key, each signed', async () => {
    const { store, receiver, webhook, deliveries } = await setUp((n) => (n <= 3 ? 500 : 204), { attempts: 5 });
    await appendSeed(store);
    await receiver.waitFor(4);
    const statuses = await settled(deliveries, webhook.webhookId, (s) => s.includes('delivered'));
    expect(statuses).toEqual(['failed', 'failed', 'failed', 'delivered']);
    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 500, 204]);
    expect(receiver.received.every((r) => r.signatureOk)).toBe(true);
    expect(receiver.received.map((r) => r.attempt)).toEqual(['1', '2', '3', '4']);
    const keys = new Set(receiver.received.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    const first = receiver.received[0]!;
    expect(first.webhookId).toBe(webhook.webhookId);
    expect(first.body).toMatchObject({ type: 'figure.changed', figureKeys: [seedFigureKeys.usAid] });
    expect(String(first.body.position)).toBe(first.idempotencyKey);
    const logged = await deliveries.recent(webhook.webhookId);
    expect(logged[0]).toMatchObject({ status: 'delivered', attempt: 4, httpStatus: 204, retryInMs: null });
    expect(logged[3]).toMatchObject({ status: 'failed', attempt: 1, httpStatus: 500, retryInMs: 20 });
    expect(logged[2]).toMatchObject({ status: 'failed', attempt: 2, retryInMs: 40 });
  });

  it('dead-letters a delivery whose attempts run out, and keeps its job in the failed set', async () => {
    const { store, receiver, webhook, deliveries, delivery } = await setUp(() => 503, { attempts: 3 });
    await appendClaim(store, seedFigureKeys.usAid);
    const statuses = await settled(deliveries, webhook.webhookId, (s) => s.includes('dead'));
    expect(statuses).toEqual(['failed', 'failed', 'dead']);
    expect(receiver.received.length).toBe(3);
    const position = (await deliveries.recent(webhook.webhookId))[0]!.position;
    const job = await delivery.queue.getJob(deliveryJobId({ webhookId: webhook.webhookId, position }));
    expect(await job!.getState()).toBe('failed');
  });

  it('refuses to deliver to an address the guard refuses: dead at once, nothing sent', async () => {
    const { store, receiver, webhook, deliveries } = await setUp(() => 204, { attempts: 5, allowReceiver: false });
    await appendClaim(store, seedFigureKeys.usAid);
    const statuses = await settled(deliveries, webhook.webhookId, (s) => s.length > 0);
    expect(statuses).toEqual(['dead']);
    expect((await deliveries.recent(webhook.webhookId))[0]!.error).toMatch(/^refused-address/);
    expect(receiver.received.length).toBe(0);
  });

  it('delivers nothing after the webhook is removed, and nothing of figures its pattern does not match', async () => {
    const { store, receiver, webhook, delivery } = await setUp(() => 204, { attempts: 2 });
    await appendClaim(store, seedFigureKeys.containers);
    expect(await removeWebhook(store, webhook.webhookId, 'test')).toBe(true);
    expect(await removeWebhook(store, webhook.webhookId, 'test')).toBe(false);
    await appendClaim(store, seedFigureKeys.usAid);
    // The dispatcher has passed both claims once its position reaches the head.
    const head = await store.head();
    for (;;) {
      if ((await delivery.dispatcher.position()) >= head) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await delivery.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      completed: 0,
      failed: 0,
    });
    expect(receiver.received.length).toBe(0);
  });
});
