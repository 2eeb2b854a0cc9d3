import type { SqlTx } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import type { Logger } from '@tally/logger';
import {
  type ArticleRow,
  type FigureArticleFacts,
  FigureClaims,
  type FigureMark,
  figureArticleFacts,
  type Projection,
  type ProjectionRow,
  type ProjectionSetOptions,
} from '@tally/projections';
import { FigureWorker } from './FigureWorker.ts';
import type { ProjectionTables } from './projectionTables.ts';

/** Figures made and written per chunk when no worker thread keeps them. */
const CHUNK_ROWS = 250;
/** Articles' facts noted before they go to the worker in one message. */
const FACTS_PER_MESSAGE = 5000;

/**
 * A rebuild's figures. The rebuild's thread folds only their marks (`createRebuildSet`: key, first
 * and last change); the claims are gathered, batch by batch, in a worker thread (`FigureWorker`) or,
 * without one, here (`FigureClaims`); the facts of each article a figure may read are noted as the
 * articles are stored, and sent on to the worker as they pile up. At the swap, once every article
 * is stored, `store` makes every figure's row from the three, finalizes it and writes it into the
 * build tables: each figure is made, derived and serialized once, and never held as a row while
 * the log is read.
 */
export class RebuildFigures {
  /** The figures' marks, by key: the rows of the figures projection as the rebuild folds it. */
  readonly marks = new Map<string, FigureMark>();
  readonly #facts = new Map<string, FigureArticleFacts>();
  /** Facts noted since the worker was last sent them (null: the article is gone). */
  readonly #unsent = new Map<string, FigureArticleFacts | null>();
  readonly #finalize: (row: ProjectionRow) => ProjectionRow;
  #local: FigureClaims | null = null;
  #worker: FigureWorker | null = null;
  /** While the worker starts: the claims' batches, sent when it is ready (or gathered here if it fails). */
  #waiting: StoredEvent[][] | null = null;
  #starting: Promise<void> = Promise.resolve();

  constructor(figures: Projection<ProjectionRow>, useWorker: boolean, options: ProjectionSetOptions, log: Logger) {
    this.#finalize = (row) => figures.finalize(row);
    if (!useWorker) {
      this.#local = new FigureClaims();
      return;
    }
    this.#waiting = [];
    this.#starting = FigureWorker.start(options).then(
      (worker) => {
        this.#worker = worker;
        for (const events of this.#waiting ?? []) worker.addEvents(events);
        this.#waiting = null;
        this.#sendFacts(FACTS_PER_MESSAGE);
      },
      (err: unknown) => {
        log.warn({ err }, 'no worker thread for the figures: the rebuild makes them itself');
        this.#local = new FigureClaims();
        for (const events of this.#waiting ?? []) this.#local.addEvents(events);
        this.#waiting = null;
        this.#unsent.clear();
      },
    );
  }

  /** Whether the figures are kept in a worker thread (known once it started). */
  get inWorker(): boolean {
    return this.#worker !== null;
  }

  /** Gathers the claims of a batch the rebuild has folded (each batch once, in log order). */
  add(events: readonly StoredEvent[]): void {
    this.#sendFacts(FACTS_PER_MESSAGE);
    if (this.#worker) this.#worker.addEvents(events);
    else if (this.#local) this.#local.addEvents(events);
    else {
      const claims = events.filter((e) => e.type === 'ClaimExtracted');
      if (claims.length > 0) this.#waiting!.push(claims);
    }
  }

  /**
   * Notes what figures read of an article row the rebuild stores (null: deleted). The worker is
   * sent the facts as they pile up, so that at the swap it has nearly all of them already.
   */
  noteArticle(key: string, row: ProjectionRow | null): void {
    const facts = row ? figureArticleFacts(row as ArticleRow) : null;
    if (facts) this.#facts.set(key, facts);
    else this.#facts.delete(key);
    if (!this.#local) this.#unsent.set(key, facts);
  }

  /** Sends the worker the facts noted since the last time, once there are at least `least`. */
  #sendFacts(least: number): void {
    if (!this.#worker || this.#unsent.size < Math.max(least, 1)) return;
    const changed: FigureArticleFacts[] = [];
    const removed: string[] = [];
    for (const [id, facts] of this.#unsent) {
      if (facts) changed.push(facts);
      else removed.push(id);
    }
    this.#unsent.clear();
    this.#worker.addFacts(changed, removed);
  }

  /**
   * Makes, finalizes and writes every figure into the build tables. Every article must have been
   * stored (noted) first: the rows read the articles' facts as the rebuild ends. Returns the rows.
   */
  async store(tx: SqlTx, tables: ProjectionTables): Promise<number> {
    await this.#starting;
    const marks = [...this.marks.values()].sort((a, b) => (a.figureKey < b.figureKey ? -1 : 1));
    if (this.#worker) {
      this.#sendFacts(0);
      await tables.writeSerialized(tx, 'figures', 'build', this.#worker.buildAll(marks));
      return marks.length;
    }
    const lookup = { article: (id: string) => this.#facts.get(id) ?? null };
    for (let at = 0; at < marks.length; at += CHUNK_ROWS) {
      const rows = new Map<string, ProjectionRow>();
      for (const mark of marks.slice(at, at + CHUNK_ROWS)) rows.set(mark.figureKey, this.#local!.row(mark, lookup));
      await tables.write(tx, 'figures', 'build', rows, this.#finalize);
    }
    return marks.length;
  }

  async close(): Promise<void> {
    await this.#starting;
    await this.#worker?.close();
    this.#local?.clear();
    this.marks.clear();
    this.#facts.clear();
    this.#unsent.clear();
  }
}
