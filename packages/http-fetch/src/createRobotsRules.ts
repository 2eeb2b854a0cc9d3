import robotsParserModule from 'robots-parser';
import type { HostLimiter } from './createHostLimiter.ts';
import type { HttpClient } from './createHttpClient.ts';
import { FetchError } from './FetchError.ts';

/** The parsed file, as `robots-parser` answers for it. */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}
// The package is CommonJS (`module.exports = function`), which its typings declare as a default
// export of the module object; at run time under ESM the default is the function itself.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

/** What robots.txt says about one origin, and until when we believe it. */
type RobotsEntry =
  | { kind: 'rules'; robot: Robot; expiresAt: number }
  /** No robots.txt (4xx) or none usable (a redirect loop, a refused address): everything is allowed. */
  | { kind: 'allow-all'; expiresAt: number; why: string }
  /** robots.txt could not be read (5xx, 429, timeout, network): everything is disallowed for now. */
  | { kind: 'unavailable'; expiresAt: number; why: string; httpStatus: number | null };

export interface RobotsRulesOptions {
  /** Fetches robots.txt: the same client as the pages, so the SSRF guard, timeouts and politeness hold. */
  http: HttpClient;
  /**
   * The product token matched against `User-agent:` lines (case-insensitive), e.g. `TallyBot`;
   * groups for `*` apply when no group names it. See `productToken`.
   */
  userAgent: string;
  /** Where a group's `Crawl-delay` goes, so it spaces every worker's requests to the host. */
  limiter?: HostLimiter;
  /**
   * robots.txt is read up to this many bytes and the rest ignored (RFC 9309 asks for at least
   * 500 KiB to be parsed).
   * @defaultValue 512_000
   */
  maxBytes?: number;
  /**
   * Bounds on how long a robots.txt is believed, whatever its Cache-Control or Expires say
   * (`no-cache` and `no-store` count as the lower bound): RFC 9309 asks crawlers not to use a
   * cached copy for more than 24 hours.
   * @defaultValue 60_000 and 86_400_000
   */
  minTtlMs?: number;
  maxTtlMs?: number;
  /**
   * How long a robots.txt without caching headers is believed.
   * @defaultValue 86_400_000 (24 h)
   */
  defaultTtlMs?: number;
  /**
   * How long an unreadable robots.txt (5xx, timeout) keeps the origin disallowed before it is asked
   * for again: short, so a blip costs a retry or two, not a day.
   * @defaultValue 10_000
   */
  unavailableTtlMs?: number;
  /**
   * Origins kept at once; the least recently used is forgotten first.
   * @defaultValue 2000
   */
  maxOrigins?: number;
  /** @defaultValue `Date.now` */
  now?: () => number;
}

/** The robots.txt policy of a fetching process: one cache per process, owned by the stage that fetches. */
export interface RobotsRules {
  /**
   * Resolves when `url` may be fetched. Rejects with a `FetchError`: `robots-disallowed` (the
   * origin's robots.txt disallows it to our token; permanent) or `robots-unavailable` (the
   * origin's robots.txt could not be read; transient). Fits `HttpRequest.beforeHop`.
   */
  check(url: string): Promise<void>;
  /** Drops every cached robots.txt. */
  clear(): void;
}

/** The product token of a User-Agent: what stands before its first `/` or space (`TallyBot/0.1 (+…)` → `TallyBot`). */
export function productToken(userAgent: string): string {
  const token = /^[^\s/]+/.exec(userAgent.trim())?.[0];
  if (!token) throw new RangeError(`no product token in the User-Agent ${JSON.stringify(userAgent)}`);
  return token;
}

/** 4xx other than 429, and failures that mean "no usable robots.txt" rather than "try again". */
const allowAllReasons = new Set(['http-404', 'http-410', 'http-4xx', 'too-many-redirects', 'redirect-loop']);

/**
 * robots.txt per origin (scheme, host and port, as RFC 9309 scopes it), parsed by `robots-parser`
 * and cached with the expiry its HTTP caching gives, within bounds. A 2xx is obeyed; a 4xx (no
 * robots.txt) allows everything; a 5xx, 429, timeout or network failure disallows everything
 * until it can be read, except that an earlier copy stays in force while it cannot. A group's
 * `Crawl-delay` (capped by the limiter) widens the host's interval for as long as the copy is
 * believed. Concurrent checks of one origin share one fetch.
 */
export function createRobotsRules(options: RobotsRulesOptions): RobotsRules {
  const token = productToken(options.userAgent);
  const maxBytes = options.maxBytes ?? 512_000;
  const minTtlMs = options.minTtlMs ?? 60_000;
  const maxTtlMs = options.maxTtlMs ?? 86_400_000;
  const defaultTtlMs = Math.min(Math.max(options.defaultTtlMs ?? 86_400_000, minTtlMs), maxTtlMs);
  const unavailableTtlMs = options.unavailableTtlMs ?? 10_000;
  const maxOrigins = Math.max(1, options.maxOrigins ?? 2000);
  const now = options.now ?? Date.now;
  const cache = new Map<string, RobotsEntry>();
  const inFlight = new Map<string, Promise<RobotsEntry>>();

  function remember(origin: string, entry: RobotsEntry): RobotsEntry {
    cache.delete(origin);
    cache.set(origin, entry);
    while (cache.size > maxOrigins) cache.delete(cache.keys().next().value as string);
    return entry;
  }

  function ttlOf(headers: Record<string, string>, cacheMaxAgeSec: number | null, expiresAt: string | null): number {
    let ttl = defaultTtlMs;
    if (/\b(no-cache|no-store)\b/i.test(headers['cache-control'] ?? '')) ttl = minTtlMs;
    else if (cacheMaxAgeSec !== null) ttl = cacheMaxAgeSec * 1000;
    else if (expiresAt !== null) ttl = Date.parse(expiresAt) - now();
    return Math.min(Math.max(ttl, minTtlMs), maxTtlMs);
  }

  async function load(origin: string, previous: RobotsEntry | undefined): Promise<RobotsEntry> {
    const robotsUrl = `${origin}/robots.txt`;
    const host = new URL(origin).hostname.toLowerCase();
    let entry: RobotsEntry;
    try {
      const res = await options.http.get({
        url: robotsUrl,
        accept: 'text/plain',
        maxBodyBytes: maxBytes,
        truncate: true,
      });
      const ttl = ttlOf(res.headers, res.cacheMaxAgeSec, res.expiresAt);
      // Rules are scoped to the origin asked, wherever a redirect found the file.
      const robot = robotsParser(robotsUrl, res.body.toString('utf8'));
      entry = { kind: 'rules', robot, expiresAt: now() + ttl };
      const delaySec = robot.getCrawlDelay(token);
      await options.limiter
        ?.slowDown(host, typeof delaySec === 'number' && delaySec > 0 ? delaySec * 1000 : 0, ttl)
        .catch(() => {
          // Best effort, as penalties are: the page's fetch must not fail over a Redis hiccup.
        });
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      if (allowAllReasons.has(err.reason) || err.reason === 'refused-address' || err.reason === 'invalid-url') {
        entry = { kind: 'allow-all', expiresAt: now() + defaultTtlMs, why: `${robotsUrl}: ${err.reason}` };
      } else if (previous && previous.kind !== 'unavailable') {
        // RFC 9309 §2.4: a crawler may keep using its cached copy while robots.txt is unreachable.
        entry = { ...previous, expiresAt: now() + unavailableTtlMs };
      } else {
        entry = {
          kind: 'unavailable',
          expiresAt: now() + unavailableTtlMs,
          why: `${err.reason}: ${err.message}`,
          httpStatus: err.httpStatus,
        };
      }
    }
    return remember(origin, entry);
  }

  async function entryFor(origin: string): Promise<RobotsEntry> {
    const cached = cache.get(origin);
    if (cached && cached.expiresAt > now()) {
      // Most recently used last, so eviction takes the coldest origin.
      cache.delete(origin);
      cache.set(origin, cached);
      return cached;
    }
    let pending = inFlight.get(origin);
    if (!pending) {
      pending = load(origin, cached).finally(() => inFlight.delete(origin));
      inFlight.set(origin, pending);
    }
    return pending;
  }

  async function check(url: string): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return; // the client refuses it with invalid-url itself
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
    if (parsed.pathname === '/robots.txt') return;
    const entry = await entryFor(parsed.origin);
    if (entry.kind === 'allow-all') return;
    if (entry.kind === 'unavailable') {
      throw new FetchError(
        'robots-unavailable',
        `${parsed.origin}/robots.txt could not be read (${entry.why}); the site counts as disallowed until it can be`,
        { url, httpStatus: entry.httpStatus },
      );
    }
    // robots-parser answers undefined for a URL of another origin, which cannot happen here.
    if (entry.robot.isAllowed(url, token) === false) {
      const line = entry.robot.getMatchingLineNumber(url, token);
      throw new FetchError(
        'robots-disallowed',
        `${parsed.origin}/robots.txt disallows ${parsed.pathname}${parsed.search} to ${token}${line > 0 ? ` (line ${line})` : ''}`,
        { url },
      );
    }
  }

  return {
    check,
    clear: () => cache.clear(),
  };
}
