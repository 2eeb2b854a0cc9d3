import type { FastifyInstance } from 'fastify';
import { toApiError } from './apiErrors.ts';
import type { Authenticator } from './auth.ts';
import type { HostGuard } from './hostGuard.ts';
import type { LogScrubber } from './logScrubber.ts';
import { redactUrlCredentials } from './urlCredentials.ts';

export interface RequestGuards {
  hostGuard: HostGuard;
  auth: Authenticator;
  scrubber: LogScrubber;
}

/**
 * What every request goes through before its route, and every answer after it:
 * - the Host (and a write's Origin) is checked before anything else, 404s included;
 * - then who may call the route (`Access`, and the scope it asks of a token), before the body is read;
 * - an answer sent before the request's body arrived (a refusal, a 413) closes the connection, so a
 *   client announcing a huge body and sending it a byte at a time does not keep the socket;
 * - credentials in URLs are taken out of every answer (JSON and HTML alike).
 */
export function installRequestGuards(app: FastifyInstance, { hostGuard, auth, scrubber }: RequestGuards): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    try {
      hostGuard.check(request.method, request.host, request.headers.origin);
      if (request.is404) return undefined;
      const { access, challenge } = request.routeOptions.config;
      // Scoped tokens are held in memory: loaded again here when the set held is stale.
      if (access !== 'public') await auth.refresh();
      // A route that does not say who may call it is an operator's.
      auth.check(access ?? 'operator', request, reply, challenge ?? 'bearer');
    } catch (err) {
      // Answered here, not thrown: plugin scopes (Bull Board) have error handlers of their own.
      const e = toApiError(err);
      request.log.info({ code: e.code, url: scrubber.url(request.url) }, 'request refused');
      return reply.code(e.statusCode).send(e.toBody());
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // `complete` is false while the body is still arriving (it is undefined on injected requests).
    if (request.raw.complete === false) reply.header('connection', 'close');
    return typeof payload === 'string' ? redactUrlCredentials(payload) : payload;
  });
}
