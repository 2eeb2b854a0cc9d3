import { type ConnectionOptions, Queue } from 'bullmq';
import { z } from 'zod';

/**
 * The delivery job: one change for one webhook. Its id is the webhook and the change's log
 * position, so a change dispatched twice (a dispatcher restarted before it saved its position)
 * is queued once while its job is kept.
 */
export const DeliverWebhook = z.object({
  webhookId: z.string().min(1),
  /** Log position of the change: the delivery's idempotency key. */
  position: z.number().int().positive(),
  /** The JSON body, made once at dispatch: every attempt sends the same bytes. */
  body: z.string().min(2),
});
export type DeliverWebhook = z.infer<typeof DeliverWebhook>;

export const WEBHOOK_QUEUE = 'webhook';
export const DELIVER_JOB = 'deliverWebhook';

export interface DeliveryRetry {
  /**
   * Attempts before a delivery is dead-lettered (the first included).
   * @defaultValue 10 (config `WEBHOOK_MAX_ATTEMPTS`)
   */
  attempts: number;
  /**
   * The first retry's delay; each later one doubles it (BullMQ's exponential backoff): with 10
   * attempts from 5 s the last is about 43 minutes after the one before, 85 minutes after the first.
   * @defaultValue 5000 (config `WEBHOOK_RETRY_DELAY_MS`)
   */
  delayMs: number;
}

export function deliveryJobId(p: Pick<DeliverWebhook, 'webhookId' | 'position'>): string {
  return `wh_${p.webhookId}_${p.position}`;
}

/** The delay BullMQ waits before attempt `attempt + 1` after `attempt` failed. */
export function retryDelayMs(retry: DeliveryRetry, attempt: number): number {
  return Math.round(2 ** (attempt - 1) * retry.delayMs);
}

export function deliveryJobOptions(p: DeliverWebhook, retry: DeliveryRetry) {
  return {
    jobId: deliveryJobId(p),
    attempts: retry.attempts,
    backoff: { type: 'exponential' as const, delay: retry.delayMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    // The dead-letter state: failed jobs are kept a month, to be looked at and retried by hand.
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/** The delivery queue (Bull Board shows it beside the pipeline's). */
export function createDeliveryQueue(connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(WEBHOOK_QUEUE, { connection, prefix });
}
