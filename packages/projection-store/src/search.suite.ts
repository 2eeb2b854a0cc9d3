import type { EventStore } from '@tally/event-store';
import { generateLog, LogBuilder, seedArticleIds, seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { expect, it } from 'vitest';
import { createProjectionReader } from './createProjectionReader.ts';
import { createProjector } from './createProjector.ts';
import { InvalidSearchError } from './projectionSearch.ts';
import { ProjectionTables } from './projectionTables.ts';
import { appendAll } from './projector.suite.ts';

/** The search index as stored: each figure's vector and each article's names and text, as text. */
async function dumpIndex(store: EventStore): Promise<{ figures: unknown[]; articles: unknown[] }> {
  const tables = new ProjectionTables(store.schema);
  return store.transaction(async (tx) => ({
    figures: (await tx.query(`SELECT key, search::text AS search FROM ${tables.table('figures', 'live')} ORDER BY key`))
      .rows,
    articles: (
      await tx.query(
        `SELECT key, names::text AS names, body::text AS body FROM ${tables.articleSearch.table('live')} ORDER BY key`,
      )
    ).rows,
  }));
}

/** Two reports about grain: one says so in its title, the other only in its text; and three figures. */
function grainLog(): LogBuilder {
  const log = new LogBuilder().feedRegistered('f1', 'https://wire.example/feed.xml', 'Wire');
  const article = (id: string, title: string, siteName: string, text: string) =>
    log
      .articleDiscovered({ articleId: id, feedId: 'f1', url: `https://wire.example/${id}`, title })
      .articleExtracted({ articleId: id, url: `https://wire.example/${id}`, siteName, title, text });
  article('a-title', 'Grain exports resume through the corridor', 'Harbour Post', 'Ships left port on Monday.');
  article('a-text', 'Weather delays shipping', 'Inland Courier', 'Storms held back barges of grain and timber.');
  article('a-none', 'Council votes on budget', 'Inland Courier', 'The council met on Tuesday.');
  const claim = (figureKey: string, subject: string, speaker: string, articleId: string) =>
    log.claim({
      articleId,
      figureKey,
      value: 12,
      bound: '=',
      subject,
      speaker,
      statedAt: '2024-03-01',
      sentence: `${subject} said 12.`,
      url: `https://wire.example/${articleId}`,
      publishedAt: '2024-03-01T00:00:00.000Z',
      measure: 'exports',
    });
  claim('export:UA:grain', 'Ukraine', 'Mykola Solskyi', 'a-title');
  claim('export:PL:grain', 'Poland', 'Ukraine Grain Association', 'a-text');
  claim('budget:council', 'City council', 'Mayor', 'a-none');
  return log;
}

/** Search over figures and articles, on a real store (`open` gives a fresh one each call). */
export function searchSuite(open: () => Promise<EventStore>): void {
  it('finds figures by entity, measure and speaker, and articles by title, outlet and text, names first', async () => {
    const store = await open();
    try {
      await appendAll(store, grainLog().entries);
      await appendAll(store, seedScenario().entries);
      const sub = createProjector(store, { restartDelayMs: null }).start();
      await sub.caughtUp();
      await sub.stop();
      const reader = createProjectionReader(store);
      const figureKeys = async (query: string) => (await reader.searchFigures({ query })).items.map((f) => f.figureKey);
      const articleIds = async (query: string) =>
        (await reader.searchArticles({ query })).items.map((a) => a.articleId);

      // A subject outranks a speaker's name; the measure and a speaker find figures too.
      expect(await figureKeys('ukraine')).toEqual(['export:UA:grain', 'export:PL:grain']);
      expect(await figureKeys('exports')).toEqual(expect.arrayContaining(['export:UA:grain', 'export:PL:grain']));
      expect(await figureKeys('Kirby')).toContain(seedFigureKeys.containers);
      expect(await figureKeys('"north korea" russia')).toContain(seedFigureKeys.artilleryShells);
      expect(await figureKeys('kirby -korea')).toEqual([]);

      // A title outranks the text; an outlet's name finds its reports; stemming: "exported" finds "exports".
      expect(await articleIds('grain')).toEqual(['a-title', 'a-text']);
      expect(await articleIds('exported')).toEqual(['a-title']);
      expect((await articleIds('inland courier')).sort()).toEqual(['a-none', 'a-text']);
      expect(await articleIds('pacific ledger')).toEqual([seedArticleIds.r001]);
      // A word of the outlet with a word of the text: the index holds both as one document.
      expect(await articleIds('courier storms')).toEqual(['a-text']);
      const hits = (await reader.searchArticles({ query: 'grain' })).items;
      expect(hits[0]).toMatchObject({ title: 'Grain exports resume through the corridor', siteName: 'Harbour Post' });
      expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    } finally {
      await store.close();
    }
  });

  it('pages by rank with a cursor, every hit once', async () => {
    const store = await open();
    try {
      const log = new LogBuilder().feedRegistered('f1', 'https://wire.example/feed.xml');
      for (let i = 0; i < 9; i++) {
        const id = `a-${i}`;
        log.articleDiscovered({ articleId: id, feedId: 'f1', url: `https://wire.example/${id}` }).articleExtracted({
          articleId: id,
          url: `https://wire.example/${id}`,
          siteName: 'Wire',
          title: i % 3 === 0 ? 'Harvest report' : `Report ${i}`,
          text: `${'harvest '.repeat(i % 4)}figures for the region number ${i}.`,
        });
      }
      await appendAll(store, log.entries);
      const sub = createProjector(store, { restartDelayMs: null }).start();
      await sub.caughtUp();
      await sub.stop();
      const reader = createProjectionReader(store);
      const all = (await reader.searchArticles({ query: 'harvest', limit: 100 })).items;
      // Every article but a-4 and a-8 (neither title nor text says it).
      expect(all.map((a) => a.articleId).sort()).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-5', 'a-6', 'a-7']);
      const paged: typeof all = [];
      let after: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await reader.searchArticles({ query: 'harvest', limit: 3, after });
        paged.push(...page.items);
        if (!page.next) break;
        after = page.next;
      }
      expect(paged.map((a) => a.articleId)).toEqual(all.map((a) => a.articleId));
      for (let i = 1; i < paged.length; i++) expect(paged[i]!.rank).toBeLessThanOrEqual(paged[i - 1]!.rank);
    } finally {
      await store.close();
    }
  });

  it('takes any query text safely and refuses only what cannot be searched', async () => {
    const store = await open();
    try {
      const reader = createProjectionReader(store);
      // Before any projector ran: nothing to find, and no error.
      expect((await reader.searchFigures({ query: 'grain' })).items).toEqual([]);
      await appendAll(store, grainLog().entries);
      const sub = createProjector(store, { restartDelayMs: null }).start();
      await sub.caughtUp();
      await sub.stop();
      for (const query of [`'&|!:*()<->"\\`, 'grain:*', '!grain', 'grain & (', 'OR', '-', '"', 'the of and']) {
        await expect(reader.searchArticles({ query })).resolves.toMatchObject({ next: null });
        await expect(reader.searchFigures({ query })).resolves.toMatchObject({ next: null });
      }
      expect((await reader.searchArticles({ query: 'grain & (' })).items.map((a) => a.articleId)).toEqual([
        'a-title',
        'a-text',
      ]);
      expect((await reader.searchArticles({ query: 'the' })).items).toEqual([]);
      const refused = async (options: { query: string; after?: string }) =>
        (await reader.searchArticles(options).catch((err: unknown) => err)) as InvalidSearchError;
      expect(await refused({ query: 'grain\u0000' })).toMatchObject({ name: 'InvalidSearchError', reason: 'nul' });
      expect(await refused({ query: 'grain '.repeat(100) })).toMatchObject({ reason: 'too-long' });
      expect(await refused({ query: '  ' })).toMatchObject({ reason: 'empty' });
      expect(await refused({ query: 'grain', after: 'not-a-cursor' })).toBeInstanceOf(InvalidSearchError);

      // Tables of a version before the index (the rebuild that brings it not swapped in yet): nothing found.
      await store.transaction((tx) =>
        tx.query(`DROP TABLE ${new ProjectionTables(store.schema).articleSearch.table('live')}`),
      );
      expect((await reader.searchArticles({ query: 'grain' })).items).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('keeps the index with the rows: a re-extraction replaces the text, and a rebuild makes the same index', async () => {
    const store = await open();
    try {
      const log = grainLog();
      log.articleExtracted({
        articleId: 'a-none',
        url: 'https://wire.example/a-none',
        siteName: 'Inland Courier',
        title: 'Council votes on budget',
        text: 'The council approved the harbour dredging plan.',
      });
      await appendAll(store, log.entries);
      await appendAll(
        store,
        [...generateLog({ events: 1500, seed: 7, feeds: 4, textBytes: 300, oddities: 0.1, tailFigureKeys: 20 })].flat(),
      );
      // Small batches and a small rebuild cache: rows and texts cross many commits.
      const projector = createProjector(store, {
        restartDelayMs: null,
        batchSize: 37,
        rebuildBatchSize: 50,
        rebuildCacheRows: 40,
        rebuildCommitEvents: 200,
        figureWorkerMinEvents: 1000,
      });
      const sub = projector.start();
      await sub.caughtUp();
      const reader = createProjectionReader(store);
      const ids = async (query: string) => (await reader.searchArticles({ query })).items.map((a) => a.articleId);
      expect(await ids('dredging')).toEqual(['a-none']);
      expect(await ids('tuesday')).toEqual([]);

      const live = await dumpIndex(store);
      expect(live.articles.length).toBeGreaterThan(50);
      const rebuilt = await projector.rebuild();
      expect(rebuilt.figuresInWorker).toBe(true);
      expect(await dumpIndex(store)).toEqual(live);
      expect(await ids('dredging')).toEqual(['a-none']);
      await sub.stop();
    } finally {
      await store.close();
    }
  });

  it("a rebuild takes an unchanged text's vector from the live index, and parses a text whose hash differs", async () => {
    const store = await open();
    try {
      await appendAll(store, grainLog().entries);
      const projector = createProjector(store, { restartDelayMs: null });
      const sub = projector.start();
      await sub.caughtUp();
      await sub.stop();
      // Marks two live vectors with a word no text holds; one of them keeps its text's hash.
      const search = new ProjectionTables(store.schema).articleSearch.table('live');
      await store.transaction(async (tx) => {
        await tx.query(`UPDATE ${search} SET body = to_tsvector('english', 'zebra') WHERE key = 'a-text'`);
        await tx.query(
          `UPDATE ${search} SET body = to_tsvector('english', 'zebra'), text_hash = 'other' WHERE key = 'a-none'`,
        );
      });
      await projector.rebuild();
      const reader = createProjectionReader(store);
      const ids = async (query: string) => (await reader.searchArticles({ query })).items.map((a) => a.articleId);
      expect(await ids('zebra')).toEqual(['a-text']);
      expect(await ids('council met')).toEqual(['a-none']);
    } finally {
      await store.close();
    }
  });
}
