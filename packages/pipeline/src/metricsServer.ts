import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@tally/logger';
import type { Runtime } from './runtime.ts';

export interface HealthCheck {
  ok: boolean;
  detail?: string;
}

export interface HealthReport {
  status: 'ok' | 'failing';
  checks: Record<string, HealthCheck>;
}

export interface MetricsServerOptions {
  host: string;
  /** 0 = a free port (its address is in `url`). */
  port: number;
  /** The exposition text of this process's metrics. */
  render: () => Promise<string>;
  /** The Content-Type of what `render` makes (the registry's). */
  contentType: string;
  /** Whether the process can do its work; `/healthz` answers 503 when a check fails. */
  health: () => Promise<HealthReport>;
  log: Logger;
}

export interface MetricsServer {
  /** `http://host:port`, as bound. */
  url: string;
  close(): Promise<void>;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

async function check(fn: () => Promise<string>): Promise<HealthCheck> {
  try {
    return { ok: true, detail: await fn() };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

/** What every stage depends on: Redis answers PING and the log answers, each within `timeoutMs`. */
export async function runtimeHealth(rt: Runtime, timeoutMs = 2000): Promise<HealthReport> {
  const [redis, log] = await Promise.all([
    check(async () => {
      const pong = await within(rt.redis.ping(), timeoutMs, 'redis');
      if (pong !== 'PONG') throw new Error(`redis answered ${pong}`);
      return 'PONG';
    }),
    check(async () => `head at ${await within(rt.store.head(), timeoutMs, 'the log')}`),
  ]);
  return { status: redis.ok && log.ok ? 'ok' : 'failing', checks: { redis, log } };
}

/**
 * A small HTTP server beside a service's work: `GET /metrics` (Prometheus text) and `GET /healthz`
 * (JSON; 200 while every check passes, else 503). Plain `node:http`, not the API's Fastify app:
 * a worker has no routes otherwise, and a scrape must not go through the API's auth or host
 * guards. It asks for no token, so it listens where only the scraper reaches (loopback by default).
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { log } = options;
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/metrics') {
      const text = await options.render();
      res.writeHead(200, { 'content-type': options.contentType }).end(req.method === 'HEAD' ? undefined : text);
    } else if (path === '/healthz') {
      const report = await options.health();
      res
        .writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' })
        .end(req.method === 'HEAD' ? undefined : `${JSON.stringify(report)}\n`);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: /metrics and /healthz are served here\n');
    }
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      log.error({ err, url: req.url }, 'metrics server could not answer');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
