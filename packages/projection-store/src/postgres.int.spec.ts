import { randomBytes } from 'node:crypto';
import { openEventStore } from '@tally/event-store';
import { afterAll, describe, inject } from 'vitest';
import { projectorSuite } from './projector.suite.ts';
import { searchSuite } from './search.suite.ts';

const databaseUrl = inject('databaseUrl');
const prefix = `proj_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];

afterAll(async () => {
  if (schemas.length === 0) return;
  const store = await openEventStore({ databaseUrl, schema: `${prefix}_cleanup` });
  try {
    await store.transaction(async (tx) => {
      for (const s of [...schemas, `${prefix}_cleanup`]) await tx.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    });
  } finally {
    await store.close();
  }
});

const openFresh = async () => {
  const schema = `${prefix}_${schemas.length + 1}`;
  schemas.push(schema);
  return openEventStore({ databaseUrl, schema, poolSize: 4 });
};

describe('projector on PostgreSQL', () => {
  projectorSuite(openFresh);
});

describe('search on PostgreSQL', () => {
  searchSuite(openFresh);
});
