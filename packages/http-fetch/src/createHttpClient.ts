import { lookup as dnsLookup } from 'node:dns';
import { Agent } from 'undici';
import { type HostLimiter, HostUnavailableError } from './createHostLimiter.ts';
import { FetchError } from './FetchError.ts';
import { statusError, TotalTimeout, toFetchError } from './fetchErrors.ts';
import { createGuardedLookup } from './guardedLookup.ts';
import { compileAllowList } from './isRefusedAddress.ts';
import { contentCodings, readBody } from './readBody.ts';
import { refuseUrlAddress } from './refuseUrlAddress.ts';
import { flattenHeaders, parseCacheMaxAge, parseExpires, parseRetryAfter } from './responseHints.ts';

export interface HttpClientOptions {
  /**
   * Sent on every request, so site owners can see who polls them and how to reach us.
   * @defaultValue `'TallyBot/0.1 (+https://github.com/tally-news/tally)'` (config `HTTP_USER_AGENT`)
   */
  userAgent: string;
  /**
   * Budget for DNS resolution plus the TCP (and TLS) handshake of a new connection, in ms.
   * @defaultValue 10_000 (config `HTTP_CONNECT_TIMEOUT_MS`)
   */
  connectTimeoutMs: number;
  /**
   * Budget for the whole exchange, every redirect hop and the whole body included, in ms. Time
   * spent waiting for the host limiter is not counted. A body that stalls after its headers ends
   * here as `timeout`.
   * @defaultValue 30_000 (config `HTTP_TOTAL_TIMEOUT_MS`)
   */
  totalTimeoutMs: number;
  /**
   * Largest body accepted, counted both on the wire and after decompression.
   * @defaultValue 5_242_880 (5 MiB, config `HTTP_MAX_BODY_BYTES`)
   */
  maxBodyBytes: number;
  /**
   * Redirects followed before failing with `too-many-redirects`.
   * @defaultValue 5 (config `HTTP_MAX_REDIRECTS`)
   */
  maxRedirects: number;
  /**
   * Hosts / IPs / CIDRs allowed although private (SSRF allowlist): `newsroom.local`,
   * `*.internal.example`, `127.0.0.1`, `10.1.0.0/16`. A host-name entry lets that name through
   * whatever it resolves to; an IP or range lets those addresses through whatever name led there.
   * An entry with a port (`127.0.0.1:8080`, `newsroom.local:8080`) opens that port only, and an
   * `ip:port` entry only to URLs naming the address. Cloud metadata addresses open only to an entry
   * naming the exact address.
   * @defaultValue `[]` (config `HTTP_ALLOW`)
   */
  allow?: readonly string[];
  /**
   * Per-host politeness shared through Redis. The client takes a slot per hop, gives it back once
   * the body is read, and penalizes the host on 429 (Retry-After, else 60 s) and 503 with
   * Retry-After.
   * @defaultValue none (no politeness limits)
   */
  limiter?: HostLimiter;
  /**
   * Resolver used by the SSRF guard (called with `{ all: true }`); tests inject one that maps a
   * made-up name to 127.0.0.1.
   * @defaultValue `dns.lookup`
   */
  lookup?: typeof dnsLookup;
}

export interface HttpRequest {
  url: string;
  /** The ETag from the last response, sent as If-None-Match. */
  etag?: string | null;
  /** The Last-Modified from the last response, sent as If-Modified-Since. */
  lastModified?: string | null;
  /** @defaultValue `'*\/*'` */
  accept?: string;
  /** Overrides the client's `maxBodyBytes` for this request. */
  maxBodyBytes?: number;
  /**
   * A body over the cap is cut there (its first `maxBodyBytes` decoded bytes) instead of failing
   * with `too-large`: for documents read only up to a bound, as robots.txt is.
   * @defaultValue false
   */
  truncate?: boolean;
  /**
   * Called with each hop's URL (the first and every redirect target) before its request is sent or
   * a politeness slot taken; a `FetchError` it rejects with ends the request (robots.txt checks).
   */
  beforeHop?: (url: string) => Promise<void>;
}

export interface HttpResponse {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded body (content codings removed); empty on 304. */
  body: Buffer;
  /** 304: the resource did not change since `etag` / `lastModified`. */
  notModified: boolean;
  /** Each hop that redirected, in order: the URL that answered and its status. */
  redirects: { url: string; status: number }[];
  /** The final URL when every redirect of the chain was permanent (301/308), else null. */
  permanentRedirectTo: string | null;
  /** ETag of the final response; on a 304 without one, the ETag that was sent. */
  etag: string | null;
  /** Last-Modified of the final response; on a 304 without one, the date that was sent. */
  lastModified: string | null;
  contentType: string | null;
  retryAfterMs: number | null;
  /** Cache-Control max-age (else s-maxage) minus Age, in seconds. */
  cacheMaxAgeSec: number | null;
  /** Expires as an ISO date. */
  expiresAt: string | null;
  /** Network time of the whole exchange (all hops), host-limiter waits excluded. */
  durationMs: number;
}

export interface HttpClient {
  /** GETs a URL; resolves with a 2xx or 304 response, rejects with `FetchError` otherwise. */
  get(req: HttpRequest): Promise<HttpResponse>;
  /** Closes pooled connections once requests in flight finish. */
  close(): Promise<void>;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const permanentRedirectStatuses = new Set([301, 308]);
/** Penalty for a 429 that does not say how long to wait. */
const defaultTooManyRequestsPenaltyMs = 60_000;
/** Error bodies and redirect bodies are drained up to this much so the connection can be reused. */
const drainLimit = 64 * 1024;

function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (err) {
    throw new FetchError('invalid-url', `not a URL: ${JSON.stringify(text.slice(0, 200))}`, {
      url: text,
      cause: err,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('invalid-url', `only http and https URLs are fetched, not ${url.protocol}`, { url: url.href });
  }
  url.hash = '';
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase();
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  return value;
}

/**
 * An HTTP client for feeds and articles: conditional GET, decompression with a cap on decoded
 * size, redirects followed by hand with the SSRF guard on every hop, connect and total timeouts,
 * body caps, per-host politeness. Failures reject with `FetchError` carrying a catalog reason code.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const connectTimeoutMs = nonNegative('connectTimeoutMs', options.connectTimeoutMs);
  const totalTimeoutMs = nonNegative('totalTimeoutMs', options.totalTimeoutMs);
  const maxBodyBytes = nonNegative('maxBodyBytes', options.maxBodyBytes);
  const maxRedirects = nonNegative('maxRedirects', options.maxRedirects);
  if (!options.userAgent.trim()) throw new RangeError('userAgent must not be empty');
  const allow = compileAllowList(options.allow ?? []);
  const limiter = options.limiter ?? null;
  const agent = new Agent({
    connect: { timeout: connectTimeoutMs, lookup: createGuardedLookup(options.lookup ?? dnsLookup, allow) },
    headersTimeout: totalTimeoutMs,
    bodyTimeout: totalTimeoutMs,
    // Feeds and articles of one site come in bursts; idle sockets beyond a few seconds only cost.
    keepAliveTimeout: 4_000,
  });

  async function acquireSlot(url: URL): Promise<() => Promise<void>> {
    if (!limiter) return async () => {};
    try {
      return await limiter.acquire(hostOf(url));
    } catch (err) {
      if (err instanceof HostUnavailableError) {
        // A host under penalty told us (through an earlier 429/503) to back off: same meaning.
        throw new FetchError(err.penalized ? 'http-429' : 'timeout', err.message, {
          url: url.href,
          retryAfterMs: err.retryAfterMs,
          cause: err,
        });
      }
      throw err;
    }
  }

  async function penalize(url: URL, ms: number): Promise<void> {
    // Best effort: the fetch failure is what the caller must see, not a Redis hiccup on the way.
    await limiter?.penalize(hostOf(url), ms).catch(() => {});
  }

  async function get(req: HttpRequest): Promise<HttpResponse> {
    const bodyLimit = nonNegative('maxBodyBytes', req.maxBodyBytes ?? maxBodyBytes);
    let url = parseHttpUrl(req.url);
    const visited = new Set<string>([url.href]);
    const redirects: { url: string; status: number }[] = [];
    let networkMs = 0;

    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: req.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    // Validators go on every hop: they belong to the document at the end of the chain.
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;

    for (;;) {
      refuseUrlAddress(url, allow);

      if (req.beforeHop) {
        try {
          await req.beforeHop(url.href);
        } catch (err) {
          throw toFetchError(err, url.href, false);
        }
      }
      const release = await acquireSlot(url);
      const remaining = totalTimeoutMs - networkMs;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new TotalTimeout('total timeout'));
      }, remaining);
      const hopStarted = performance.now();
      try {
        const res = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers,
          signal: controller.signal,
          headersTimeout: Math.max(1, remaining),
          bodyTimeout: Math.max(1, remaining),
        });
        const status = res.statusCode;
        const resHeaders = flattenHeaders(res.headers);
        const retryAfterMs = parseRetryAfter(resHeaders['retry-after']);

        if (redirectStatuses.has(status)) {
          await res.body.dump({ limit: drainLimit }).catch(() => {});
          const location = resHeaders.location;
          if (!location) {
            throw new FetchError('malformed', `${url.href} answered ${status} without a Location`, {
              url: url.href,
              httpStatus: status,
            });
          }
          const next = parseHttpUrl(location, url);
          redirects.push({ url: url.href, status });
          if (visited.has(next.href)) {
            throw new FetchError('redirect-loop', `redirect loop: ${next.href} was already visited`, {
              url: url.href,
              httpStatus: status,
            });
          }
          if (redirects.length > maxRedirects) {
            throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects from ${req.url}`, {
              url: url.href,
              httpStatus: status,
            });
          }
          visited.add(next.href);
          url = next;
          continue;
        }

        if (status === 429 || (status === 503 && retryAfterMs !== null)) {
          await penalize(url, retryAfterMs ?? defaultTooManyRequestsPenaltyMs);
        }
        const notModified = status === 304;
        let body: Buffer = Buffer.alloc(0);
        if (status >= 200 && status < 300) {
          const declared = Number(resHeaders['content-length']);
          if (Number.isFinite(declared) && declared > bodyLimit && !req.truncate) {
            res.body.destroy();
            throw new FetchError('too-large', `${url.href} declares ${declared} bytes, over the ${bodyLimit} cap`, {
              url: url.href,
              httpStatus: status,
            });
          }
          body = await readBody(res.body, contentCodings(resHeaders['content-encoding']), bodyLimit, req.truncate);
        } else {
          await res.body.dump({ limit: drainLimit }).catch(() => {});
          if (!notModified) throw statusError(status, url.href, retryAfterMs);
        }

        const allPermanent = redirects.length > 0 && redirects.every((r) => permanentRedirectStatuses.has(r.status));
        return {
          status,
          url: url.href,
          headers: resHeaders,
          body,
          notModified,
          redirects,
          permanentRedirectTo: allPermanent ? url.href : null,
          etag: resHeaders.etag ?? (notModified ? (req.etag ?? null) : null),
          lastModified: resHeaders['last-modified'] ?? (notModified ? (req.lastModified ?? null) : null),
          contentType: resHeaders['content-type'] ?? null,
          retryAfterMs,
          cacheMaxAgeSec: parseCacheMaxAge(resHeaders['cache-control'], resHeaders.age),
          expiresAt: parseExpires(resHeaders.expires),
          durationMs: Math.round(networkMs + (performance.now() - hopStarted)),
        };
      } catch (err) {
        throw toFetchError(err, url.href, timedOut);
      } finally {
        clearTimeout(timer);
        networkMs += performance.now() - hopStarted;
        await release().catch(() => {});
      }
    }
  }

  return {
    get,
    close: () => agent.close(),
  };
}
