import type { EventStore } from '@tally/event-store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../apiErrors.ts';
import type { ApiMetrics } from '../metrics.ts';
import { HealthAnswer, ReadyAnswer } from '../schemas.ts';

export interface ReadinessOptions {
  /** Most events the projector may be behind the log head while the API counts as ready. */
  maxLag: number;
  /** How long each check may take. */
  timeoutMs: number;
  lag: () => Promise<number>;
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

async function check(fn: () => Promise<string | undefined>): Promise<{ ok: boolean; detail?: string }> {
  try {
    const detail = await fn();
    return detail === undefined ? { ok: true } : { ok: true, detail };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

export function healthRoutes(
  app: FastifyInstance,
  ports: { store: Pick<EventStore, 'head'>; redis: { ping(): Promise<string> } },
  metrics: ApiMetrics,
  readiness: ReadinessOptions,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['operations'], summary: 'The process is up', response: { 200: HealthAnswer } },
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Redis and the log answer, and the projector is not too far behind',
        description: `503 when Redis does not answer PING, the log does not answer, or the projector lags more than ${readiness.maxLag} events behind the log head.`,
        response: { 200: ReadyAnswer, 503: ReadyAnswer },
      },
    },
    async (_request, reply) => {
      const t = readiness.timeoutMs;
      const [redis, log, projector] = await Promise.all([
        check(async () => {
          const pong = await within(ports.redis.ping(), t, 'redis');
          if (pong !== 'PONG') throw new Error(`redis answered ${pong}`);
          return undefined;
        }),
        check(async () => `head at ${await within(ports.store.head(), t, 'the log')}`),
        check(async () => {
          const lag = await within(readiness.lag(), t, 'the projector checkpoint');
          if (lag > readiness.maxLag) throw new Error(`projector is ${lag} events behind (bound ${readiness.maxLag})`);
          return `${lag} events behind`;
        }),
      ]);
      const ready = redis.ok && log.ok && projector.ok;
      reply.code(ready ? 200 : 503);
      return { status: ready ? ('ready' as const) : ('not-ready' as const), checks: { redis, log, projector } };
    },
  );

  r.get(
    '/metrics',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics',
        security: [{ bearer: [] }],
        produces: ['text/plain'],
        response: { 200: z.string(), 401: ErrorBody },
      },
    },
    async (_request, reply) => {
      const text = await metrics.render();
      reply.type(metrics.registry.contentType);
      return text;
    },
  );
}
