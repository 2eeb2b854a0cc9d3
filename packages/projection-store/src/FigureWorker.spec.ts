import type { StoredEvent } from '@tally/events';
import {
  type ArticleRow,
  applyEvents,
  createRebuildSet,
  type FigureArticleFacts,
  type FigureMark,
  figureArticleFacts,
  InMemoryProjections,
  type ProjectionName,
  type ProjectionRow,
  type RowCache,
} from '@tally/projections';
import { generateLog, storedFrom } from '@tally/projections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureWorker } from './FigureWorker.ts';
import { serializeRow } from './projectionTables.ts';

const randomLog = () =>
  storedFrom(
    [
      ...generateLog({
        events: 1500,
        seed: 5,
        textBytes: 100,
        tailFigureKeys: 30,
        storyFigureKeys: 5,
        oddities: 0.2,
        duplicateRate: 0.3,
        repetitionRate: 0.3,
      }),
    ].flat(),
  );

/** The rebuild set folded over the log: the figures' marks and the articles' facts, as a rebuild has them at the swap. */
function rebuildState(events: readonly StoredEvent[]) {
  const rows = new Map<ProjectionName, Map<string, ProjectionRow>>();
  const cache: RowCache = {
    get: (name, key) => rows.get(name)?.get(key) ?? null,
    set: (name, key, row) => {
      let of = rows.get(name);
      if (!of) {
        of = new Map();
        rows.set(name, of);
      }
      if (row) of.set(key, row);
      else of.delete(key);
    },
  };
  applyEvents(createRebuildSet(), events, cache);
  const marks = [...((rows.get('figures') ?? new Map()) as Map<string, FigureMark>).values()].sort((a, b) =>
    a.figureKey < b.figureKey ? -1 : 1,
  );
  const facts: FigureArticleFacts[] = [];
  for (const row of rows.get('articles')?.values() ?? []) {
    const f = figureArticleFacts(row as ArticleRow);
    if (f) facts.push(f);
  }
  return { marks, facts };
}

describe('FigureWorker', () => {
  const started: FigureWorker[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((w) => w.close()));
  });

  it('makes, finalizes and serializes the figures the figures projection folds, in order', async () => {
    const events = randomLog();
    const { marks, facts } = rebuildState(events);
    expect(marks.length).toBeGreaterThan(20);
    const worker = await FigureWorker.start({});
    started.push(worker);
    // Claims arrive batch by batch, as a rebuild folds them.
    for (let i = 0; i < events.length; i += 100) worker.addEvents(events.slice(i, i + 100));
    const fromWorker: unknown[] = [];
    for await (const chunk of worker.buildAll(facts, marks, 7)) fromWorker.push(...chunk);
    const folded = new InMemoryProjections().apply(events).rows('figures');
    expect(fromWorker).toEqual([...folded].map(([key, row]) => serializeRow('figures', key, row)));
  });

  it('refuses work once closed', async () => {
    const worker = await FigureWorker.start({});
    await worker.close();
    await expect(worker.build([])).rejects.toThrow(/closed/);
    expect(() => worker.addEvents(randomLog())).toThrow(/closed/);
  });
});
