import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** Per-host politeness shared by every worker through Redis. */
export interface HostLimiter {
  /**
   * Waits for a request slot on `host` (concurrency, min interval between starts, penalties) and
   * returns the function that gives it back. Rejects with `HostUnavailableError` when the wait
   * would exceed `maxWaitMs`.
   */
  acquire(host: string): Promise<() => Promise<void>>;
  /** Blocks `host` for `ms` from now (e.g. its Retry-After); a shorter penalty never shortens a longer one. */
  penalize(host: string, ms: number): Promise<void>;
  /**
   * Spaces request starts on `host` at least `intervalMs` apart for the next `forMs` (the host's
   * robots.txt `Crawl-delay`, for as long as that robots.txt is cached), on top of the configured
   * interval: the larger of the two holds. Every process sharing the Redis and prefix sees it.
   * A later call replaces an earlier one; 0 lifts it.
   */
  slowDown(host: string, intervalMs: number, forMs: number): Promise<void>;
}

export interface HostLimiterOptions {
  /** Key prefix, so several installs (and tests) can share one Redis. */
  prefix: string;
  /** Max requests in flight per host, across all workers. */
  concurrency: number;
  /** Min time between two request starts on one host, in ms (0 = none). */
  intervalMs: number;
  /**
   * Limits of their own for some hosts (by host name, case-insensitive): a host of ours that takes
   * any load (a local newsroom, a partner's API) gets more than the polite default, which still
   * holds for everyone else. What an entry leaves out comes from `concurrency` and `intervalMs`.
   * @defaultValue none
   */
  hosts?: Readonly<Record<string, HostLimit>>;
  /**
   * A slot's lease: a worker renews it while it holds the slot, so a crashed worker's slot comes
   * back after at most this long.
   * @defaultValue 30_000
   */
  leaseMs?: number;
  /**
   * Longest `acquire` waits before rejecting with `HostUnavailableError`, so a queue job can be
   * rescheduled instead of holding a worker while a host asked for an hour of quiet.
   * @defaultValue 60_000
   */
  maxWaitMs?: number;
  /**
   * Longest penalty `penalize` sets, whatever Retry-After said.
   * @defaultValue 86_400_000 (24 h)
   */
  maxPenaltyMs?: number;
  /**
   * Longest interval `slowDown` sets, whatever Crawl-delay said: a host asking for minutes between
   * requests gets this, so a queue job still finds a slot within `maxWaitMs`.
   * @defaultValue 30_000
   */
  maxSlowDownMs?: number;
}

/** One host's politeness. */
export interface HostLimit {
  /** Max requests in flight on the host, across all workers. */
  concurrency?: number;
  /** Min time between two request starts on the host, in ms (0 = none). */
  intervalMs?: number;
}

/** `acquire` gave up: the host is penalized for longer than `maxWaitMs`, or stayed busy that long. */
export class HostUnavailableError extends Error {
  override readonly name = 'HostUnavailableError';
  constructor(
    readonly host: string,
    /** How long until the host may take requests again, when known (a penalty); else a guess. */
    readonly retryAfterMs: number,
    /** True when the host asked us to back off (429/503 Retry-After), false when it was just busy. */
    readonly penalized: boolean,
  ) {
    super(
      penalized
        ? `host ${host} asked to back off for another ${retryAfterMs} ms`
        : `no request slot on host ${host} within the wait limit`,
    );
  }
}

// Time comes from the Redis server (TIME), so workers with skewed clocks still agree.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: slots (zset token -> lease expiry), next start, penalty until, slow-down interval.
 * ARGV: token, concurrency, intervalMs, leaseMs. The interval is the larger of ARGV's and the
 * slow-down's (a host's Crawl-delay).
 * Returns {granted (1/0), wait ms (-1 = unknown: all slots taken), penalized (1/0)}.
 */
const ACQUIRE = `${NOW}
local penalty = tonumber(redis.call('GET', KEYS[3]) or '0')
if penalty > now then return {0, penalty - now, 1} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return {0, -1, 0} end
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextStart > now then return {0, nextStart - now, 0} end
local lease = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease * 2)
local interval = math.max(tonumber(ARGV[3]), tonumber(redis.call('GET', KEYS[4]) or '0'))
if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return {1, 0, 0}`;

/** KEYS: slots. ARGV: token, leaseMs. Extends the lease if the slot is still held. */
const RENEW = `${NOW}
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return 1`;

/** KEYS: penalty until. ARGV: ms. Keeps the later of the current and the new penalty. */
const PENALIZE = `${NOW}
local ms = tonumber(ARGV[1])
local untilMs = now + ms
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], untilMs, 'PX', ms) end
return 1`;

/** KEYS: slow-down interval. ARGV: interval ms, for ms. */
const SLOW_DOWN = `local interval = tonumber(ARGV[1])
if interval <= 0 then redis.call('DEL', KEYS[1]) return 1 end
redis.call('SET', KEYS[1], interval, 'PX', tonumber(ARGV[2]))
return 1`;

interface Script {
  source: string;
  sha: string;
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

const scripts = {
  acquire: script(ACQUIRE),
  renew: script(RENEW),
  penalize: script(PENALIZE),
  slowDown: script(SLOW_DOWN),
};

/** EVALSHA, loading the script on NOSCRIPT (a restarted or flushed Redis). */
async function run(redis: Redis, s: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await redis.evalsha(s.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
    return redis.eval(s.source, keys.length, ...keys, ...args);
  }
}

function atLeast(name: string, value: number, min: number): number {
  if (Number.isNaN(value) || value < min) throw new RangeError(`${name} must be a number ≥ ${min}, got ${value}`);
  return value;
}

/**
 * A host limiter on Redis: at most `concurrency` requests in flight per host and at least
 * `intervalMs` between request starts, across every process sharing the Redis and prefix. Acquire
 * is one Lua script (atomic); waiters sleep the known remaining interval or back off (10 ms doubling
 * to 250 ms, jittered) while all slots are taken, so nobody spins. Waiters are not queued: under
 * contention a slot goes to whoever asks first after it frees, which is fair enough for politeness.
 * Keys expire on their own, so thousands of hosts leave nothing behind. A host's robots.txt
 * `Crawl-delay` comes in through `slowDown` and widens its interval while it lasts.
 */
export function createHostLimiter(redis: Redis, options: HostLimiterOptions): HostLimiter {
  const concurrency = atLeast('concurrency', options.concurrency, 1);
  const intervalMs = Math.round(atLeast('intervalMs', options.intervalMs, 0));
  const leaseMs = Math.round(atLeast('leaseMs', options.leaseMs ?? 30_000, 100));
  const maxWaitMs = atLeast('maxWaitMs', options.maxWaitMs ?? 60_000, 0);
  const maxPenaltyMs = atLeast('maxPenaltyMs', options.maxPenaltyMs ?? 86_400_000, 1);
  const maxSlowDownMs = atLeast('maxSlowDownMs', options.maxSlowDownMs ?? 30_000, 0);
  const limits = new Map<string, { concurrency: number; intervalMs: number }>();
  for (const [host, limit] of Object.entries(options.hosts ?? {})) {
    limits.set(host.toLowerCase(), {
      concurrency: atLeast(`concurrency of ${host}`, limit.concurrency ?? concurrency, 1),
      intervalMs: Math.round(atLeast(`intervalMs of ${host}`, limit.intervalMs ?? intervalMs, 0)),
    });
  }
  const limitOf = (host: string) => limits.get(host.toLowerCase()) ?? { concurrency, intervalMs };
  // The host sits in braces (a Redis Cluster hash tag) so one host's keys share a slot.
  const keys = (host: string) => {
    const base = `${options.prefix}:host:{${host.toLowerCase()}}`;
    return { slots: `${base}:slots`, next: `${base}:next`, penalty: `${base}:penalty`, delay: `${base}:delay` };
  };

  async function acquire(host: string): Promise<() => Promise<void>> {
    const k = keys(host);
    const limit = limitOf(host);
    const token = randomUUID();
    const started = Date.now();
    let backoff = 10;
    for (;;) {
      const [granted, wait, penalized] = (await run(
        redis,
        scripts.acquire,
        [k.slots, k.next, k.penalty, k.delay],
        [token, limit.concurrency, limit.intervalMs, leaseMs],
      )) as [number, number, number];
      if (granted === 1) break;
      const waited = Date.now() - started;
      if (penalized === 1 && waited + wait > maxWaitMs) throw new HostUnavailableError(host, wait, true);
      if (waited >= maxWaitMs) throw new HostUnavailableError(host, wait > 0 ? wait : backoff, false);
      let delay: number;
      if (wait >= 0) {
        delay = wait + Math.random() * 5;
      } else {
        delay = backoff * (0.5 + Math.random() / 2);
        backoff = Math.min(backoff * 2, 250);
      }
      await sleep(Math.max(1, Math.min(delay, maxWaitMs - waited + 1)));
    }

    // Renew the lease while the slot is held; a dead process stops renewing and the lease lapses.
    const renewal = setInterval(
      () => {
        run(redis, scripts.renew, [k.slots], [token, leaseMs]).catch(() => {
          // A failed renewal only shortens the lease; the request itself is unaffected.
        });
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    renewal.unref();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      clearInterval(renewal);
      await redis.zrem(k.slots, token);
    };
  }

  async function penalize(host: string, ms: number): Promise<void> {
    const bounded = Math.round(Math.min(Math.max(ms, 0), maxPenaltyMs));
    if (bounded <= 0) return;
    await run(redis, scripts.penalize, [keys(host).penalty], [bounded]);
  }

  async function slowDown(host: string, intervalMs: number, forMs: number): Promise<void> {
    const interval = Math.round(Math.min(Math.max(intervalMs, 0), maxSlowDownMs));
    const lifetime = Math.round(Math.max(forMs, 1));
    await run(redis, scripts.slowDown, [keys(host).delay], [interval, lifetime]);
  }

  return { acquire, penalize, slowDown };
}
