import type { EventStore } from '@tally/event-store';
import { createGuardedPoster } from '@tally/http-fetch';
import { type Job, type Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { deliverWebhook } from './deliverWebhook.ts';
import { DeliveryLog } from './deliveryLog.ts';
import { createDeliveryQueue, type DeliveryRetry, WEBHOOK_QUEUE } from './deliveryQueue.ts';
import { type FigureChangeLike, type FigureChangeSource, WebhookDispatcher } from './WebhookDispatcher.ts';
import type { WebhookKey } from './WebhookKey.ts';

export interface DeliveryLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WebhookDeliveryOptions<C extends FigureChangeLike> {
  store: EventStore;
  /** A connection made for BullMQ (`maxRetriesPerRequest: null`). */
  redis: Redis;
  /** Queue and key prefix (config `QUEUE_PREFIX`). */
  prefix: string;
  changes: FigureChangeSource<C>;
  /** The deployment's key, or a function that finds it at the first delivery (`webhookKeyFor`). */
  key: WebhookKey | null | (() => WebhookKey | null);
  retry: DeliveryRetry;
  /** Deliveries in flight at once. @defaultValue 4 (config `WEBHOOK_CONCURRENCY`) */
  concurrency: number;
  http: {
    userAgent: string;
    connectTimeoutMs: number;
    /** A receiver must answer within this (config `WEBHOOK_TIMEOUT_MS`). */
    totalTimeoutMs: number;
    /** The SSRF allowlist (config `HTTP_ALLOW`). */
    allow: readonly string[];
  };
  log: DeliveryLogger;
  /** The clock signatures are dated by. @defaultValue Date.now */
  now?: () => number;
}

export interface WebhookDelivery {
  queue: Queue;
  dispatcher: WebhookDispatcher<FigureChangeLike>;
  worker: Worker;
  /** Stops dispatching and taking jobs; deliveries in flight finish (or go back to the queue). */
  close(): Promise<void>;
}

/**
 * The webhook stage: the dispatcher (figure changes to delivery jobs) and the delivery worker, in
 * this process. Safe to run in several processes at once: a job goes to one worker, and a change
 * dispatched twice is queued once.
 */
export function startWebhookDelivery<C extends FigureChangeLike>(o: WebhookDeliveryOptions<C>): WebhookDelivery {
  const queue = createDeliveryQueue(o.redis, o.prefix);
  const deliveries = new DeliveryLog(o.redis, o.prefix);
  const poster = createGuardedPoster(o.http);
  const deps = { store: o.store, key: o.key, poster, deliveries, retry: o.retry, now: o.now };
  const worker = new Worker(WEBHOOK_QUEUE, (job: Job) => deliverWebhook(deps, job), {
    connection: o.redis,
    prefix: o.prefix,
    concurrency: o.concurrency,
  });
  worker.on('error', (err) => o.log.error({ err, queue: WEBHOOK_QUEUE }, 'webhook worker error'));
  worker.on('failed', (job, err) =>
    o.log.warn(
      {
        queue: WEBHOOK_QUEUE,
        jobId: job?.id,
        webhookId: job?.data?.webhookId,
        attemptsMade: job?.attemptsMade,
        err: err.message,
      },
      'webhook delivery failed',
    ),
  );
  const dispatcher = new WebhookDispatcher({
    store: o.store,
    redis: o.redis,
    prefix: o.prefix,
    changes: o.changes,
    queue,
    retry: o.retry,
    log: o.log,
  });
  dispatcher.start();
  if (o.key === null) o.log.warn({}, 'no webhook key (WEBHOOK_SECRET_KEY): webhook deliveries are dead-lettered');
  return {
    queue,
    dispatcher: dispatcher as unknown as WebhookDispatcher<FigureChangeLike>,
    worker,
    async close() {
      await dispatcher.close();
      await worker.close();
      await queue.close();
      await poster.close();
    },
  };
}
