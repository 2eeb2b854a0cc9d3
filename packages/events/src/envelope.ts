import { createHash } from 'node:crypto';
import { type EventData, type EventType, eventSchemas, eventVersions } from './catalog.ts';

export interface EventMetadata {
  /** Schema version of `data` when it was written. */
  schemaVersion: number;
  correlationId?: string;
  causationId?: string;
}

/** One event of the catalog, discriminated by `type`. */
export type TallyEvent = { [K in EventType]: { type: K; data: EventData<K> } }[EventType];

/** An event ready to append: its `id` is deterministic, so appending it twice writes it once. */
export type NewEvent = TallyEvent & { id: string; metadata: EventMetadata };

/** An event as read back from the log. */
export type StoredEvent = NewEvent & {
  streamId: string;
  /** 1-based version of the event within its stream. */
  streamVersion: number;
  /** 1-based global position in the log; positions only grow and commit in order. */
  position: number;
  recordedAt: string;
};

/**
 * A deterministic event id derived from what the event records (UUID v5 layout over SHA-1), so a
 * retried job produces the same id and the store writes nothing the second time.
 */
export function eventId(type: EventType, ...parts: readonly (string | number)[]): string {
  const h = createHash('sha1').update(type);
  for (const p of parts) h.update('\u0000').update(String(p));
  const b = h.digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = b.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * Builds a validated event of the catalog. `idParts` name what makes the event unique
 * (e.g. article id + extractor version); the id is derived from them.
 */
export function makeEvent<T extends EventType>(
  type: T,
  data: EventData<T>,
  idParts: readonly (string | number)[],
  meta: Omit<EventMetadata, 'schemaVersion'> = {},
): NewEvent {
  const parsed = eventSchemas[type].parse(data) as EventData<T>;
  return {
    id: eventId(type, ...idParts),
    type,
    data: parsed,
    metadata: { schemaVersion: eventVersions[type], ...meta },
  } as NewEvent;
}

/** Narrows an event to one type. */
export function isEvent<T extends EventType>(e: TallyEvent, type: T): e is Extract<TallyEvent, { type: T }> {
  return e.type === type;
}
