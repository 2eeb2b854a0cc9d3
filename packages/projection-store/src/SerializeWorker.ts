import { Worker } from 'node:worker_threads';
import type { ProjectionName, ProjectionRow, ProjectionSetOptions } from '@tally/projections';
import type { SerializedRow } from './projectionTables.ts';

const WORKER_URL = new URL('./serializeWorker.mjs', import.meta.url);

type Reply = { id: number; rows: SerializedRow[] } | { id: number; error: string };

/**
 * A worker thread that finalizes and serializes rows for `ProjectionTables.writeSerialized`. A
 * rebuild stores its figures at the swap, and deriving their statements and serializing them took
 * most of the swap's time on the process's one thread while the second core mostly waited for the
 * database; here that work runs beside the thread that folds and sends. The rows travel as JSON
 * text (copied, not cloned object by object) and come back as the strings to send.
 */
export class SerializeWorker {
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
      if ('error' in reply) waiter.reject(new Error(`serializing rows failed: ${reply.error}`));
      else waiter.resolve(reply.rows);
    });
    const fail = (err: Error) => {
      this.#failure ??= err;
      for (const waiter of this.#pending.values()) waiter.reject(this.#failure);
      this.#pending.clear();
    };
    worker.on('error', (err) => fail(new Error(`serializing worker failed: ${err.message}`)));
    worker.on('exit', (code) => fail(new Error(`serializing worker exited with code ${code}`)));
  }

  /** Starts a worker and waits until it is ready; rejects when it cannot start. */
  static start(options: ProjectionSetOptions): Promise<SerializeWorker> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: { ...options } });
      const onError = (err: Error) => reject(err);
      const onExit = (code: number) => reject(new Error(`serializing worker exited with code ${code}`));
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.once('message', () => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(new SerializeWorker(worker));
      });
    });
  }

  /** Finalizes and serializes `[key, row]` pairs, in order. */
  serialize(name: ProjectionName, rows: readonly (readonly [string, ProjectionRow])[]): Promise<SerializedRow[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#next++;
    const json = JSON.stringify(rows);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, name, rows: json });
    });
  }

  /**
   * Serializes rows in chunks, keeping `ahead` chunks in the worker while the caller sends the ones
   * before: yields each chunk's serialized rows in order.
   */
  async *serializeAll(
    name: ProjectionName,
    rows: readonly (readonly [string, ProjectionRow])[],
    chunkRows = 250,
    ahead = 2,
  ): AsyncGenerator<SerializedRow[]> {
    const queued: Promise<SerializedRow[]>[] = [];
    let at = 0;
    const topUp = () => {
      while (queued.length < ahead && at < rows.length) {
        const chunk = this.serialize(name, rows.slice(at, at + chunkRows));
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
    this.#failure ??= new Error('serializing worker closed');
    await this.#worker.terminate();
  }
}
