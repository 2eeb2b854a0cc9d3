import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIds } from '../src/operationIds.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
let app: FastifyInstance;

beforeAll(async () => {
  h = await startHarness();
  app = await h.app();
});
afterAll(async () => {
  await h?.close();
});

describe('the OpenAPI document', () => {
  it('names every operation from the table of operationIds, each once', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, id: op.operationId })),
    );
    expect(operations.length).toBeGreaterThan(20);
    const named = operations.map((o) => [o.route, o.id]);
    expect(named).toEqual(operations.map((o) => [o.route, operationIds[o.route]]));
    const ids = operations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
