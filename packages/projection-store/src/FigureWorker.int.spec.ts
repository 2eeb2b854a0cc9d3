import { InMemoryProjections } from '@tally/projections';
import { denseRandomLog, rebuildFold } from '@tally/projections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureWorker } from './FigureWorker.ts';
import { serializeRow } from './projectionTables.ts';

describe('FigureWorker', () => {
  const started: FigureWorker[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((w) => w.close()));
  });

  it('makes, finalizes and serializes the figures the figures projection folds, in order', async () => {
    for (const [repetitionRate, figureDetailRate] of [
      [0, 0],
      [0.3, 0],
      [0.2, 0.6],
    ] as const) {
      const events = denseRandomLog(5, 1500, repetitionRate, 30, figureDetailRate);
      const worker = await FigureWorker.start({});
      started.push(worker);
      // Claims arrive batch by batch and facts as articles change, as a rebuild sends them. The
      // facts a page names are those of the articles its events name; what else changed (a merged
      // cluster's copies), and what went away, is sent at the end, as the swap stores the rest.
      const sent = new Map<string, string>();
      const { marks, facts } = rebuildFold(events, (page, changed) => {
        worker.addEvents(page);
        worker.addFacts(changed, []);
        for (const f of changed) sent.set(f.articleId, JSON.stringify(f));
      });
      worker.addFacts(
        [...facts.values()].filter((f) => sent.get(f.articleId) !== JSON.stringify(f)),
        [...sent.keys()].filter((id) => !facts.has(id)),
      );
      expect(marks.length).toBeGreaterThan(20);
      const fromWorker: unknown[] = [];
      for await (const chunk of worker.buildAll(marks, 7)) fromWorker.push(...chunk);
      const folded = new InMemoryProjections().apply(events).rows('figures');
      expect(fromWorker).toEqual([...folded].map(([key, row]) => serializeRow('figures', key, row)));
    }
  });

  it('refuses work once closed', async () => {
    const worker = await FigureWorker.start({});
    await worker.close();
    await expect(worker.build([])).rejects.toThrow(/closed/);
    expect(() => worker.addEvents(denseRandomLog(5, 200))).toThrow(/closed/);
  });
});
