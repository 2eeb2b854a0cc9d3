import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ExtractError, type ExtractedArticle } from '@tally/extract';
import type { ExtractionReply, ExtractionRequest } from './runExtraction.ts';

export interface ExtractPoolOptions {
  /**
   * Worker threads. Extraction is CPU-bound: more threads than cores only adds contention.
   * @defaultValue the number of cores (`os.availableParallelism()`)
   */
  threads?: number;
  /**
   * Time budget per page, counted from the moment a worker starts on it (not while it waits in
   * the queue). A page over budget is rejected with `extract-timeout` and its worker is replaced.
   * @defaultValue 10000
   */
  timeoutMs?: number;
  /**
   * Heap limit of each worker; a page that needs more kills only its worker (`extract-error`).
   * @defaultValue 512
   */
  maxHeapMb?: number;
  /**
   * Pages handed to a worker at once: the one it works on and the next ones, waiting in its own
   * message queue. With more than one, a worker that finishes a page starts the next at once, even
   * while the main thread is busy with something else (a projector batch deriving large figures)
   * and cannot hand it one; measured, the extraction threads of an ingest otherwise stood idle for
   * part of the run. A page queued behind a slow one goes to another worker once that one is idle
   * (see `stealAfterMs`).
   * @defaultValue 2
   */
  prefetch?: number;
  /**
   * A page waiting in a worker's queue behind one that has run this long is handed to an idle
   * worker instead (pages handed ahead are copies, so the pool still holds its bytes). The first
   * worker still reads its copy when it gets to it, and the pool ignores that answer: the price of
   * a page that takes a hundred times the usual, paid once per such page.
   * @defaultValue 1000
   */
  stealAfterMs?: number;
  /**
   * A worker left without a page this long is stopped; the next pages start workers again (a start
   * costs about a tenth of a second of CPU). Each worker holds its own heap and the extractor's code,
   * about 40 MB resident, which a process that polls feeds between bursts of pages would otherwise
   * keep for nothing (measured with `npm run bench:memory`). 0 keeps workers until `close`.
   * @defaultValue 10000
   */
  idleMs?: number;
}

export interface ExtractInput {
  /**
   * The page as received. When the bytes span their whole `ArrayBuffer` (a body read into one
   * Buffer of its own, as the HTTP client returns it) that buffer is moved to the worker thread
   * rather than copied: the caller's view is empty (detached) from then on. Bytes that are a part
   * of a larger buffer are copied.
   */
  bytes: Uint8Array;
  /** The Content-Type header of the response, for its charset and to refuse binary content. */
  contentType?: string | null;
  /** The final URL of the page (after redirects). */
  url: string;
}

/** The extracted article, and the charset the page was decoded with. */
export type PoolArticle = ExtractedArticle & { charset: string };

export interface ExtractPool {
  /**
   * Decodes and extracts a page on a worker thread.
   * @throws ExtractError with the extractor's reason, `extract-timeout` when the page exceeded its
   * budget, or `extract-error` when its worker died (out of memory).
   */
  extract(input: ExtractInput): Promise<PoolArticle>;
  /** Lets queued and running pages finish, then stops the workers. Later `extract` calls reject. */
  close(): Promise<void>;
  /** Worker threads running now: started for pages, stopped when idle (see `idleMs`). */
  readonly workers: number;
}

interface Task {
  request: ExtractionRequest;
  resolve: (article: PoolArticle) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Pages posted to the worker, in order: the first is the one it works on (its budget runs). */
  tasks: Task[];
  timer: NodeJS.Timeout | null;
  /** Whether the first task has run `stealAfterMs`: an idle worker may take the ones behind it. */
  overdue: boolean;
  stealTimer: NodeJS.Timeout | null;
  /** Runs while the worker has no page: it is stopped when it fires (see `idleMs`). */
  idleTimer: NodeJS.Timeout | null;
  /** Set once the slot is done for: timed out, crashed or closed. Its events are then ignored. */
  retired: boolean;
}

const WORKER_URL = new URL('./extractWorker.mjs', import.meta.url);

/**
 * Sends a page to a worker, moving its buffer instead of copying it when the bytes own the whole
 * buffer and the worker takes the page at once (`move`): a structured clone of a 500 KB page costs
 * a copy on each side and holds the page twice. A page that waits behind another in the worker's
 * queue is copied, so that it can go to another worker if this one is cut off. Part of a larger
 * buffer (Node's pooled small buffers, a slice) is copied too, since moving it would take the rest
 * of the buffer from its owner.
 */
function post(worker: Worker, request: ExtractionRequest, move: boolean): void {
  const { buffer, byteOffset, byteLength } = request.bytes;
  if (move && buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength && byteLength > 0) {
    try {
      worker.postMessage(request, [buffer]);
      return;
    } catch {
      // A buffer Node marked untransferable: copied below.
    }
  }
  worker.postMessage(request);
}

/**
 * A pool of worker threads running `@tally/extract`. Pages queue in order; each goes to the first
 * worker with room (see `prefetch`) and gets its own time budget from the moment the worker is
 * known to start it. A worker over budget is terminated (the only way to stop synchronous code)
 * and replaced; the pages waiting behind that one go back to the front of the queue, so one
 * pathological page costs one budget and never loses the rest. Idle workers do not keep the
 * process alive.
 */
export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxHeapMb = options.maxHeapMb ?? 512;
  const prefetch = Math.max(1, options.prefetch ?? 2);
  const stealAfterMs = Math.max(0, options.stealAfterMs ?? 1000);
  const idleMs = Math.max(0, options.idleMs ?? 10_000);
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 1;
  let closing = false;
  let drained: (() => void) | null = null;

  const spawn = (): void => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    const slot: Slot = {
      worker,
      ready: false,
      tasks: [],
      timer: null,
      overdue: false,
      stealTimer: null,
      idleTimer: null,
      retired: false,
    };
    slots.add(slot);
    worker.on('message', (message: ExtractionReply | { ready: true }) => {
      if (slot.retired) return;
      if ('ready' in message) {
        slot.ready = true;
        worker.unref();
        pump();
        if (slot.tasks.length === 0) startIdle(slot);
        return;
      }
      const task = slot.tasks[0];
      if (!task || task.request.id !== message.id) return;
      finish(slot);
      if (message.ok) task.resolve({ ...message.article, charset: message.charset });
      else task.reject(new ExtractError(message.reason, message.message));
      pump();
    });
    worker.on('error', (err) => fail(slot, `extraction worker failed: ${err.message}`));
    worker.on('exit', (code) => fail(slot, `extraction worker exited with code ${code}`));
  };

  /** The worker has no page: it stops after `idleMs` unless one comes first. */
  const startIdle = (slot: Slot): void => {
    if (idleMs === 0 || slot.retired || closing) return;
    slot.idleTimer = setTimeout(() => {
      if (slot.retired || slot.tasks.length > 0) return;
      slot.retired = true;
      slots.delete(slot);
      void slot.worker.terminate();
    }, idleMs);
    slot.idleTimer.unref();
  };

  /** The worker starts on its first task now: that task's budget runs. */
  const startClock = (slot: Slot): void => {
    slot.overdue = false;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.timer = setTimeout(() => {
      retire(slot, new ExtractError('extract-timeout', `extraction took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    slot.stealTimer = setTimeout(() => {
      slot.overdue = true;
      pump();
    }, stealAfterMs);
    slot.stealTimer.unref();
  };

  const stopClock = (slot: Slot): void => {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.stealTimer) clearTimeout(slot.stealTimer);
    slot.timer = null;
    slot.stealTimer = null;
  };

  /** The worker's first task is done: its budget stops, the next one's starts. */
  const finish = (slot: Slot): void => {
    stopClock(slot);
    slot.tasks.shift();
    if (slot.tasks.length > 0) startClock(slot);
    else {
      slot.worker.unref();
      startIdle(slot);
    }
  };

  /**
   * Takes a slot out of the pool for good, rejecting the task it was working on; the tasks waiting
   * behind it go back to the front of the queue, and a fresh worker takes its place.
   */
  const retire = (slot: Slot, err: Error | null): void => {
    if (slot.retired) return;
    slot.retired = true;
    stopClock(slot);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const [task, ...waiting] = slot.tasks.splice(0);
    slots.delete(slot);
    void slot.worker.terminate();
    queue.unshift(...waiting);
    if (task && err) task.reject(err);
    pump();
  };

  const fail = (slot: Slot, message: string): void => {
    if (slot.retired) return;
    // A worker that dies before it is ready cannot load the extractor: nothing will work, so say so.
    if (!slot.ready && slot.tasks.length === 0) {
      const pending = queue.splice(0);
      retire(slot, null);
      for (const task of pending) task.reject(new ExtractError('extract-error', message));
      return;
    }
    retire(slot, new ExtractError('extract-error', message));
  };

  const pump = (): void => {
    // One round gives each ready worker one page, the least loaded first, so that pages spread
    // over the workers before any gets a second.
    for (let depth = 0; depth < prefetch && queue.length > 0; depth++) {
      for (const slot of slots) {
        if (queue.length === 0) break;
        if (!slot.ready || slot.retired || slot.tasks.length !== depth) continue;
        const task = queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) {
          slot.worker.ref();
          startClock(slot);
        }
        post(slot.worker, task.request, slot.tasks.length === 1);
      }
    }
    if (queue.length === 0) steal();
    const starting = [...slots].filter((s) => !s.ready).length;
    const wanted = Math.min(threads - slots.size, queue.length - starting);
    for (let i = 0; i < wanted; i++) spawn();
    if (closing && queue.length === 0 && [...slots].every((s) => s.tasks.length === 0)) drained?.();
  };

  /** Hands pages waiting behind a slow one (see `stealAfterMs`) to idle workers. */
  const steal = (): void => {
    for (const thief of slots) {
      if (!thief.ready || thief.retired || thief.tasks.length > 0) continue;
      let victim: Slot | undefined;
      for (const s of slots) {
        if (!s.retired && s.overdue && s.tasks.length > 1) victim = s;
      }
      if (!victim) return;
      // The page that has waited longest; the victim's worker will read its copy in vain.
      const [task] = victim.tasks.splice(1, 1);
      thief.tasks.push(task!);
      thief.worker.ref();
      startClock(thief);
      post(thief.worker, task!.request, true);
    }
  };

  return {
    get workers(): number {
      return slots.size;
    },

    extract(input: ExtractInput): Promise<PoolArticle> {
      if (closing) return Promise.reject(new Error('the extraction pool is closed'));
      return new Promise<PoolArticle>((resolve, reject) => {
        const request: ExtractionRequest = {
          id: nextId++,
          bytes: input.bytes,
          contentType: input.contentType ?? null,
          url: input.url,
        };
        queue.push({ request, resolve, reject });
        pump();
      });
    },

    async close(): Promise<void> {
      if (!closing) {
        closing = true;
        if (queue.length > 0 || [...slots].some((s) => s.tasks.length > 0)) {
          await new Promise<void>((resolve) => {
            drained = resolve;
          });
        }
      }
      const remaining = [...slots];
      for (const slot of remaining) {
        slot.retired = true;
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
      }
      slots.clear();
      await Promise.all(remaining.map((slot) => slot.worker.terminate()));
    },
  };
}
