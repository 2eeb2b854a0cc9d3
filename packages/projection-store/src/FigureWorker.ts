import { Worker } from 'node:worker_threads';
import type { StoredEvent } from '@tally/events';
import type { FigureArticleFacts, FigureMark, ProjectionSetOptions } from '@tally/projections';
import type { FigureRequest } from './buildFigures.ts';
import type { SerializedRow } from './projectionTables.ts';

const WORKER_URL = new URL('./figureWorker.mjs', import.meta.url);

type Reply = { id: number; rows: SerializedRow[] } | { id: number; error: string };

/**
 * A worker thread that keeps a rebuild's figures: the rebuild sends it each batch's claims as it
 * folds and the article facts as it stores articles, and at the swap the figures' marks; the thread
 * makes, finalizes and serializes each figure (`figureBuilder`) and the rows come back as the
 * strings to send. The rebuild's own thread never holds a figure row: it folds marks
 * (`createRebuildSet`).
 */
export class FigureWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (rows: SerializedRow[]) => void; reject: (err: Error) => void }>();
  #next = 0;
  #failure: Error | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      const waiter = this.#pending.get(reply.id);
      if (!waiter) return;
      this.#pending.delete(reply.id);
      if ('error' in reply) waiter.reject(new Error(`building figures failed: ${reply.error}`));
      else waiter.resolve(reply.rows);
    });
    const fail = (err: Error) => {
      this.#failure ??= err;
      for (const waiter of this.#pending.values()) waiter.reject(this.#failure);
      this.#pending.clear();
    };
    worker.on('error', (err) => fail(new Error(`figure worker failed: ${err.message}`)));
    worker.on('exit', (code) => fail(new Error(`figure worker exited with code ${code}`)));
  }

  /** Starts a worker and waits until it is ready; rejects when it cannot start. */
  static start(options: ProjectionSetOptions): Promise<FigureWorker> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: { ...options } });
      const onError = (err: Error) => reject(err);
      const onExit = (code: number) => reject(new Error(`figure worker exited with code ${code}`));
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.once('message', () => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(new FigureWorker(worker));
      });
    });
  }

  #post(request: FigureRequest): void {
    if (this.#failure) throw this.#failure;
    this.#worker.postMessage(request);
  }

  /** Sends the claims among `events` (in log order). */
  addEvents(events: readonly StoredEvent[]): void {
    const pairs: [number, unknown][] = [];
    for (const e of events) if (e.type === 'ClaimExtracted') pairs.push([e.position, e.data]);
    if (pairs.length > 0) this.#post({ op: 'claims', json: JSON.stringify(pairs) });
  }

  /** Sends what figures read of articles, as it changed since the last call. */
  addFacts(changed: readonly FigureArticleFacts[], removed: readonly string[]): void {
    if (changed.length > 0 || removed.length > 0)
      this.#post({ op: 'articles', json: JSON.stringify([changed, removed]) });
  }

  /** Makes, finalizes and serializes the marked figures, in order. */
  build(marks: readonly FigureMark[]): Promise<SerializedRow[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ op: 'build', id, json: JSON.stringify(marks) } satisfies FigureRequest);
    });
  }

  /**
   * Builds the marked figures in chunks (every article's facts sent first), keeping `ahead` chunks
   * in the worker while the caller sends the ones before: yields each chunk's rows in order.
   */
  async *buildAll(marks: readonly FigureMark[], chunkRows = 250, ahead = 2): AsyncGenerator<SerializedRow[]> {
    const queued: Promise<SerializedRow[]>[] = [];
    let at = 0;
    const topUp = () => {
      while (queued.length < ahead && at < marks.length) {
        const chunk = this.build(marks.slice(at, at + chunkRows));
        chunk.catch(() => {}); // awaited in order below; a chunk left behind must not go unhandled
        queued.push(chunk);
        at += chunkRows;
      }
    };
    topUp();
    while (queued.length > 0) {
      const chunk = await queued.shift()!;
      topUp();
      yield chunk;
    }
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('figure worker closed');
    await this.#worker.terminate();
  }
}
