import type { StoredEvent } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { applyBatch, type BatchStats } from './applyBatch.ts';
import { createProjectionSet, InMemoryProjections } from './applyEvents.ts';
import type { FigureRow } from './figures.ts';
import { type ProjectionName, type ProjectionRow, projectionNames } from './Projection.ts';
import { denseRandomLog, seededRandom, seedScenario } from './testing/index.ts';

/** A stand-in for the projection tables: rows kept as JSON text, as a database hands them back. */
class JsonTables {
  readonly tables = new Map<ProjectionName, Map<string, string>>(projectionNames.map((n) => [n, new Map()]));
  load = (name: ProjectionName, keys: readonly string[]) => {
    const out = new Map<string, ProjectionRow>();
    for (const k of keys) {
      const json = this.tables.get(name)!.get(k);
      if (json !== undefined) out.set(k, JSON.parse(json));
    }
    return out;
  };
  async apply(events: readonly StoredEvent[], stats?: BatchStats) {
    const changes = await applyBatch(createProjectionSet(), events, this.load, { stats });
    for (const [name, rows] of changes) {
      for (const [key, row] of rows) {
        if (row) this.tables.get(name)!.set(key, JSON.stringify(row));
        else this.tables.get(name)!.delete(key);
      }
    }
  }
  rows(name: ProjectionName) {
    return new Map(
      [...this.tables.get(name)!.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, JSON.parse(v)]),
    );
  }
}

function oneShot(events: readonly StoredEvent[]) {
  const p = new InMemoryProjections().apply(events);
  return new Map(
    projectionNames.map((n) => [n, new Map([...p.rows(n)].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]))]),
  );
}

async function inBatches(events: readonly StoredEvent[], sizes: () => number, stats?: BatchStats) {
  const db = new JsonTables();
  for (let i = 0; i < events.length; ) {
    const n = sizes();
    await db.apply(events.slice(i, i + n), stats);
    i += n;
  }
  return db;
}

const randomLog = denseRandomLog;

// Random logs of a few thousand events take a few seconds; a loaded shared machine can take more.
describe('applying the log in batches', () => {
  it('gives the seeds the same rows in batches of any size as in one pass', async () => {
    const events = seedScenario({ lateVerdicts: true }).stored();
    const expected = oneShot(events);
    for (const size of [1, 2, 3, 7, 1000]) {
      const db = await inBatches(events, () => size);
      for (const name of projectionNames)
        expect(db.rows(name), `${name}, batches of ${size}`).toEqual(expected.get(name));
    }
  });

  it('gives the same rows for random logs full of late verdicts, merges and relisted articles, cut anywhere', async () => {
    for (const seed of [1, 2, 3]) {
      const events = randomLog(seed, 1500);
      const expected = oneShot(events);
      const rnd = seededRandom(seed * 7);
      const db = await inBatches(events, () => 1 + Math.floor(rnd() * 60));
      for (const name of projectionNames) expect(db.rows(name), `${name}, seed ${seed}`).toEqual(expected.get(name));
      // The log exercised what it should.
      expect(expected.get('duplicates')!.size).toBeGreaterThan(10);
      expect(expected.get('figures')!.size).toBeGreaterThan(10);
    }
  }, 30_000);

  it('gives the same rows for random logs with repetitions inside reports and re-analyses, cut anywhere', async () => {
    let joined = 0;
    for (const seed of [8, 9]) {
      const events = randomLog(seed, 1500, 0.4);
      const expected = oneShot(events);
      const rnd = seededRandom(seed * 7);
      const db = await inBatches(events, () => 1 + Math.floor(rnd() * 60));
      for (const name of projectionNames) expect(db.rows(name), `${name}, seed ${seed}`).toEqual(expected.get(name));
      // The log exercised what it should: statements holding an unnamed repetition of a named claim.
      for (const row of expected.get('figures')!.values() as Iterable<FigureRow>) {
        const byId = new Map(row.claims.map((c) => [c.claimId, c]));
        for (const s of row.history) {
          const claims = s.claimIds.map((id) => byId.get(id)!);
          if (claims.some((c) => !c.speaker) && claims.some((c) => c.speaker)) joined += 1;
        }
      }
    }
    expect(joined).toBeGreaterThan(10);
  }, 30_000);

  it('gives the same rows for random logs of figures of any beat (periods, changes, forecasts, claims stored before 2.0), cut anywhere', async () => {
    const seen = { periods: 0, moves: 0, hedged: 0, conflicts: 0 };
    for (const seed of [11, 12]) {
      const events = randomLog(seed, 1500, 0.2, 30, 0.6);
      const expected = oneShot(events);
      const rnd = seededRandom(seed * 7);
      const db = await inBatches(events, () => 1 + Math.floor(rnd() * 60));
      for (const name of projectionNames) expect(db.rows(name), `${name}, seed ${seed}`).toEqual(expected.get(name));
      for (const row of expected.get('figures')!.values() as Iterable<FigureRow>) {
        for (const s of row.history) {
          if (s.period) seen.periods += 1;
          if (s.changeBy !== null || s.previous !== null) seen.moves += 1;
          if (s.hedged) seen.hedged += 1;
          seen.conflicts += s.conflicts.filter((c) => c.kind === 'change' || c.kind === 'period').length;
        }
      }
    }
    // The logs exercised what they should.
    expect(seen.periods).toBeGreaterThan(20);
    expect(seen.moves).toBeGreaterThan(10);
    expect(seen.hedged).toBeGreaterThan(2);
    expect(seen.conflicts).toBeGreaterThan(0);
  }, 30_000);

  it('gives the same rows when rows stay in memory unfinalized across batches and are finalized once', async () => {
    const events = randomLog(7, 1500);
    const expected = oneShot(events);
    const set = createProjectionSet();
    // As a rebuild keeps them: rows in memory between batches, figures' statements derived at the end.
    const rows = new Map<string, ProjectionRow>();
    const id = (name: ProjectionName, key: string) => `${name}\u0000${key}`;
    for (let i = 0; i < events.length; i += 97) {
      const changes = await applyBatch(
        set,
        events.slice(i, i + 97),
        (name, keys) => new Map(keys.flatMap((k) => (rows.has(id(name, k)) ? [[k, rows.get(id(name, k))!]] : []))),
        { finalize: false },
      );
      for (const [name, changed] of changes) {
        for (const [key, row] of changed) {
          if (row) rows.set(id(name, key), row);
          else rows.delete(id(name, key));
        }
      }
    }
    for (const name of projectionNames) {
      const finalized = [...rows.entries()]
        .filter(([k]) => k.startsWith(`${name}\u0000`))
        .map(
          ([k, row]) =>
            [
              k.slice(name.length + 1),
              JSON.parse(JSON.stringify(createProjectionSet().get(name).finalize(row))),
            ] as const,
        )
        .sort(([a], [b]) => (a < b ? -1 : 1));
      expect(new Map(finalized), name).toEqual(expected.get(name));
    }
  }, 30_000);

  it('is a rebuild: folding the whole log again from nothing gives exactly the same rows', async () => {
    const events = randomLog(4, 800);
    const first = await inBatches(events, () => 50);
    const again = await inBatches(events, () => 333);
    for (const name of projectionNames) expect(again.rows(name)).toEqual(first.rows(name));
  });

  it('changes nothing when a batch is delivered twice', async () => {
    const events = randomLog(5, 600);
    const db = await inBatches(events, () => 100);
    const before = projectionNames.map((n) => db.rows(n));
    await db.apply(events.slice(200, 400));
    await db.apply(events.slice(500));
    expect(projectionNames.map((n) => db.rows(n))).toEqual(before);
  });

  it('loads only the rows a batch touches, in a few round trips', async () => {
    const events = randomLog(6, 2000);
    const stats: BatchStats = { loads: 0, rowsRequested: 0 };
    const batches = Math.ceil(events.length / 200);
    await inBatches(events, () => 200, stats);
    expect(stats.loads / batches).toBeLessThan(8);
    expect(stats.rowsRequested).toBeLessThan(events.length * 2);
  }, 30_000);
});
