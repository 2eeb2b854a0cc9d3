import type { FastifyInstance } from 'fastify';
import { BULL_BOARD_PATH } from './dashboard/bullBoard.ts';
import type { ApiMetrics } from './metrics.ts';

export const DOCS_PATH = '/docs';

/** Files that pages pull in (scripts, styles, fonts of the queue dashboard and the API docs). */
const STATIC_PREFIXES = [`${BULL_BOARD_PATH}/static/`, `${DOCS_PATH}/static/`];

/** Whether a request asks for a static file of a page rather than for an answer of Tally's. */
export function isStaticAsset(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/favicon.ico' || STATIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * Fastify's access log ("incoming request", "request completed" at info) is kept for Tally's own
 * routes; a page of the dashboard pulls a dozen files, whose access lines go to debug instead
 * (the app's log controller leaves them out: `disableRequestLogging: isStaticAsset`). Every answer is observed in
 * `tally_http_request_duration_seconds`, by route pattern.
 */
export function installAccessLog(app: FastifyInstance, metrics: () => ApiMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    const seconds = reply.elapsedTime / 1000;
    metrics().observeRequest(route, request.method, reply.statusCode, seconds);
    if (isStaticAsset(request.url)) {
      request.log.debug(
        { url: request.url.split('?')[0], statusCode: reply.statusCode, responseTime: reply.elapsedTime },
        'static asset served',
      );
    }
  });
}
