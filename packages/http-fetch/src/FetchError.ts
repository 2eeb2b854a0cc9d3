import { isPermanentReason, type ReasonCode } from '@tally/events';

/**
 * Why a fetch failed, as a reason code of the event catalog. `permanent` follows
 * `isPermanentReason(reason)`: a permanent failure is recorded once and never retried.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly reason: ReasonCode;
  /** The status of the response that failed, when one arrived. */
  readonly httpStatus: number | null;
  /** How long the server (or the host limiter) asked us to wait, when it said. */
  readonly retryAfterMs: number | null;
  readonly permanent: boolean;
  /** The URL of the hop that failed (after redirects, the last one tried). */
  readonly url: string;

  constructor(
    reason: ReasonCode,
    message: string,
    details: { url: string; httpStatus?: number | null; retryAfterMs?: number | null; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = reason;
    this.httpStatus = details.httpStatus ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.permanent = isPermanentReason(reason);
    this.url = details.url;
  }
}
