import { describe, expect, it } from 'vitest';
import { derivedOperationId, operationIdOf, operationIds, withOperationIds } from './operationIds.ts';

describe('operationIds', () => {
  it('are unique', () => {
    const ids = Object.values(operationIds);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('name a route by the table, else by its method and path', () => {
    expect(operationIdOf('get', '/figures/{key}')).toBe('getFigure');
    expect(derivedOperationId('GET', '/figures/{key}/history.csv')).toBe('getFiguresKeyHistoryCsv');
    expect(operationIdOf('PUT', '/feeds/{id}')).toBe('putFeedsId');
  });

  it('are added to the transform’s schema, in OpenAPI path form, unless the route names its own', () => {
    const t = withOperationIds(({ schema, url }) => ({ schema, url }));
    const run = (url: string, method: string, schema: Record<string, unknown>) =>
      (t({ url, schema, route: { method, url, handler: () => {} } } as never).schema as { operationId?: string })
        .operationId;
    expect(run('/webhooks/:id', 'DELETE', {})).toBe('removeWebhook');
    expect(run('/x', 'GET', { operationId: 'mine' })).toBe('mine');
  });
});
