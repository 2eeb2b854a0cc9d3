import { type StoredEvent, upcast } from '@tally/events';
import { type AppendResult, InvalidEventError, type StreamAppend } from './EventStore.ts';

// How events travel between the store and its SQL: an append encoded into the append functions'
// arguments, rows decoded back into stored events, and the functions' answers read.

export interface AppendRow {
  r_conflict: boolean;
  r_version: number;
  r_written: number;
  r_positions: (number | string)[] | null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `\u0000` as JSON.stringify writes it, not preceded by an escaping backslash. */
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;
/**
 * Each event row leaves the database as one JSON text already in `StoredEvent`'s shape, so the
 * client decodes one field and runs one `JSON.parse` per event instead of decoding eight fields.
 * On the embedded log, where each field is copied out of WebAssembly memory and decoded on its
 * own, that took replay from about 15.5 to 9.5 µs of CPU per event; on PostgreSQL it is about even
 * (Node a little less, the server a little more). `recordedAt` travels as epoch seconds and becomes
 * an ISO string here (`isoOf`): cheaper on both sides than the server's or the driver's timestamp
 * formatting. `date_part` stays in float8 where `extract` goes through numeric; same double.
 */
export const EVENT_JSON = `concat('{"id":"', id, '","type":', to_json(type), ',"data":', data, ',"metadata":', metadata,
  ',"streamId":', to_json(stream_id), ',"streamVersion":', stream_version, ',"position":', position,
  ',"recordedAt":', date_part('epoch', recorded_at), '}')`;

const hasNul = (json: string) => json.includes('\\u0000') && JSON_NUL.test(json);

/**
 * The events of one append share their `recorded_at` (the transaction's start), so consecutive
 * rows mostly carry the same epoch: its ISO string is kept rather than formatted again.
 */
let lastEpoch = Number.NaN;
let lastIso = '';

function isoOf(epochSeconds: number): string {
  if (epochSeconds !== lastEpoch) {
    lastIso = new Date(Math.round(epochSeconds * 1000)).toISOString();
    lastEpoch = epochSeconds;
  }
  return lastIso;
}

function toStoredEvent(text: string): StoredEvent {
  const event = JSON.parse(text) as Omit<StoredEvent, 'recordedAt'> & { recordedAt: number | string };
  event.recordedAt = isoOf(event.recordedAt as number);
  return upcast(event as StoredEvent);
}

/** Decodes rows of one `EVENT_JSON` column. */
export function toStoredEvents(rows: readonly [string][]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) events[i] = toStoredEvent(rows[i]![0]);
  return events;
}

/** One stream's part of an append, checked and serialized for the append functions. */
interface EncodedBatch {
  expected: number | null;
  ids: string[];
  types: string[];
  data: string;
  metadata: string;
}

export function encodeBatch({ streamId, events, expectedVersion }: StreamAppend): EncodedBatch {
  if (streamId.length === 0) throw new Error('stream id must not be empty');
  const expected = expectedVersion ?? 'any';
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new Error(`expected version must be a whole number ≥ 0, 'no-stream' or 'any'`);
  }
  const ids = new Array<string>(events.length);
  const types = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!UUID.test(e.id)) throw new InvalidEventError(e.id, 'id is not a UUID');
    if (e.data === undefined) throw new InvalidEventError(e.id, 'data is missing');
    if (typeof e.metadata !== 'object' || e.metadata === null) {
      throw new InvalidEventError(e.id, 'metadata is not an object');
    }
    ids[i] = e.id.toLowerCase();
    types[i] = e.type;
  }
  // One JSON text per batch (an array, one element per event) costs less than one per event.
  const data = JSON.stringify(events.map((e) => e.data));
  const metadata = JSON.stringify(events.map((e) => e.metadata));
  // U+0000: json would keep it, but PostgreSQL can turn it neither into text (`->>`) nor into
  // jsonb, so a projection reading the document in SQL would fail on it. Refused, naming the event.
  if (hasNul(data) || hasNul(metadata)) {
    const bad = events.find((e) => hasNul(JSON.stringify(e.data)) || hasNul(JSON.stringify(e.metadata)));
    throw new InvalidEventError(
      bad?.id ?? '',
      'data holds the character U+0000, which PostgreSQL cannot turn into text',
    );
  }
  return { expected: expected === 'any' ? null : expected === 'no-stream' ? 0 : expected, ids, types, data, metadata };
}

export function appendResultOf(row: Omit<AppendRow, 'r_conflict'>): AppendResult {
  return {
    positions: (row.r_positions ?? []).map(Number),
    written: Number(row.r_written),
    streamVersion: Number(row.r_version),
  };
}

/** The stream (1-based, among those sent) and version named by append_events_many's conflict error. */
export function conflictOf(err: unknown): { stream: number; version: number } | null {
  const e = err as { code?: unknown; detail?: unknown };
  if (e?.code !== 'TA409' || typeof e.detail !== 'string') return null;
  const detail = JSON.parse(e.detail) as { stream: number; version: number };
  return { stream: Number(detail.stream), version: Number(detail.version) };
}
