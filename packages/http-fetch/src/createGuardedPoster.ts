import { lookup as dnsLookup } from 'node:dns';
import { Agent } from 'undici';
import { FetchError } from './FetchError.ts';
import { TotalTimeout, toFetchError } from './fetchErrors.ts';
import { createGuardedLookup } from './guardedLookup.ts';
import { compileAllowList } from './isRefusedAddress.ts';
import { refuseUrlAddress } from './refuseUrlAddress.ts';

export interface GuardedPosterOptions {
  /** Sent on every request. @defaultValue none: required (config `HTTP_USER_AGENT`) */
  userAgent: string;
  /** DNS plus TCP (and TLS) handshake budget, in ms. */
  connectTimeoutMs: number;
  /** Budget for the whole exchange, the answer's headers and drained body included, in ms. */
  totalTimeoutMs: number;
  /** The SSRF allowlist, as `HttpClientOptions.allow` reads it (config `HTTP_ALLOW`). @defaultValue [] */
  allow?: readonly string[];
  /** Resolver of the SSRF guard (tests map a made-up name to loopback). @defaultValue `dns.lookup` */
  lookup?: typeof dnsLookup;
}

export interface PostResult {
  /** Whatever status the server answered, 2xx or not: the caller decides what counts. */
  status: number;
  /** Network time of the exchange. */
  durationMs: number;
}

export interface GuardedPoster {
  /**
   * POSTs `body` to `url` under the same SSRF guard as every fetch: a refused address (private,
   * loopback, link-local, metadata) rejects with `FetchError('refused-address')` unless
   * allowlisted, and the socket connects to exactly the addresses the guard vetted. Redirects are
   * not followed (a 3xx is answered as it is). Transport failures reject with `FetchError`.
   */
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
  close(): Promise<void>;
}

/** The answer's body is read this far and dropped, so the connection can be reused. */
const DRAIN_LIMIT = 64 * 1024;

/** An HTTP client that sends (webhook deliveries) under the fetches' SSRF guard. */
export function createGuardedPoster(options: GuardedPosterOptions): GuardedPoster {
  if (!options.userAgent.trim()) throw new RangeError('userAgent must not be empty');
  const allow = compileAllowList(options.allow ?? []);
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs, lookup: createGuardedLookup(options.lookup ?? dnsLookup, allow) },
    headersTimeout: options.totalTimeoutMs,
    bodyTimeout: options.totalTimeoutMs,
    keepAliveTimeout: 4_000,
  });

  async function post(text: string, body: string, headers: Record<string, string>): Promise<PostResult> {
    let url: URL;
    try {
      url = new URL(text);
    } catch (err) {
      throw new FetchError('invalid-url', `not a URL: ${JSON.stringify(text.slice(0, 200))}`, {
        url: text,
        cause: err,
      });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('invalid-url', `only http and https URLs are used, not ${url.protocol}`, { url: url.href });
    }
    refuseUrlAddress(url, allow);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new TotalTimeout('total timeout'));
    }, options.totalTimeoutMs);
    const started = performance.now();
    try {
      const res = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { 'user-agent': options.userAgent, ...headers },
        body,
        signal: controller.signal,
      });
      await res.body.dump({ limit: DRAIN_LIMIT }).catch(() => {});
      return { status: res.statusCode, durationMs: Math.round(performance.now() - started) };
    } catch (err) {
      throw toFetchError(err, url.href, timedOut);
    } finally {
      clearTimeout(timer);
    }
  }

  return { post, close: () => agent.close() };
}
