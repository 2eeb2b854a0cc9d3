import type { EventStore } from '@tally/event-store';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DELIVER_JOB, type DeliverWebhook, type DeliveryRetry, deliveryJobOptions } from './deliveryQueue.ts';
import { compileFigurePattern, type FigurePattern } from './figurePattern.ts';
import { deliversAt, foldWebhooks, type Webhook } from './webhookRegistry.ts';

/** What a figure change must say for a webhook: where it is in the log and which figures it changes. */
export interface FigureChangeLike {
  position: number;
  figureKeys: string[];
}

/**
 * Where figure changes come from: the API's `FigureChangeFeed` (claims, and duplicate verdicts
 * with the figures they move, exactly as the figures projection decides them) fits as it is.
 */
export interface FigureChangeSource<C extends FigureChangeLike = FigureChangeLike> {
  /** Indexes the log up to its head. */
  advance(): Promise<void>;
  /** The changes after `after`, in log order; `next`: every change up to it has been returned. */
  read(after: number, limit: number): Promise<{ changes: C[]; next: number }>;
}

export interface DispatcherLogger {
  warn(obj: object, msg: string): void;
}

export interface WebhookDispatcherOptions<C extends FigureChangeLike> {
  store: EventStore;
  redis: Redis;
  /** Redis key prefix (config `QUEUE_PREFIX`). */
  prefix: string;
  changes: FigureChangeSource<C>;
  queue: Queue;
  retry: DeliveryRetry;
  log?: DispatcherLogger;
  /** Changes read per round. @defaultValue 500 */
  pageSize?: number;
}

/**
 * Follows the log's figure changes and queues a delivery for each webhook whose pattern matches a
 * changed figure, registered before the change and not removed by then. Its position is kept in
 * Redis beside the queue, saved after the round's jobs are queued: a dispatcher that dies between
 * the two queues the round again, and the job ids (webhook and log position) make that a no-op
 * while the jobs are kept. Deliveries are at least once; the position is the idempotency key.
 */
export class WebhookDispatcher<C extends FigureChangeLike> {
  readonly #o: WebhookDispatcherOptions<C>;
  readonly #positionKey: string;
  readonly #abort = new AbortController();
  readonly #patterns = new Map<string, FigurePattern>();
  #webhooks = new Map<string, Webhook>();
  #webhooksReadTo = 0;
  #running: Promise<void> | null = null;

  constructor(options: WebhookDispatcherOptions<C>) {
    this.#o = options;
    this.#positionKey = `${options.prefix}:webhooks:dispatched`;
  }

  /** The log position up to which changes have been dispatched. */
  async position(): Promise<number> {
    return Number(await this.#o.redis.get(this.#positionKey)) || 0;
  }

  #matches(webhook: Webhook, figureKeys: readonly string[]): string[] {
    let pattern = this.#patterns.get(webhook.webhookId);
    if (!pattern) {
      pattern = compileFigurePattern(webhook.pattern);
      this.#patterns.set(webhook.webhookId, pattern);
    }
    return figureKeys.filter(pattern);
  }

  /** One round: queues the deliveries of up to a page of changes. Answers whether the position moved. */
  async dispatchOnce(): Promise<{ queued: number; moved: boolean; position: number }> {
    const from = await this.position();
    // The head is read before the webhooks: a registration it covers is folded below.
    const head = await this.#o.store.head();
    const folded = await foldWebhooks(this.#o.store, this.#webhooks, this.#webhooksReadTo);
    this.#webhooks = folded.webhooks;
    this.#webhooksReadTo = folded.readTo;
    const live = [...this.#webhooks.values()].filter((w) => w.removedPosition === null || w.removedPosition > from);
    if (live.length === 0) {
      // No webhook can take a change up to the head: nothing to read.
      if (head > from) await this.#o.redis.set(this.#positionKey, String(head));
      return { queued: 0, moved: head > from, position: Math.max(head, from) };
    }
    await this.#o.changes.advance();
    const page = await this.#o.changes.read(from, this.#o.pageSize ?? 500);
    const jobs: { name: string; data: DeliverWebhook; opts: ReturnType<typeof deliveryJobOptions> }[] = [];
    for (const change of page.changes) {
      for (const webhook of live) {
        if (!deliversAt(webhook, change.position)) continue;
        const figureKeys = this.#matches(webhook, change.figureKeys);
        if (figureKeys.length === 0) continue;
        const body = JSON.stringify({
          type: 'figure.changed',
          webhookId: webhook.webhookId,
          position: change.position,
          idempotencyKey: String(change.position),
          figureKeys,
          change,
        });
        const data = { webhookId: webhook.webhookId, position: change.position, body };
        jobs.push({ name: DELIVER_JOB, data, opts: deliveryJobOptions(data, this.#o.retry) });
      }
    }
    if (jobs.length > 0) await this.#o.queue.addBulk(jobs);
    const moved = page.next > from;
    if (moved) await this.#o.redis.set(this.#positionKey, String(page.next));
    return { queued: jobs.length, moved, position: Math.max(page.next, from) };
  }

  /** Follows the log until closed; a failing round (the log or Redis away) is retried with backoff. */
  start(): void {
    if (this.#running || this.#abort.signal.aborted) return;
    this.#running = this.#follow();
  }

  async #follow(): Promise<void> {
    const signal = this.#abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const round = await this.dispatchOnce();
        failures = 0;
        if (!round.moved) await this.#o.store.waitForAppend(round.position, 30_000, signal);
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        this.#o.log?.warn({ err, failures }, 'webhook dispatch failed; retrying');
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
          signal.addEventListener('abort', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    }
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await this.#running;
  }
}
