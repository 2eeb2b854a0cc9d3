import type { EventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';

/** Counts by label, as plain records (for the metrics and for the pipeline page). */
export interface LogCounts {
  /** Events read so far, by type. */
  eventsByType: Record<string, number>;
  /** Article fetches by outcome: `ok` or the failure's reason code. */
  articleFetches: Record<string, number>;
  /** Feed polls by outcome: `ok`, `not-modified` or the failure's reason code. */
  feedPolls: Record<string, number>;
  /** Article extractions by outcome: `ok` or the reason code. */
  extractions: Record<string, number>;
  /** Duplicate verdicts by method. */
  duplicateVerdicts: Record<string, number>;
  /** The log position counted up to. */
  position: number;
}

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/**
 * Counts the log incrementally: each `update` reads only the events appended since the last one
 * (at most `maxPerUpdate`, so a scrape of a large, new log stays quick and the counts catch up over
 * a few scrapes). The counts cover the whole log, so they survive restarts of the API (they are
 * recounted), unlike counters kept by the workers.
 */
export class LogCounters {
  readonly #store: EventStore;
  readonly #maxPerUpdate: number;
  readonly counts: LogCounts = {
    eventsByType: {},
    articleFetches: {},
    feedPolls: {},
    extractions: {},
    duplicateVerdicts: {},
    position: 0,
  };
  #updating: Promise<void> | null = null;
  readonly #listeners: ((event: StoredEvent) => void)[] = [];

  constructor(store: EventStore, options: { maxPerUpdate?: number } = {}) {
    this.#store = store;
    this.#maxPerUpdate = options.maxPerUpdate ?? 50_000;
  }

  /** Called for every event counted (metrics counters increment from here). */
  onEvent(listener: (event: StoredEvent) => void): void {
    this.#listeners.push(listener);
  }

  /** Reads what was appended since the last update; concurrent callers share one read. */
  update(): Promise<void> {
    this.#updating ??= this.#read().finally(() => {
      this.#updating = null;
    });
    return this.#updating;
  }

  async #read(): Promise<void> {
    let budget = this.#maxPerUpdate;
    while (budget > 0) {
      const limit = Math.min(1000, budget);
      const page = await this.#store.readAll({ after: this.counts.position, limit });
      for (const e of page) this.#count(e);
      budget -= page.length;
      if (page.length < limit) return;
    }
  }

  #count(e: StoredEvent): void {
    const c = this.counts;
    bump(c.eventsByType, e.type);
    switch (e.type) {
      case 'ArticleFetched':
        bump(c.articleFetches, 'ok');
        break;
      case 'ArticleFetchFailed':
        bump(c.articleFetches, e.data.reason);
        break;
      case 'FeedPolled':
        bump(c.feedPolls, e.data.notModified ? 'not-modified' : 'ok');
        break;
      case 'FeedPollFailed':
        bump(c.feedPolls, e.data.reason);
        break;
      case 'ArticleExtracted':
        bump(c.extractions, 'ok');
        break;
      case 'ArticleExtractionFailed':
        bump(c.extractions, e.data.reason);
        break;
      case 'ArticleDuplicateDetected':
        bump(c.duplicateVerdicts, e.data.method);
        break;
      default:
        break;
    }
    c.position = e.position;
    for (const l of this.#listeners) l(e);
  }
}
