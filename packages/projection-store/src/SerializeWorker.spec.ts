import {
  applyBatch,
  createProjectionSet,
  type ProjectionName,
  type ProjectionRow,
  projectionNames,
} from '@tally/projections';
import { generateLog, storedFrom } from '@tally/projections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeRow } from './projectionTables.ts';
import { SerializeWorker } from './SerializeWorker.ts';

/** Rows as a rebuild holds them before storing: folded, not finalized. */
async function foldedRows(options: { statementWindowDays?: number } = {}) {
  const events = storedFrom(
    [...generateLog({ events: 1500, seed: 5, textBytes: 100, tailFigureKeys: 30, storyFigureKeys: 5 })].flat(),
  );
  const rows = new Map<ProjectionName, Map<string, ProjectionRow>>(projectionNames.map((n) => [n, new Map()]));
  const changes = await applyBatch(createProjectionSet(options), events, () => new Map(), { finalize: false });
  for (const [name, changed] of changes) for (const [key, row] of changed) if (row) rows.get(name)!.set(key, row);
  return rows;
}

describe('SerializeWorker', () => {
  const started: SerializeWorker[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((w) => w.close()));
  });

  it('finalizes and serializes rows in a worker thread exactly as the rebuild does in process, in order', async () => {
    for (const options of [{}, { statementWindowDays: 0 }]) {
      const rows = await foldedRows(options);
      const figures = [...rows.get('figures')!].sort(([a], [b]) => (a < b ? -1 : 1));
      expect(figures.length).toBeGreaterThan(20);
      // Folded rows carry no statements yet: finalizing is what the worker is for.
      expect(figures.every(([, row]) => (row as unknown as { history: unknown[] }).history.length === 0)).toBe(true);
      const worker = await SerializeWorker.start(options);
      started.push(worker);
      const fromWorker: unknown[] = [];
      for await (const chunk of worker.serializeAll('figures', figures, 7)) fromWorker.push(...chunk);
      const set = createProjectionSet(options);
      const inProcess = figures.map(([key, row]) => serializeRow('figures', key, set.get('figures').finalize(row)));
      expect(fromWorker).toEqual(inProcess);
    }
  });

  it('refuses rows once closed', async () => {
    const worker = await SerializeWorker.start({});
    const rows = [...(await foldedRows()).get('figures')!];
    await worker.close();
    await expect(worker.serialize('figures', rows)).rejects.toThrow(/closed/);
  });
});
