import type { NewEvent, StoredEvent } from '@tally/events';

/**
 * The expected version of a stream on append: a number (the stream's current version, 0 = empty),
 * `'no-stream'` (the stream must not exist) or `'any'` (no check).
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendOptions {
  /** @defaultValue `'any'` */
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  /** Global positions of the given events, in order; an already stored id reports its stored position. */
  positions: number[];
  /** How many events were written now (ids already stored are not written again). */
  written: number;
  /** The stream's version after the append. */
  streamVersion: number;
}

/** One stream's part of an `appendMany`. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  /** @defaultValue `'any'` */
  expectedVersion?: ExpectedVersion;
}

export interface ReadAllOptions {
  /** Read events with position greater than this. @defaultValue 0 */
  after?: number;
  /** @defaultValue 1000 */
  limit?: number;
  /** Only these event types. */
  types?: readonly string[];
}

export interface ReadStreamOptions {
  /**
   * `forwards`: oldest first, versions above `afterVersion`; `backwards`: newest first, versions
   * below `beforeVersion` (a stream browser shows the latest events first).
   * @defaultValue `'forwards'`
   */
  direction?: 'forwards' | 'backwards';
  /** Forwards: read events with stream version greater than this. @defaultValue 0 */
  afterVersion?: number;
  /** Backwards: read events with stream version less than this. @defaultValue the stream's end */
  beforeVersion?: number;
  /** @defaultValue 10000 */
  limit?: number;
}

/** A SQL transaction on the log's database, for projections that write beside their checkpoint. */
export interface SqlTx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface SubscribeOptions {
  /** The consumer's name: its checkpoint is stored under it. */
  name: string;
  /** Events per batch handed to `handle`. @defaultValue 500 */
  batchSize?: number;
  /** Only these event types (the checkpoint still moves past the others). */
  types?: readonly string[];
  /**
   * Called with each batch inside one transaction; the checkpoint moves past the batch in the same
   * transaction, so a consumer's own writes and its position commit together (exactly once).
   */
  handle: (events: StoredEvent[], tx: SqlTx) => Promise<void>;
  /** Polling interval when no notification arrives. @defaultValue 250 */
  pollIntervalMs?: number;
  /**
   * After a batch that reached the head, wait this long before reading again. When appends trickle
   * in, the consumer then handles them in fewer, larger batches: a consumer that rewrites the rows
   * a batch touches (a projector) writes each row once per interval instead of once per append.
   * Adds at most this much to the consumer's lag. A function gets how long the batch took (reading,
   * handling and committing it), so the pause can grow with the cost of a batch. @defaultValue 0
   */
  minBatchIntervalMs?: number | ((batchMs: number) => number);
  /**
   * Called once when the subscription stops on an error (a throwing handler, a lost database).
   * The failed batch's transaction rolled back, so the checkpoint still names the last good batch
   * and a new subscription under the same name resumes there. Without it the error is logged.
   */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /**
   * Resolves when the subscription has processed everything up to the log head at call time;
   * rejects when the subscription stops (on error or by `stop()`) before getting there.
   */
  caughtUp(): Promise<void>;
  /** The subscription's checkpoint: the position it has moved past (filtered-out events included). */
  position(): number;
  /** Stops after the batch in progress (which commits or rolls back whole). */
  stop(): Promise<void>;
}

export interface EventStore {
  readonly kind: 'postgres' | 'embedded';
  /** The PostgreSQL schema holding the log's tables (projections may put theirs beside them). */
  readonly schema: string;
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams in one transaction under one turn of the append lock: every stream
   * is written or none is. Each stream's part behaves as `append` would (idempotent by event id, its
   * expected version checked; a stream may appear more than once and its parts follow each other).
   * Positions follow the order of the parts. One result per part, in order.
   * @throws ConcurrencyError naming the first stream whose expected version did not hold; nothing is written.
   */
  appendMany(batches: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Pages through the whole log in order. */
  readAllPages(options?: ReadAllOptions): AsyncIterable<StoredEvent[]>;
  /** The position of the last committed event (0 when empty). */
  head(): Promise<number>;
  /** Whether an event id is stored. */
  has(eventId: string): Promise<boolean>;
  subscribe(options: SubscribeOptions): Subscription;
  /** The stored checkpoint of a consumer (0 when none). */
  checkpoint(name: string): Promise<number>;
  /** Runs `fn` in one transaction on the log's database (projections, checkpoints). */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  /**
   * Resolves when the log holds an event past `afterPosition` (at once if it already does), after
   * `timeoutMs`, or when `signal` aborts, whichever is first. Never rejects.
   */
  waitForAppend(afterPosition: number, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

/** An event the log cannot store as given (its id is not a UUID, its data holds U+0000, …). */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`event ${eventId}: ${reason}`);
  }
}
