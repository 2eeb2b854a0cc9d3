import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a delivery proves it comes from this Tally: the header `Tally-Signature: t=<unix seconds>,v1=<hex>`,
 * where `v1` is HMAC-SHA256 under the webhook's secret over `<t>.<raw body>` (Stripe's scheme). The
 * timestamp is signed with the body, so a receiver that refuses old timestamps refuses replays of
 * a captured delivery; several `v1` entries may appear (each is checked), so a secret can be
 * rotated without a gap.
 */
export const SIGNATURE_HEADER = 'tally-signature';
/** The log position of the change: the same in every attempt of one delivery. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const WEBHOOK_ID_HEADER = 'tally-webhook-id';
export const ATTEMPT_HEADER = 'tally-delivery-attempt';

/** How far a delivery's timestamp may be from the receiver's clock. @defaultValue 300 s */
export const DEFAULT_TOLERANCE_SEC = 300;

function hmacHex(secret: string, timestampSec: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSec}.${body}`, 'utf8').digest('hex');
}

/** The `Tally-Signature` value for a body sent at `timestampSec`. */
export function signatureHeader(secret: string, body: string, timestampSec: number): string {
  return `t=${timestampSec},v1=${hmacHex(secret, timestampSec, body)}`;
}

export type SignatureCheck =
  | { ok: true; timestampSec: number }
  | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a delivery as a receiver should: the header parses, its timestamp is within
 * `toleranceSec` of now, and one of its `v1` signatures is the body's under `secret` (compared in
 * constant time). `body` is the raw body as received, not a re-serialised parse of it.
 */
export function verifySignature(options: {
  header: string | undefined;
  body: string;
  secret: string;
  nowSec: number;
  toleranceSec?: number;
}): SignatureCheck {
  if (!options.header) return { ok: false, reason: 'malformed' };
  let timestampSec: number | null = null;
  const given: string[] = [];
  for (const part of options.header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) timestampSec = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) given.push(value);
  }
  if (timestampSec === null || given.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(options.nowSec - timestampSec) > (options.toleranceSec ?? DEFAULT_TOLERANCE_SEC)) {
    return { ok: false, reason: 'stale' };
  }
  const expected = Buffer.from(hmacHex(options.secret, timestampSec, options.body), 'hex');
  // Every entry is compared, matched or not: the time taken says nothing about which one matched.
  let matched = false;
  for (const v of given) matched = timingSafeEqual(Buffer.from(v, 'hex'), expected) || matched;
  return matched ? { ok: true, timestampSec } : { ok: false, reason: 'mismatch' };
}
