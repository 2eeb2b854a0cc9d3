import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');
/**
 * Per-host politeness: `host=concurrency[/intervalMs]`, comma-separated, e.g.
 * `news.example=8/250,wire.example=4`. An interval left out is 0.
 */
const hostLimits = z.string().transform((v, ctx) => {
  const limits: Record<string, { concurrency: number; intervalMs: number }> = {};
  for (const part of v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^\s=/]+)=(\d+)(?:\/(\d+))?$/.exec(part);
    const concurrency = Number(m?.[2]);
    if (!m?.[1] || !(concurrency > 0)) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not host=concurrency[/intervalMs] with concurrency ≥ 1` });
      return z.NEVER;
    }
    limits[m[1].toLowerCase()] = { concurrency, intervalMs: Number(m[3] ?? 0) };
  }
  return limits;
});
const list = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

/**
 * Tally's configuration: environment variables, parsed once at start-up. Every key is documented in
 * the README's configuration table; this schema is the one place that reads them.
 */
export const Config = z.object({
  /** Redis for queues, politeness and the dedupe index; unset = start a private redis-server. */
  REDIS_URL: z.string().url().optional(),
  /** PostgreSQL for the log; unset = the embedded log (PGlite) in TALLY_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded log and private servers keep their files. */
  TALLY_DATA_DIR: z.string().default('.tally'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * How logs are written to stderr. `auto`: short lines for people when stderr is a terminal (only
   * warnings and errors while `tally start` shows its own progress and status), JSON lines
   * otherwise (piped, containers); `json`: JSON lines always; `text`: short lines always.
   */
  LOG_FORMAT: z.enum(['auto', 'json', 'text']).default('auto'),
  /** Also append every record at LOG_LEVEL, as JSON lines, to this file (whatever LOG_FORMAT says). */
  LOG_FILE: z.string().optional(),
  /** Queue names are prefixed with this, so several Tally installs can share a Redis. */
  QUEUE_PREFIX: z.string().default('tally'),

  // --- API
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Bearer token for write routes, /events, the dashboard and metrics; unset = those routes refuse. */
  API_TOKEN: z.string().min(16).optional(),
  /** Whether read routes (/figures, /articles, /feeds) need the token too. */
  API_READS_NEED_TOKEN: bool.default(false),
  /**
   * With no API_TOKEN and API_HOST on loopback, whether /events, /metrics and the dashboard (Bull
   * Board included) are open to local requests: arrived on loopback from loopback, for a loopback
   * Host, with no forwarding header (Forwarded, X-Forwarded-*, X-Real-IP, Via). Turn it off when a
   * proxy on the same machine forwards to the API without such headers.
   */
  API_LOOPBACK_OPEN: bool.default(true),
  /** Largest request body accepted, in bytes. */
  API_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /**
   * Host names the API answers to besides loopback names and IP literals: `tally.example.org`,
   * `*.example.org` (any subdomain) or `*` (any host). A request naming another Host is refused
   * with 421, so a web page that points a name of its own at the API (DNS rebinding) cannot use it;
   * writes whose Origin is another site are refused too.
   */
  API_ALLOWED_HOSTS: list.default([]),
  /**
   * Addresses or CIDRs of reverse proxies in front of the API whose X-Forwarded-For / -Host /
   * -Proto are believed (the client's address then counts for per-client limits); empty = none.
   */
  API_TRUST_PROXY: list.default([]),
  /** A request's headers and body must have arrived within this many ms, else 408 and the connection closes. */
  API_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /**
   * A connection on which no byte moves either way for this many ms is closed: an idle keep-alive
   * connection, a client that stopped reading. Figure streams send heartbeats well within it.
   */
  API_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** Figure streams (SSE) open at once; more are refused with 429. */
  API_MAX_STREAMS: z.coerce.number().int().positive().default(100),
  /** Figure streams one client may hold at once: one address (a /64 for IPv6), or the token's holder. */
  API_MAX_STREAMS_PER_CLIENT: z.coerce.number().int().positive().default(8),
  /**
   * Requests one client may make per API_RATE_LIMIT_WINDOW_MS (the token's holder, else one address,
   * a /64 for IPv6), counted in Redis so every API process shares the count; over it, 429
   * `TALLY_ERR_RATE_LIMITED` with Retry-After. /healthz, /readyz and /metrics are not counted. 0 = no limit.
   */
  API_RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(1000),
  API_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /**
   * Origins whose pages may read the API from a browser (CORS), comma-separated
   * (`https://app.example`); empty = no CORS headers at all. Reads only: writes from another
   * origin stay refused.
   */
  API_CORS_ORIGINS: list.default([]),
  /**
   * Cache-Control max-age of read answers (figures, articles, feeds), in seconds; every answer
   * carries an ETag, so 0 (`no-cache`) means a client revalidates and gets 304 when nothing changed.
   */
  API_CACHE_MAX_AGE_SEC: z.coerce.number().int().min(0).default(0),
  /**
   * Shed load: while the event loop lags more than this many ms, requests are answered 503
   * `TALLY_ERR_OVERLOADED` with Retry-After (/readyz too, so a balancer steers away); /healthz and
   * /metrics still answer. 0 = never.
   */
  API_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Shed load as well while the event loop is busier than this share of the time (0–1); 0 = never. */
  API_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0),

  // --- metrics and health of every service
  /**
   * Serve `/metrics` (Prometheus text) and `/healthz` on this port, in every long-running `tally`
   * process (workers, api, start); unset = no such server. No token is asked there: keep it on
   * loopback (METRICS_HOST) or on a network only the scraper reaches.
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address the metrics server listens on. */
  METRICS_HOST: z.string().default('127.0.0.1'),

  // --- HTTP fetching (feeds and articles)
  HTTP_USER_AGENT: z.string().default('TallyBot/0.1 (+https://github.com/tally-news/tally)'),
  HTTP_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  HTTP_TOTAL_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  HTTP_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  HTTP_MAX_REDIRECTS: z.coerce.number().int().min(0).default(5),
  /** Max concurrent requests per host, shared by every worker through Redis. */
  HTTP_HOST_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** Min interval between requests to one host, in ms. */
  HTTP_HOST_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** Politeness of their own for some hosts, by host name without port: `news.example=8/250` (host=concurrency/intervalMs, comma-separated). */
  HTTP_HOST_LIMITS: hostLimits.default({}),
  /** Hosts or CIDR ranges the SSRF guard lets through although private (e.g. 127.0.0.1 for a local newsroom). */
  HTTP_ALLOW: list.default([]),
  /**
   * Whether article fetches obey robots.txt (RFC 9309) for the product token of HTTP_USER_AGENT
   * (`TallyBot`), Crawl-delay included. Turn it off only for private feeds whose sites you own or
   * have leave to fetch; feeds themselves are fetched either way (a subscription, not a crawl).
   */
  ROBOTS_TXT: bool.default(true),

  // --- polling
  POLL_MIN_INTERVAL_SEC: z.coerce.number().int().positive().default(300),
  POLL_MAX_INTERVAL_SEC: z.coerce.number().int().positive().default(86_400),
  POLL_MAX_BACKOFF_SEC: z.coerce.number().int().positive().default(86_400),
  /**
   * The address hubs reach this Tally's API at (e.g. `https://tally.example`): WebSub callbacks are
   * `<this>/websub/<feedId>`. Unset = no WebSub: every feed is polled, hubs or not.
   */
  WEBSUB_CALLBACK_URL: z.string().url().optional(),
  /** The lease asked of a hub (it may grant another); renewed once half of it is gone. */
  WEBSUB_LEASE_SEC: z.coerce.number().int().positive().default(864_000),
  /**
   * The least poll interval of a feed while its WebSub subscription is live: polling never stops
   * (it catches what a hub misses), it only slows down while the hub tells of new items.
   */
  WEBSUB_POLL_INTERVAL_SEC: z.coerce.number().int().positive().default(3600),
  /** Feeds file read at start-up (YAML: a list of {url, title?}). */
  FEEDS_FILE: z.string().optional(),

  // --- workers
  /**
   * Fetch jobs at once per fetcher process. A job mostly waits (on the page's server, the
   * extraction pool, the log), so it takes several per extraction thread to keep the pool busy: on
   * two cores 16 did 93 articles/s where 8 did 70 (the e2e bench); per-host limits keep it polite.
   */
  FETCH_CONCURRENCY: z.coerce.number().int().positive().default(16),
  ANALYZE_CONCURRENCY: z.coerce.number().int().positive().default(2),
  POLL_CONCURRENCY: z.coerce.number().int().positive().default(16),
  /** Extraction worker threads; 0 = one per core. */
  EXTRACT_THREADS: z.coerce.number().int().min(0).default(0),
  EXTRACT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),

  // --- webhooks
  /**
   * The key webhook secrets are sealed under in the log (any text of 32 characters or more; every
   * API and webhook worker process must have the same). Unset with the embedded log: a key file
   * `webhook.key` in TALLY_DATA_DIR, made once; unset with DATABASE_URL: webhooks cannot be registered.
   */
  WEBHOOK_SECRET_KEY: z.string().min(32).optional(),
  /** Attempts of one delivery before it is dead-lettered (the first included). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  /** Delay before the first retry; each later one doubles it. */
  WEBHOOK_RETRY_DELAY_MS: z.coerce.number().int().positive().default(5000),
  /** A receiver must answer within this many ms, else the attempt failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Deliveries in flight at once per webhook worker. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().positive().default(4),

  // --- dedupe
  DEDUPE_WINDOW_DAYS: z.coerce.number().positive().default(30),
  DEDUPE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
  /** Statements from different reports within this many days are one statement. */
  STATEMENT_WINDOW_DAYS: z.coerce.number().int().min(0).default(3),

  // --- demo
  NEWSROOM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SEEDS_DIR: z.string().optional(),
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n  ${issues.join('\n  ')}`);
  }
}

/** Parses configuration from the environment (or a given record), with overrides on top. */
export function loadConfig(
  overrides: Partial<Record<keyof Config, unknown>> = {},
  env: Record<string, string | undefined> = process.env,
): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Config.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) raw[k] = v;
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

/** The documentation of every key, for the README table and `tally config`. */
export function describeConfig(): { key: string; default: unknown }[] {
  const defaults = Config.parse({});
  return Object.keys(Config.shape).map((key) => ({ key, default: (defaults as Record<string, unknown>)[key] }));
}
