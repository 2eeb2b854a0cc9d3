/** How every failure below the client becomes a `FetchError` with a catalog reason code. */
import type { ReasonCode } from '@tally/events';
import { FetchError } from './FetchError.ts';
import { RefusedAddressError } from './guardedLookup.ts';
import { BadContentEncodingError, BodyTooLargeError } from './readBody.ts';

const timeoutCodes = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'EAI_ADDRFAMILY']);

/** The total-timeout timer fired. */
export class TotalTimeout extends Error {
  override readonly name = 'TotalTimeout';
}

function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 4) return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((e as { cause?: unknown }).cause, depth + 1);
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const i of inner) visit(i, depth + 1);
  };
  visit(err, 0);
  return codes;
}

function findRefused(err: unknown): RefusedAddressError | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof RefusedAddressError) return e;
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) {
      const found = inner.find((i) => i instanceof RefusedAddressError);
      if (found) return found as RefusedAddressError;
    }
  }
  return null;
}

/** Maps whatever undici, node:net or the decoders threw to a FetchError. */
export function toFetchError(err: unknown, url: string, timedOut: boolean): FetchError {
  if (err instanceof FetchError) return err;
  if (timedOut || err instanceof TotalTimeout) {
    return new FetchError('timeout', `no complete response from ${url} within the time limit`, { url, cause: err });
  }
  const refused = findRefused(err);
  if (refused) return new FetchError('refused-address', refused.message, { url, cause: err });
  if (err instanceof BodyTooLargeError) return new FetchError('too-large', err.message, { url, cause: err });
  if (err instanceof BadContentEncodingError) return new FetchError('bad-encoding', err.message, { url, cause: err });
  const codes = codesOf(err);
  const message = err instanceof Error ? err.message : String(err);
  let reason: ReasonCode = 'internal';
  if (codes.some((c) => timeoutCodes.has(c))) reason = 'timeout';
  else if (codes.some((c) => dnsCodes.has(c))) reason = 'dns';
  else if (codes.length > 0) reason = 'connection'; // refused, reset, TLS, malformed HTTP, truncated body…
  return new FetchError(reason, `${url}: ${message}${codes.length ? ` (${codes[0]})` : ''}`, { url, cause: err });
}

export function statusError(status: number, url: string, retryAfterMs: number | null): FetchError {
  const details = { url, httpStatus: status, retryAfterMs };
  if (status === 404) return new FetchError('http-404', `${url} answered 404 Not Found`, details);
  if (status === 410) return new FetchError('http-410', `${url} answered 410 Gone`, details);
  if (status === 429) return new FetchError('http-429', `${url} answered 429 Too Many Requests`, details);
  // 408 means the server gave up waiting for our request: a transient timeout, not a verdict on the URL.
  if (status === 408) return new FetchError('timeout', `${url} answered 408 Request Timeout`, details);
  if (status >= 400 && status < 500) return new FetchError('http-4xx', `${url} answered ${status}`, details);
  if (status >= 500) return new FetchError('http-5xx', `${url} answered ${status}`, details);
  // 1xx leftovers, 3xx that are neither redirects nor 304: nothing usable came back.
  return new FetchError('malformed', `${url} answered ${status}, which carries no document`, details);
}
