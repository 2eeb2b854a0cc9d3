import type { EventStore } from '@tally/event-store';
import { FetchError, type GuardedPoster } from '@tally/http-fetch';
import { type Job, UnrecoverableError } from 'bullmq';
import type { DeliveryAttempt, DeliveryLog } from './deliveryLog.ts';
import { DeliverWebhook, type DeliveryRetry, retryDelayMs } from './deliveryQueue.ts';
import { SealedSecretError, type WebhookKey } from './WebhookKey.ts';
import { getWebhook } from './webhookRegistry.ts';
import {
  ATTEMPT_HEADER,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  WEBHOOK_ID_HEADER,
} from './webhookSignature.ts';

export interface DeliveryDeps {
  store: EventStore;
  /**
   * Opens the secrets; null when the deployment has no webhook key (every delivery is
   * dead-lettered). A function is asked at the first delivery (a key file is made only when needed).
   */
  key: WebhookKey | null | (() => WebhookKey | null);
  poster: GuardedPoster;
  deliveries: DeliveryLog;
  retry: DeliveryRetry;
  /** The clock signatures are dated by. @defaultValue Date.now */
  now?: () => number;
}

/** Reasons no retry can mend: the delivery goes to the dead-letter state at once. */
const PERMANENT_FETCH_REASONS = new Set(['refused-address', 'invalid-url']);

/**
 * One attempt of one delivery: the body as dispatched, signed now (`Tally-Signature`), with the
 * change's log position as `Idempotency-Key`. A 2xx answer delivers it; anything else is recorded
 * and thrown, so BullMQ retries it with exponential backoff until the attempts run out (then the
 * job stays in the failed set: the dead-letter state). Every attempt is written to the delivery log.
 */
export async function deliverWebhook(deps: DeliveryDeps, job: Job): Promise<void> {
  const parsed = DeliverWebhook.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid deliverWebhook payload: ${parsed.error.message}`);
  const p = parsed.data;
  const attempt = job.attemptsMade + 1;
  const last = attempt >= (job.opts.attempts ?? 1);
  const now = deps.now ?? Date.now;
  const record = (entry: Pick<DeliveryAttempt, 'status' | 'httpStatus' | 'error' | 'durationMs'>) =>
    deps.deliveries.record({
      webhookId: p.webhookId,
      position: p.position,
      attempt,
      at: new Date(now()).toISOString(),
      retryInMs: entry.status === 'failed' ? retryDelayMs(deps.retry, attempt) : null,
      ...entry,
    });
  const dead = async (error: string): Promise<never> => {
    await record({ status: 'dead', httpStatus: null, error, durationMs: null });
    throw new UnrecoverableError(error);
  };

  const webhook = await getWebhook(deps.store, p.webhookId);
  if (!webhook || webhook.removedPosition !== null) {
    await record({ status: 'skipped', httpStatus: null, error: 'the webhook was removed', durationMs: null });
    return;
  }
  const key = typeof deps.key === 'function' ? deps.key() : deps.key;
  if (!key) return dead('no webhook key: set WEBHOOK_SECRET_KEY (the same in every process)');
  let secret: string;
  try {
    secret = key.open(webhook.sealedSecret, webhook.webhookId);
  } catch (err) {
    if (err instanceof SealedSecretError) return dead(err.message);
    throw err;
  }

  const headers = {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signatureHeader(secret, p.body, Math.floor(now() / 1000)),
    [IDEMPOTENCY_HEADER]: String(p.position),
    [WEBHOOK_ID_HEADER]: webhook.webhookId,
    [ATTEMPT_HEADER]: String(attempt),
  };
  let answer: { status: number; durationMs: number };
  try {
    answer = await deps.poster.post(webhook.url, p.body, headers);
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    const error = `${err.reason}: ${err.message}`;
    if (PERMANENT_FETCH_REASONS.has(err.reason)) return dead(error);
    await record({ status: last ? 'dead' : 'failed', httpStatus: null, error, durationMs: null });
    throw new Error(error);
  }
  if (answer.status >= 200 && answer.status < 300) {
    await record({ status: 'delivered', httpStatus: answer.status, error: null, durationMs: answer.durationMs });
    return;
  }
  const error = `the receiver answered ${answer.status}`;
  await record({ status: last ? 'dead' : 'failed', httpStatus: answer.status, error, durationMs: answer.durationMs });
  throw new Error(error);
}
