import type { EventStore } from '@tally/event-store';
import type { Bound, DuplicateMethod, Period, Speaker, StoredEvent } from '@tally/events';
import {
  type ArticleRow,
  applyEvents,
  articlesProjection,
  figuresProjection,
  type ProjectionLookup,
  type ProjectionRow,
  type ProjectionSet,
  qualifierOf,
} from '@tally/projections';

/** The events that can change a figure. */
export const figureChangeTypes = ['ClaimExtracted', 'ArticleDuplicateDetected'] as const;
type ChangeEvent = Extract<StoredEvent, { type: (typeof figureChangeTypes)[number] }>;

/** One change to one or more figures, as the stream sends it. `position` is the log position (the SSE id). */
export interface FigureChange {
  position: number;
  type: (typeof figureChangeTypes)[number];
  recordedAt: string;
  /** The figures the event changes. */
  figureKeys: string[];
  /** For `ClaimExtracted`: the claim stated. */
  claim?: {
    claimId: string;
    articleId: string;
    value: number | null;
    range: [number, number] | null;
    bound: Bound;
    /** "more than", "about", …; null for a plain number: the source gave no qualifier. */
    qualifier: string | null;
    unit: string | null;
    /** What the figure measures ("revenue"); null when its unit says it all. */
    measure: string | null;
    /** The move stated: direction, amount in `changeUnit`, earlier level (see the figure's `valueIs`). */
    change: 'up' | 'down' | null;
    changeBy: number | null;
    changeUnit: string | null;
    previous: number | null;
    /** The period the figure is about. */
    period: Period | null;
    /** A forecast, target, plan or possibility, not a fact. */
    hedged: boolean;
    speaker: Speaker | null;
    statedAt: string | null;
    sentence: string;
    url: string;
    siteName: string | null;
    publishedAt: string | null;
  };
  /** For `ArticleDuplicateDetected`: the copy credited to its original. */
  duplicate?: { articleId: string; originalId: string; similarity: number; method: DuplicateMethod };
}

export interface FigureChangePage {
  changes: FigureChange[];
  /** Read on after this position; every change up to it has been returned. */
  next: number;
}

const articlesOnly: ProjectionSet = {
  projections: [articlesProjection as unknown as ProjectionSet['projections'][number]],
  version: `articles@${articlesProjection.version}`,
  get: () => articlesProjection as unknown as ProjectionSet['projections'][number],
};

/**
 * Which log events change a figure, decided exactly as the figures projection decides it: a claim
 * always changes its figure; a duplicate verdict changes the figures that draw on the copy's or the
 * original's cluster *as the log stood before the verdict*. To know that, this index folds the
 * articles projection over claims and verdicts only (one small row per article that has either),
 * in log order, and remembers the figures each verdict changed. It is shared by every stream client;
 * clients read the log themselves and ask the index only about verdicts, so nothing is buffered
 * per change.
 *
 * The answer for a position never changes once indexed, so a client that resumes after any
 * position gets the same sequence a client that never disconnected got.
 */
export class FigureChangeFeed {
  readonly #store: EventStore;
  readonly #rows = new Map<string, ProjectionRow>();
  readonly #verdictKeys = new Map<number, string[]>();
  readonly #figures = figuresProjection();
  readonly #waiters = new Set<() => void>();
  readonly #abort = new AbortController();
  readonly #pageSize: number;
  #indexedTo = 0;
  #running: Promise<void> | null = null;
  #failure: unknown = null;
  #onError: (err: unknown) => void;

  constructor(store: EventStore, options: { pageSize?: number; onError?: (err: unknown) => void } = {}) {
    this.#store = store;
    this.#pageSize = options.pageSize ?? 1000;
    this.#onError = options.onError ?? (() => {});
  }

  /** Every change at or before this position is known. */
  get indexedTo(): number {
    return this.#indexedTo;
  }

  /** Starts following the log (idempotent); the index is built on first use, not at start-up. */
  start(): void {
    if (this.#running || this.#abort.signal.aborted) return;
    this.#running = this.#follow();
  }

  async close(): Promise<void> {
    this.#abort.abort();
    this.#wake();
    await this.#running;
  }

  async #follow(): Promise<void> {
    const signal = this.#abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.advance();
        failures = 0;
        await this.#store.waitForAppend(this.#indexedTo, 30_000, signal);
      } catch (err) {
        if (signal.aborted) break;
        this.#failure = err;
        this.#onError(err);
        failures++;
        // The log is unreachable: back off, then try again (streams wait meanwhile).
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
          signal.addEventListener('abort', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    }
  }

  /** Folds the log up to its head into the index. */
  async advance(): Promise<void> {
    for (;;) {
      const head = await this.#store.head();
      const page = await this.#store.readAll({
        after: this.#indexedTo,
        limit: this.#pageSize,
        types: figureChangeTypes,
      });
      for (const event of page) this.#index(event as ChangeEvent);
      const last = page.at(-1)?.position ?? this.#indexedTo;
      // A short page holds every matching event committed when it was read, so all up to the head
      // read before it is indexed (positions commit in order).
      const done = page.length < this.#pageSize;
      const next = done ? Math.max(head, last) : last;
      if (next > this.#indexedTo) {
        this.#indexedTo = next;
        this.#failure = null;
        this.#wake();
      }
      if (done) return;
    }
  }

  #lookup(): ProjectionLookup {
    return { article: (id) => (this.#rows.get(id) as ArticleRow | undefined) ?? null };
  }

  #index(event: ChangeEvent): void {
    if (event.position <= this.#indexedTo) return;
    if (event.type === 'ArticleDuplicateDetected') {
      const keys = this.#figures.keysOf(event, this.#lookup());
      if (keys.length > 0) this.#verdictKeys.set(event.position, keys);
    }
    applyEvents(articlesOnly, [event], {
      get: (_name, key) => this.#rows.get(key) ?? null,
      set: (_name, key, row) => {
        if (row) this.#rows.set(key, row);
        else this.#rows.delete(key);
      },
    });
  }

  #wake(): void {
    for (const wake of [...this.#waiters]) wake();
  }

  /**
   * Resolves once the index is past `position`, after `timeoutMs`, or when `signal` aborts;
   * answers whether it moved past.
   */
  waitPast(position: number, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    if (this.#indexedTo > position) return Promise.resolve(true);
    if (signal.aborted || this.#abort.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        signal.removeEventListener('abort', finish);
        resolve(this.#indexedTo > position);
      };
      const check = () => {
        if (this.#indexedTo > position || this.#abort.signal.aborted) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.#waiters.add(check);
      signal.addEventListener('abort', finish, { once: true });
    });
  }

  /** The last error reading the log, while it lasts (cleared by the next successful read). */
  get failure(): unknown {
    return this.#failure;
  }

  /** The changes after `after`, up to what is indexed, in log order. */
  async read(after: number, limit: number): Promise<FigureChangePage> {
    const upTo = this.#indexedTo;
    if (after >= upTo) return { changes: [], next: after };
    const page = await this.#store.readAll({ after, limit, types: figureChangeTypes });
    const changes: FigureChange[] = [];
    let next = after;
    for (const event of page) {
      if (event.position > upTo) break;
      next = event.position;
      const change = this.#changeOf(event as ChangeEvent);
      if (change) changes.push(change);
    }
    if (page.length < limit || page.some((e) => e.position > upTo)) next = upTo;
    return { changes, next };
  }

  #changeOf(event: ChangeEvent): FigureChange | null {
    if (event.type === 'ClaimExtracted') {
      const d = event.data;
      return {
        position: event.position,
        type: event.type,
        recordedAt: event.recordedAt,
        figureKeys: [d.figureKey],
        claim: {
          claimId: d.claimId,
          articleId: d.articleId,
          value: d.value,
          range: d.range,
          bound: d.bound,
          qualifier: qualifierOf[d.bound],
          unit: d.unit,
          // Claims stored before these fields existed are read back without them.
          measure: d.measure ?? null,
          change: d.change ?? null,
          changeBy: d.changeBy ?? null,
          changeUnit: d.changeUnit ?? null,
          previous: d.previous ?? null,
          period: d.period ?? null,
          hedged: d.hedged ?? false,
          speaker: d.speaker,
          statedAt: d.statedAt,
          sentence: d.sentence,
          url: d.url,
          siteName: d.siteName,
          publishedAt: d.publishedAt,
        },
      };
    }
    const keys = this.#verdictKeys.get(event.position);
    if (!keys) return null;
    const d = event.data;
    return {
      position: event.position,
      type: event.type,
      recordedAt: event.recordedAt,
      figureKeys: keys,
      duplicate: { articleId: d.articleId, originalId: d.originalId, similarity: d.similarity, method: d.method },
    };
  }
}
