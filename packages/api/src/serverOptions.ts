import type { Server } from 'node:http';
import type { Config } from '@tally/config';
import type { FastifyBaseLogger, FastifyHttpOptions } from 'fastify';
import { clientErrorHandler } from './clientErrorHandler.ts';

type ConnectionSettings = Pick<Config, 'API_REQUEST_TIMEOUT_MS' | 'API_IDLE_TIMEOUT_MS' | 'API_TRUST_PROXY'>;

/**
 * How the API's HTTP server treats connections: every connection is bounded in time, so a client
 * that sends slowly (a body of 1 GB announced, a byte every few seconds) or not at all cannot keep
 * sockets open. Fastify leaves the request timeout off by default.
 */
export function serverOptions(config: ConnectionSettings, log: FastifyBaseLogger): FastifyHttpOptions<Server> {
  const requestTimeout = config.API_REQUEST_TIMEOUT_MS;
  return {
    // Headers and body must have arrived within this; Node answers through `clientErrorHandler` (408).
    requestTimeout,
    // No byte moving either way for this long: an idle keep-alive connection, a stalled reader.
    connectionTimeout: config.API_IDLE_TIMEOUT_MS,
    http: {
      requestTimeout,
      headersTimeout: Math.min(60_000, requestTimeout),
      // Node checks those two timeouts on this period (30 s by default), so a connection over its
      // bound goes within a quarter of the bound more, not up to 30 s more.
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.round(requestTimeout / 4))),
    },
    clientErrorHandler: clientErrorHandler(log),
    // Behind a trusted proxy the client's address and the Host it asked for come from X-Forwarded-*.
    trustProxy: config.API_TRUST_PROXY.length > 0 ? [...config.API_TRUST_PROXY] : false,
  };
}
