import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SqlTx,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '@tally/event-store';
import type { NewEvent, StoredEvent } from '@tally/events';
import type { Histogram } from 'prom-client';
import { timed } from './stageMetrics.ts';

const outcome = (r: { error: unknown } | object) => ('error' in r ? 'error' : 'ok');

/**
 * The log, with the time of every append observed (`tally_append_duration_seconds`), whichever
 * stage appends. Reads go straight through. A wrapper rather than a hook in the store: the store
 * knows nothing of metrics, and every stage appends through the runtime's store.
 */
export class TimedEventStore implements EventStore {
  readonly #store: EventStore;
  readonly #appendSeconds: Histogram<'outcome'>;

  constructor(store: EventStore, appendSeconds: Histogram<'outcome'>) {
    this.#store = store;
    this.#appendSeconds = appendSeconds;
  }

  get kind(): EventStore['kind'] {
    return this.#store.kind;
  }
  get schema(): string {
    return this.#store.schema;
  }
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return timed(this.#appendSeconds, () => this.#store.append(streamId, events, options), outcome);
  }
  appendMany(batches: readonly StreamAppend[]): Promise<AppendResult[]> {
    return timed(this.#appendSeconds, () => this.#store.appendMany(batches), outcome);
  }
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.#store.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.#store.readAll(options);
  }
  readAllPages(options?: ReadAllOptions): AsyncIterable<StoredEvent[]> {
    return this.#store.readAllPages(options);
  }
  head(): Promise<number> {
    return this.#store.head();
  }
  has(eventId: string): Promise<boolean> {
    return this.#store.has(eventId);
  }
  subscribe(options: SubscribeOptions): Subscription {
    return this.#store.subscribe(options);
  }
  checkpoint(name: string): Promise<number> {
    return this.#store.checkpoint(name);
  }
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.#store.transaction(fn);
  }
  waitForAppend(afterPosition: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.#store.waitForAppend(afterPosition, timeoutMs, signal);
  }
  close(): Promise<void> {
    return this.#store.close();
  }
}
