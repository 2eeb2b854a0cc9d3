import type { StoredEvent } from '@tally/events';
import type { ArticleRow } from './ArticleRow.ts';
import { applyEvents, keysNamedBy, type ProjectionSet, type RowCache } from './applyEvents.ts';
import { type ProjectionName, type ProjectionRow, projectionNames } from './Projection.ts';

/** Loads stored rows by key; keys without a row are simply absent from the result. */
export type RowLoader = (
  name: ProjectionName,
  keys: readonly string[],
) => Promise<ReadonlyMap<string, ProjectionRow>> | ReadonlyMap<string, ProjectionRow>;

/** What a batch changed: per projection, the finalized rows to store and `null` for rows to delete. */
export type BatchChanges = Map<ProjectionName, Map<string, ProjectionRow | null>>;

export interface ApplyBatchOptions {
  /**
   * Finalize the changed rows (derive figures' statements). A caller that keeps rows in memory
   * across batches can leave them unfinalized and finalize each once, when it stores it.
   * @defaultValue true
   */
  finalize?: boolean;
  stats?: BatchStats;
}

export interface BatchStats {
  /** Loader calls made for this batch. */
  loads: number;
  /** Rows asked for. */
  rowsRequested: number;
}

/**
 * Applies one batch of events (in log order) to stored rows: loads the rows the batch names, plus
 * the originals of the articles it names and those originals' copies, applies the events, loads
 * whatever else turned out to be needed and resumes, then finalizes the changed rows. The caller
 * stores the changes (in the same transaction as its checkpoint, for exactly-once).
 */
export async function applyBatch(
  set: ProjectionSet,
  events: readonly StoredEvent[],
  load: RowLoader,
  options: ApplyBatchOptions = {},
): Promise<BatchChanges> {
  const stats = options.stats;
  // The rows as loaded, then as changed: one map per projection (a row is read several times per
  // event), and which keys changed.
  const loaded = new Map<ProjectionName, Map<string, ProjectionRow | null>>(projectionNames.map((n) => [n, new Map()]));
  const changedKeys = new Map<ProjectionName, Set<string>>(projectionNames.map((n) => [n, new Set()]));

  const ensure = async (name: ProjectionName, keys: Iterable<string>) => {
    const have = loaded.get(name)!;
    const wanted = [...new Set(keys)].filter((k) => !have.has(k));
    if (wanted.length === 0) return;
    if (stats) {
      stats.loads += 1;
      stats.rowsRequested += wanted.length;
    }
    const rows = await load(name, wanted);
    for (const k of wanted) have.set(k, rows.get(k) ?? null);
  };

  // Preload what the batch will need, so that misses (each a round trip) stay rare: the articles
  // it names, their originals, the originals' copies (figures list them), the clusters and figures
  // those touch. Anything missed is loaded when `applyEvents` asks for it.
  const named = keysNamedBy(events);
  const articles = loaded.get('articles')!;
  const article = (id: string) => (articles.get(id) ?? null) as ArticleRow | null;
  const rootId = (id: string) => article(id)?.duplicateOf?.originalId ?? id;
  await ensure('articles', named.articles);
  await ensure('articles', [...named.articles].map(rootId));
  const roots = new Set([...named.articles].map(rootId));
  await ensure(
    'articles',
    [...roots].flatMap((id) => article(id)?.copies.map((c) => c.articleId) ?? []),
  );
  const clusterKeys = new Set<string>();
  const figureKeys = new Set(named.figures);
  for (const id of named.articles) {
    const a = article(id);
    const root = article(rootId(id));
    for (const k of a?.figureKeys ?? []) figureKeys.add(k);
    for (const k of root?.clusterFigureKeys ?? []) figureKeys.add(k);
    if (root && root.copies.length > 0) clusterKeys.add(root.articleId);
    if (a && a.copies.length > 0) clusterKeys.add(a.articleId);
  }
  for (const e of events) if (e.type === 'ArticleDuplicateDetected') clusterKeys.add(rootId(e.data.originalId));
  // One after the other: the loader may be one database connection.
  await ensure('feeds', named.feeds);
  await ensure('figures', figureKeys);
  await ensure('duplicates', clusterKeys);

  // Only rows the cache answered for are changed (`applyEvents` asks for every row first), so a
  // changed row is always in `loaded`, and `ensure` never loads it again over its change.
  const cache: RowCache = {
    get: (name, key) => loaded.get(name)!.get(key),
    set: (name, key, row) => {
      loaded.get(name)!.set(key, row);
      changedKeys.get(name)!.add(key);
    },
  };
  let from = 0;
  for (;;) {
    const result = applyEvents(set, events, cache, from);
    if (!result.missing) break;
    for (const [name, keys] of Object.entries(result.missing) as [ProjectionName, string[]][]) {
      await ensure(name, keys);
    }
    from = result.next;
  }

  const finalize = options.finalize ?? true;
  const changes: BatchChanges = new Map();
  for (const [name, keys] of changedKeys) {
    const p = set.get(name);
    const rows = loaded.get(name)!;
    const out = new Map<string, ProjectionRow | null>();
    for (const key of keys) {
      const row = rows.get(key) ?? null;
      out.set(key, row && finalize ? p.finalize(row) : row);
    }
    changes.set(name, out);
  }
  return changes;
}
