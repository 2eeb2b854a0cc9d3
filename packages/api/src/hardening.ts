import cors from '@fastify/cors';
import etag from '@fastify/etag';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { Config } from '@tally/config';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { ApiError } from './apiErrors.ts';
import type { Authenticator } from './auth.ts';

type HardeningSettings = Pick<
  Config,
  | 'QUEUE_PREFIX'
  | 'API_READS_NEED_TOKEN'
  | 'API_RATE_LIMIT_MAX'
  | 'API_RATE_LIMIT_WINDOW_MS'
  | 'API_CORS_ORIGINS'
  | 'API_CACHE_MAX_AGE_SEC'
  | 'API_MAX_EVENT_LOOP_DELAY_MS'
  | 'API_MAX_EVENT_LOOP_UTILIZATION'
>;

/** Routes that answer under load and are never rate limited: a supervisor's and a scraper's. */
const OPERATIONS_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
/** Routes that answer even while load is shed: the process is alive, and its metrics say why it sheds. */
const NEVER_SHED = new Set(['/healthz', '/metrics']);

/**
 * The content security policy of every page: the dashboard's pages have one inline stylesheet and
 * no script; Bull Board and the API docs load their scripts and styles from this origin. Nothing
 * from elsewhere, no framing, no plugins, and no `upgrade-insecure-requests` (the local demo is
 * plain HTTP on loopback).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export interface HardeningPorts {
  /**
   * Redis the rate limit counts in, shared by every API process; the counting uses a connection
   * of its own made from it, one that fails fast when Redis is away (requests then pass). Null:
   * counts kept in this process.
   */
  redis: Redis | null;
  auth: Authenticator;
}

/**
 * The Fastify plugins people expect of a public API, registered before any route (rate limiting
 * hooks each route as it is added):
 * - `@fastify/helmet`: security headers and the CSP above;
 * - `@fastify/cors`: only for API_CORS_ORIGINS, reads only; off when none is configured;
 * - `@fastify/rate-limit`: per token holder, else per address (a /64 for IPv6), counted in Redis;
 *   429 `TALLY_ERR_RATE_LIMITED`. When Redis does not answer, requests pass (availability first);
 * - `@fastify/under-pressure`: 503 `TALLY_ERR_OVERLOADED` while the event loop lags;
 * - `@fastify/etag` and a Cache-Control on read answers: clients revalidate and get 304.
 */
export async function registerHardening(
  app: FastifyInstance,
  ports: HardeningPorts,
  config: HardeningSettings,
): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });

  if (config.API_CORS_ORIGINS.length > 0) {
    // The preflight route the plugin adds is open to anyone: it only says what is allowed.
    app.addHook('onRoute', (route) => {
      if (route.method === 'OPTIONS' && route.config?.access === undefined) {
        route.config = { ...route.config, access: 'public' };
      }
    });
    await app.register(cors, {
      origin: config.API_CORS_ORIGINS,
      methods: ['GET', 'HEAD'],
      allowedHeaders: ['authorization', 'if-none-match', 'last-event-id'],
      exposedHeaders: [
        'etag',
        'link',
        'retry-after',
        'x-request-id',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ],
      maxAge: 600,
    });
  }

  if (config.API_RATE_LIMIT_MAX > 0) {
    const clientOf = (request: FastifyRequest) => ports.auth.clientOf(request);
    // A queue's connection waits out an outage (maxRetriesPerRequest: null): requests would hang.
    const counting = ports.redis?.duplicate({ maxRetriesPerRequest: 1, commandTimeout: 1000 }) ?? null;
    if (counting) {
      counting.on('error', (err) => app.log.debug({ err }, 'rate-limit redis connection error'));
      app.addHook('onClose', async () => counting.disconnect());
    }
    await app.register(rateLimit, {
      max: config.API_RATE_LIMIT_MAX,
      timeWindow: config.API_RATE_LIMIT_WINDOW_MS,
      ...(counting ? { redis: counting } : {}),
      nameSpace: `${config.QUEUE_PREFIX}:ratelimit:`,
      skipOnError: true,
      keyGenerator: clientOf,
      allowList: (request) => OPERATIONS_ROUTES.has(request.routeOptions.url ?? ''),
      errorResponseBuilder: (_request, context) =>
        new ApiError('TALLY_ERR_RATE_LIMITED', `too many requests from this client: try again in ${context.after}`, {
          limit: context.max,
          retryAfterMs: context.ttl,
        }),
    });
  }

  if (config.API_MAX_EVENT_LOOP_DELAY_MS > 0 || config.API_MAX_EVENT_LOOP_UTILIZATION > 0) {
    const retryAfterSec = 10;
    await app.register(underPressure, {
      maxEventLoopDelay: config.API_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: config.API_MAX_EVENT_LOOP_UTILIZATION,
      retryAfter: retryAfterSec,
      // under-pressure sends what this returns (its types say void). The body goes as JSON text, not
      // through the route's serializer: /readyz documents another body for its own 503.
      pressureHandler: (request, reply, type, value) => {
        if (NEVER_SHED.has(request.routeOptions.url ?? '')) return undefined;
        request.log.warn({ type, value }, 'shedding load');
        const e = new ApiError('TALLY_ERR_OVERLOADED', undefined, { type });
        reply.code(e.statusCode).header('retry-after', String(retryAfterSec)).type('application/json; charset=utf-8');
        return JSON.stringify(e.toBody()) as unknown as undefined;
      },
    });
  }

  await app.register(etag);
  const readCache =
    config.API_CACHE_MAX_AGE_SEC > 0
      ? `${config.API_READS_NEED_TOKEN ? 'private' : 'public'}, max-age=${config.API_CACHE_MAX_AGE_SEC}`
      : `${config.API_READS_NEED_TOKEN ? 'private' : 'public'}, no-cache`;
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.hasHeader('cache-control')) return payload;
    const access = request.routeOptions.config?.access;
    if ((request.method === 'GET' || request.method === 'HEAD') && access === 'read' && reply.statusCode < 400) {
      reply.header('cache-control', readCache);
    } else if (access === 'operator' || access === 'write' || access === 'tokens') {
      // Operators' answers (events, metrics, pages behind the token) stay out of shared caches.
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
