import type { FigureView } from '@tally/projection-store';
import { seedFigureKeys } from '@tally/projections/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementColumns } from '../src/exports/statementRows.ts';
import { projectionStoreReads } from '../src/index.ts';
import { exportRoutes } from '../src/routes/exportRoutes.ts';
import { type Harness, startSeededHarness } from './harness.ts';
import { parseCsv } from './parseCsv.ts';

/** The CSV's records as objects keyed by its header. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

describe.each(['embedded', 'postgres'] as const)('exports on the %s log', (log) => {
  let h: Harness;
  let app: FastifyInstance;
  const containers = encodeURIComponent(seedFigureKeys.containers);

  beforeAll(async () => {
    ({ h, app } = await startSeededHarness({}, { log }));
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('GET /figures.csv and /figures.json', () => {
    it('has one row per figure, its current statement, as a download', async () => {
      const res = await app.inject({ url: '/figures.csv' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="tally-figures.csv"');
      expect(res.body.split('\r\n')[0]).toBe(statementColumns.join(','));
      const rows = csvObjects(res.body);
      expect(rows.map((r) => r.figure_key).sort()).toEqual(Object.values(seedFigureKeys).sort());
      const listed = (await app.inject({ url: '/figures' })).json() as { figures: FigureView[] };
      const row = rows.find((r) => r.figure_key === seedFigureKeys.containers)!;
      const figure = listed.figures.find((f) => f.figureKey === seedFigureKeys.containers)!;
      expect(row).toMatchObject({
        statement_id: figure.current!.statementId,
        current: 'true',
        value: '11000',
        bound: '~<',
        qualifier: 'nearly',
        speaker: 'Tracey Newell',
        speaker_role: 'US Mission to the OSCE',
        statements: String(figure.statementCount),
      });
      expect(row.source_urls!.split(' ')).toEqual(figure.current!.sources.map((s) => s.url));
    });

    it('says the same in JSON, with numbers as numbers', async () => {
      const [csv, json] = await Promise.all([
        app.inject({ url: '/figures.csv' }),
        app.inject({ url: '/figures.json' }),
      ]);
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      const objects = json.json() as Record<string, unknown>[];
      expect(objects.map((o) => o.figure_key)).toEqual(csvObjects(csv.body).map((r) => r.figure_key));
      const containersRow = objects.find((o) => o.figure_key === seedFigureKeys.containers)!;
      expect(containersRow.value).toBe(11_000);
      expect(Object.keys(containersRow)).toEqual([...statementColumns]);
    });

    it('streams the figures a page at a time, each once, in key order', async () => {
      // A page of two figures: the seed's six take three pages and a last empty check.
      const small = Fastify();
      small.setValidatorCompiler(validatorCompiler);
      small.setSerializerCompiler(serializerCompiler);
      exportRoutes(small, projectionStoreReads(h.store), { pageSize: 2 });
      try {
        const res = await small.inject({ url: '/figures.csv' });
        const keys = csvObjects(res.body).map((r) => r.figure_key);
        expect(keys).toEqual(Object.values(seedFigureKeys).sort());
        expect(res.headers['content-length']).toBeUndefined();
      } finally {
        await small.close();
      }
    });
  });

  describe('GET /figures/{key}/history.csv and .json', () => {
    it('has every statement, oldest first, the current one marked, every source', async () => {
      const figure = ((await app.inject({ url: `/figures/${containers}` })).json() as { figure: FigureView }).figure;
      const res = await app.inject({ url: `/figures/${containers}/history.csv` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="transfer_KP_RU_container-history.csv"');
      const rows = csvObjects(res.body);
      expect(rows.map((r) => [r.speaker, r.value, r.bound])).toEqual([
        ['John Kirby', '1000', '>'],
        ['Julianne Smith', '1000', '>'],
        ['Tracey Newell', '11000', '~<'],
      ]);
      expect(rows.map((r) => r.current)).toEqual(['false', 'false', 'true']);
      expect(rows[0]!.source_urls!.split(' ')).toEqual(figure.history[0]!.sources.map((s) => s.url));
      expect(Number(rows[0]!.conflicts)).toBe(figure.history[0]!.conflicts.length);

      const json = await app.inject({ url: `/figures/${containers}/history.json` });
      const objects = json.json() as Record<string, unknown>[];
      expect(objects.map((o) => o.statement_id)).toEqual(figure.history.map((s) => s.statementId));
    });

    it('answers 404 with its code for a figure it does not know', async () => {
      for (const format of ['csv', 'json']) {
        const res = await app.inject({ url: `/figures/no%3Asuch%3Afigure/history.${format}` });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ code: 'TALLY_ERR_FIGURE_NOT_FOUND' });
      }
    });
  });
});
