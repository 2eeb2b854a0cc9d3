import type { StoredEvent } from '@tally/events';
import type { ArticleRow } from './ArticleRow.ts';
import { articlesProjection } from './articles.ts';
import { duplicatesProjection } from './duplicates.ts';
import { feedsProjection } from './feeds.ts';
import { figureMarksProjection } from './figureClaims.ts';
import { type FigureRow, type FiguresOptions, figuresProjection } from './figures.ts';
import {
  handlesEvent,
  type Projection,
  type ProjectionLookup,
  type ProjectionName,
  type ProjectionRow,
  projectionNames,
} from './Projection.ts';
import { tokensProjection } from './tokens.ts';

export interface ProjectionSetOptions extends FiguresOptions {}

/** The projections Tally keeps, in the order they apply each event, and one version string for all. */
export interface ProjectionSet {
  readonly projections: readonly Projection<ProjectionRow>[];
  /**
   * Changes whenever any projection's version or an option that changes output changes; a
   * projector whose stored version differs rebuilds. The projections are rebuilt together because
   * figures and duplicates read the articles rows.
   */
  readonly version: string;
  get(name: ProjectionName): Projection<ProjectionRow>;
}

export function createProjectionSet(options: ProjectionSetOptions = {}): ProjectionSet {
  const figures = figuresProjection(options);
  const projections = [
    articlesProjection,
    feedsProjection,
    duplicatesProjection,
    figures,
    tokensProjection,
  ] as unknown as readonly Projection<ProjectionRow>[];
  const byName = new Map(projections.map((p) => [p.name, p]));
  const window = options.statementWindowDays ?? 3;
  return {
    projections,
    version: `${projections.map((p) => `${p.name}@${p.version}`).join(' ')} window=${window}`,
    get: (name) => byName.get(name)!,
  };
}

/**
 * The set a rebuild folds: the same projections, version and order, with figures as marks (see
 * `FigureClaims`: the rebuild gathers each figure's claims and makes its row once, at the end).
 */
export function createRebuildSet(options: ProjectionSetOptions = {}): ProjectionSet {
  const full = createProjectionSet(options);
  const marks = figureMarksProjection(full.get('figures') as unknown as Projection<FigureRow>);
  const projections = full.projections.map((p) =>
    p.name === 'figures' ? (marks as unknown as Projection<ProjectionRow>) : p,
  );
  const byName = new Map(projections.map((p) => [p.name, p]));
  return { projections, version: full.version, get: (name) => byName.get(name)! };
}

/**
 * The rows a batch is applied to. `get` answers `undefined` for a row it has not loaded (the caller
 * loads it and resumes) and `null` for a row known not to exist.
 */
export interface RowCache {
  get(name: ProjectionName, key: string): ProjectionRow | null | undefined;
  set(name: ProjectionName, key: string, row: ProjectionRow | null): void;
}

/** Rows an event needs that the cache has not loaded, by projection. */
export type MissingRows = Partial<Record<ProjectionName, string[]>>;

export interface ApplyResult {
  /** Index of the first event not applied (`events.length` when all were). */
  next: number;
  /** Why the event at `next` was not applied: rows to load before resuming at `next`. */
  missing: MissingRows | null;
}

class Missing {
  readonly rows = new Map<ProjectionName, Set<string>>();
  add(name: ProjectionName, key: string): void {
    let set = this.rows.get(name);
    if (!set) {
      set = new Set();
      this.rows.set(name, set);
    }
    set.add(key);
  }
  toJSON(): MissingRows {
    const out: MissingRows = {};
    for (const [name, keys] of this.rows) out[name] = [...keys];
    return out;
  }
}

/**
 * Applies one event at a time. One per `applyEvents` call, so the lookups and the lists reused from
 * event to event are made once per batch rather than once per event (a rebuild applies millions).
 */
class EventApplier {
  readonly #set: ProjectionSet;
  readonly #cache: RowCache;
  /** Rows the current event needs and the cache has not loaded (null: none so far). */
  #missing: Missing | null = null;
  /** Article rows as the current event's articles fold left them (null: none changed). */
  #articlesAfter: Map<string, ProjectionRow | null> | null = null;
  /** The current event's changes: projection, key, row (null: delete), flattened. */
  readonly #changes: (ProjectionName | string | ProjectionRow | null)[] = [];
  readonly #plan: (Projection<ProjectionRow> | string[])[] = [];
  readonly before: ProjectionLookup;
  readonly after: ProjectionLookup;

  constructor(set: ProjectionSet, cache: RowCache) {
    this.#set = set;
    this.#cache = cache;
    this.before = {
      article: (id) => {
        const row = this.#cache.get('articles', id);
        if (row === undefined) this.#miss('articles', id);
        return (row ?? null) as ArticleRow | null;
      },
    };
    this.after = {
      article: (id) => {
        const changed = this.#articlesAfter;
        if (changed?.has(id)) return changed.get(id) as ArticleRow | null;
        return this.before.article(id);
      },
    };
  }

  #miss(name: ProjectionName, key: string): void {
    this.#missing ??= new Missing();
    this.#missing.add(name, key);
  }

  /** Applies the event to the cache, or applies nothing and names the rows to load first. */
  apply(event: StoredEvent): MissingRows | null {
    const cache = this.#cache;
    const plan = this.#plan;
    const changes = this.#changes;
    this.#missing = null;
    this.#articlesAfter = null;
    plan.length = 0;
    changes.length = 0;
    for (const p of this.#set.projections) {
      if (!handlesEvent(p, event)) continue;
      const keys = p.keysOf(event, this.before);
      plan.push(p, keys.length > 1 ? [...new Set(keys)] : keys);
    }
    if (this.#missing) return this.#takeMissing();
    for (let i = 0; i < plan.length; i += 2) {
      const p = plan[i] as Projection<ProjectionRow>;
      for (const k of plan[i + 1] as string[]) if (cache.get(p.name, k) === undefined) this.#miss(p.name, k);
    }
    if (this.#missing) return this.#takeMissing();

    for (let i = 0; i < plan.length; i += 2) {
      const p = plan[i] as Projection<ProjectionRow>;
      const keys = plan[i + 1] as string[];
      // The articles fold reads articles as they were; the folds after it read them as they are now.
      const isArticles = p.name === 'articles';
      const lookup = isArticles ? this.before : this.after;
      let articlesAfter: Map<string, ProjectionRow | null> | null = null;
      for (const key of keys) {
        const row = cache.get(p.name, key) ?? null;
        if (row && row.position >= event.position) continue; // applied already: the same event twice changes nothing
        const next = p.evolve(row, event, key, lookup);
        if (next === row) continue;
        if (next && (p.movesPosition?.(event) ?? true)) next.position = event.position;
        changes.push(p.name, key, next);
        if (isArticles) {
          articlesAfter ??= new Map();
          articlesAfter.set(key, next);
        }
      }
      if (this.#missing) return this.#takeMissing();
      if (articlesAfter) this.#articlesAfter = articlesAfter;
    }
    for (let i = 0; i < changes.length; i += 3) {
      cache.set(changes[i] as ProjectionName, changes[i + 1] as string, changes[i + 2] as ProjectionRow | null);
    }
    changes.length = 0;
    this.#articlesAfter = null;
    return null;
  }

  #takeMissing(): MissingRows {
    const missing = this.#missing!.toJSON();
    this.#missing = null;
    this.#articlesAfter = null;
    this.#changes.length = 0;
    return missing;
  }
}

/**
 * Applies events (in log order) to the cached rows, one event at a time and each event to every
 * projection that handles it, so the result is the same however the log is cut into batches. Stops
 * at the first event that needs a row the cache has not loaded and says which; nothing of that
 * event is applied, so the caller loads the rows and calls again from `next`.
 */
export function applyEvents(
  set: ProjectionSet,
  events: readonly StoredEvent[],
  cache: RowCache,
  from = 0,
): ApplyResult {
  const applier = new EventApplier(set, cache);
  for (let i = from; i < events.length; i++) {
    const missing = applier.apply(events[i]!);
    if (missing) return { next: i, missing };
  }
  return { next: events.length, missing: null };
}

/**
 * The keys a batch will certainly need, to load before applying it (misses found while applying
 * are reported by `applyEvents`): every article an event names, and every feed and figure key.
 */
export function keysNamedBy(events: readonly StoredEvent[]): Record<'articles' | 'feeds' | 'figures', Set<string>> {
  const articles = new Set<string>();
  const feeds = new Set<string>();
  const figures = new Set<string>();
  for (const e of events) {
    const d = e.data as { articleId?: string; originalId?: string; feedId?: string };
    if (d.articleId !== undefined) articles.add(d.articleId);
    if (d.feedId !== undefined) feeds.add(d.feedId);
    if (e.type === 'ArticleDuplicateDetected') articles.add(e.data.originalId);
    if (e.type === 'ClaimExtracted') figures.add(e.data.figureKey);
  }
  return { articles, feeds, figures };
}

/** Rows kept in memory: for tests, and for anything small enough to fold without a database. */
export class InMemoryProjections {
  readonly set: ProjectionSet;
  readonly #rows = new Map<ProjectionName, Map<string, ProjectionRow>>(projectionNames.map((n) => [n, new Map()]));

  constructor(options: ProjectionSetOptions = {}) {
    this.set = createProjectionSet(options);
  }

  /** Applies events in log order and finalizes the rows they changed. */
  apply(events: readonly StoredEvent[]): this {
    const dirty = new Map<ProjectionName, Set<string>>(projectionNames.map((n) => [n, new Set()]));
    const cache: RowCache = {
      get: (name, key) => this.#rows.get(name)!.get(key) ?? null,
      set: (name, key, row) => {
        dirty.get(name)!.add(key);
        if (row) this.#rows.get(name)!.set(key, row);
        else this.#rows.get(name)!.delete(key);
      },
    };
    applyEvents(this.set, events, cache);
    for (const [name, keys] of dirty) {
      const p = this.set.get(name);
      for (const key of keys) {
        const row = this.#rows.get(name)!.get(key);
        if (row) this.#rows.get(name)!.set(key, p.finalize(row));
      }
    }
    return this;
  }

  /** The rows of one projection, by key in key order. */
  rows<R extends ProjectionRow = ProjectionRow>(name: ProjectionName): Map<string, R> {
    const rows = this.#rows.get(name)!;
    return new Map([...rows.keys()].sort().map((k) => [k, rows.get(k) as R]));
  }

  row<R extends ProjectionRow = ProjectionRow>(name: ProjectionName, key: string): R | null {
    return (this.#rows.get(name)!.get(key) as R | undefined) ?? null;
  }
}
