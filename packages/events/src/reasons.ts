import { z } from 'zod';

/**
 * Every failure the pipeline records carries one of these reason codes. Permanent reasons are never
 * retried; transient ones retry with backoff (see `isPermanentReason`).
 */
export const ReasonCode = z.enum([
  // network and HTTP
  'timeout',
  'dns',
  'connection',
  'refused-address',
  'too-many-redirects',
  'redirect-loop',
  'http-304',
  'http-404',
  'http-410',
  'http-429',
  'http-4xx',
  'http-5xx',
  'too-large',
  'bad-encoding',
  // robots.txt (RFC 9309): the site's robots.txt disallows the page to our product token, or could
  // not be read (5xx, timeout, network) and so disallows everything until it can
  'robots-disallowed',
  'robots-unavailable',
  // content
  'not-a-feed',
  'malformed',
  'not-html',
  'empty',
  'extract-timeout',
  'extract-error',
  'invalid-url',
  'internal',
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

const permanent: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'refused-address',
  'http-404',
  'http-410',
  'http-4xx',
  'too-large',
  'not-a-feed',
  'not-html',
  'empty',
  'invalid-url',
  'too-many-redirects',
  'redirect-loop',
  'extract-timeout',
  'robots-disallowed',
]);

/** A permanent failure is recorded once and never retried. */
export function isPermanentReason(reason: ReasonCode): boolean {
  return permanent.has(reason);
}
