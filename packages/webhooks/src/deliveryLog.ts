import type { Redis } from 'ioredis';

/**
 * One attempt of one delivery, as the delivery log shows it:
 * - `delivered`: the receiver answered 2xx;
 * - `failed`: it did not (or could not be reached); another attempt follows after `retryInMs`;
 * - `dead`: the last attempt failed, or the failure cannot pass by retrying (a refused address, a
 *   secret that cannot be opened): the delivery is in the dead-letter state, kept in the queue's
 *   failed set, where it can be retried by hand;
 * - `skipped`: the webhook was removed before the attempt.
 */
export interface DeliveryAttempt {
  webhookId: string;
  /** Log position of the change: the idempotency key, the same in every attempt. */
  position: number;
  attempt: number;
  status: 'delivered' | 'failed' | 'dead' | 'skipped';
  at: string;
  httpStatus: number | null;
  /** What went wrong (a status, a refused address, a timeout), never a secret. */
  error: string | null;
  durationMs: number | null;
  retryInMs: number | null;
}

/**
 * The delivery log of each webhook, newest first, in Redis beside the queue (a capped list per
 * webhook): deliveries are operations on the log's facts, not facts of their own, so they are not
 * appended to the log.
 */
export class DeliveryLog {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #keep: number;

  /** `keep`: attempts kept per webhook. @defaultValue 500 */
  constructor(redis: Redis, prefix: string, keep = 500) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#keep = keep;
  }

  #key(webhookId: string): string {
    return `${this.#prefix}:webhooks:${webhookId}:deliveries`;
  }

  async record(attempt: DeliveryAttempt): Promise<void> {
    const key = this.#key(attempt.webhookId);
    await this.#redis
      .multi()
      .lpush(key, JSON.stringify(attempt))
      .ltrim(key, 0, this.#keep - 1)
      .exec();
  }

  /** The latest attempts, newest first. */
  async recent(webhookId: string, limit = 100): Promise<DeliveryAttempt[]> {
    const items = await this.#redis.lrange(this.#key(webhookId), 0, Math.max(0, limit - 1));
    return items.map((s) => JSON.parse(s) as DeliveryAttempt);
  }

  async forget(webhookId: string): Promise<void> {
    await this.#redis.del(this.#key(webhookId));
  }
}
