import { PGlite } from '@electric-sql/pglite';
import { EmbeddedEventStore } from '@tally/event-store';
import { afterAll, beforeAll, describe } from 'vitest';
import { projectorSuite } from './projector.suite.ts';
import { searchSuite } from './search.suite.ts';

// One in-memory database for the file (starting PGlite is the slow part), one schema per test.
let db: PGlite;
let schemas = 0;

beforeAll(async () => {
  db = await PGlite.create();
});

afterAll(async () => {
  await db.close();
});

describe('projector on embedded PGlite (in memory)', () => {
  projectorSuite(() => EmbeddedEventStore.open({ pglite: db, schema: `proj_${++schemas}` }), { scale: 0.5 });
});

describe('search on embedded PGlite (in memory)', () => {
  searchSuite(() => EmbeddedEventStore.open({ pglite: db, schema: `proj_${++schemas}` }));
});
