import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';

/**
 * The OpenAPI `operationId` of every documented route, so generated clients get names people would
 * write (`listFigures`, not `getFiguresByKeyHistoryCsv`). A route missing here still gets one,
 * derived from its method and path; the test of the document says which are missing.
 */
export const operationIds: Readonly<Record<string, string>> = {
  'GET /figures': 'listFigures',
  'GET /figures/{key}': 'getFigure',
  'GET /figures/stream': 'streamFigureChanges',
  'GET /figures.csv': 'exportFiguresCsv',
  'GET /figures.json': 'exportFiguresJson',
  'GET /figures/{key}/history.csv': 'exportFigureHistoryCsv',
  'GET /figures/{key}/history.json': 'exportFigureHistoryJson',
  'GET /articles': 'listArticles',
  'GET /articles/{id}': 'getArticle',
  'GET /feeds': 'listFeeds',
  'POST /feeds': 'registerFeed',
  'DELETE /feeds/{id}': 'removeFeed',
  'PATCH /feeds/{id}': 'editFeed',
  'POST /feeds/{id}/poll': 'pollFeedNow',
  'POST /feeds/{id}/pause': 'pauseFeed',
  'POST /feeds/{id}/resume': 'resumeFeed',
  'POST /feeds/{id}/clear-errors': 'clearFeedErrors',
  'POST /feeds/discover': 'discoverFeeds',
  'POST /feeds/opml': 'importFeedsOpml',
  'GET /feeds.opml': 'exportFeedsOpml',
  'GET /events': 'listEvents',
  'GET /events/{position}': 'getEvent',
  'GET /streams/{id}': 'readStream',
  'GET /search': 'search',
  'GET /healthz': 'getHealth',
  'GET /readyz': 'getReadiness',
  'GET /metrics': 'getMetrics',
  'POST /webhooks': 'registerWebhook',
  'GET /webhooks': 'listWebhooks',
  'GET /webhooks/{id}': 'getWebhook',
  'DELETE /webhooks/{id}': 'removeWebhook',
  'GET /webhooks/{id}/deliveries': 'listWebhookDeliveries',
  'GET /websub/{feedId}': 'verifyWebSubIntent',
  'POST /websub/{feedId}': 'receiveWebSubDistribution',
  'POST /tokens': 'issueToken',
  'GET /tokens': 'listTokens',
  'DELETE /tokens/{id}': 'revokeToken',
};

/** `GET /figures/{key}/history.csv` → `getFiguresKeyHistoryCsv`: a fallback, unique per route. */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return `${method.toLowerCase()}${words.join('')}`;
}

export function operationIdOf(method: string, path: string): string {
  return operationIds[`${method.toUpperCase()} ${path}`] ?? derivedOperationId(method, path);
}

/**
 * Wraps the schema transform of `@fastify/swagger` so each operation carries its `operationId`
 * (one the route gives itself wins). The path is turned into OpenAPI's form (`:key` → `{key}`).
 */
export function withOperationIds<S extends FastifySchema>(transform: SwaggerTransform<S>): SwaggerTransform<S> {
  return (input) => {
    const out = transform(input);
    const method = Array.isArray(input.route.method) ? input.route.method[0]! : input.route.method;
    const path = input.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const schema = out.schema as FastifySchema & { operationId?: string };
    if (schema.operationId !== undefined) return out;
    return { ...out, schema: { ...schema, operationId: operationIdOf(method, path) } as FastifySchema };
  };
}
