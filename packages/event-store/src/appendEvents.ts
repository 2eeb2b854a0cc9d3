import type { NewEvent } from '@tally/events';
import { type AppendOptions, type AppendResult, ConcurrencyError, type StreamAppend } from './EventStore.ts';
import { type AppendRow, appendResultOf, conflictOf, encodeBatch } from './eventRows.ts';
import type { LogSql } from './logSchema.ts';

// Writing to the log: one stream through `append_events`, several in one statement through
// `append_events_many`. Both functions take the append lock, check expected versions and skip ids
// already stored (migrations.ts); here the batches are encoded and the answers read.

export async function appendToStream(
  sql: LogSql,
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const expected = options.expectedVersion ?? 'any';
  const batch = encodeBatch({ streamId, events, expectedVersion: expected });
  const rows = await sql.query<AppendRow>(
    `SELECT * FROM ${sql.table.append}($1, $2, $3, $4, $5, $6)`,
    [streamId, batch.expected, batch.ids, batch.types, batch.data, batch.metadata],
    'tally_append',
  );
  const row = rows[0];
  if (!row) throw new Error('append_events returned no row');
  const actual = Number(row.r_version);
  if (row.r_conflict) throw new ConcurrencyError(streamId, expected, actual);
  return appendResultOf(row);
}

export async function appendToStreams(sql: LogSql, batches: readonly StreamAppend[]): Promise<AppendResult[]> {
  const encoded = batches.map(encodeBatch);
  // Streams with nothing to append are answered without a trip: the call stays one statement
  // for the rest.
  const sent = encoded.flatMap((b, i) => (b.ids.length > 0 ? [i] : []));
  const results: AppendResult[] = batches.map(() => ({ positions: [], written: 0, streamVersion: 0 }));
  if (sent.length === 0) {
    for (let i = 0; i < batches.length; i++) results[i] = await appendToStream(sql, batches[i]!.streamId, []);
    return results;
  }
  const starts: number[] = [];
  const ids: string[] = [];
  const types: string[] = [];
  for (const i of sent) {
    starts.push(ids.length + 1);
    ids.push(...encoded[i]!.ids);
    types.push(...encoded[i]!.types);
  }
  let rows: (Omit<AppendRow, 'r_conflict'> & { r_stream: number })[];
  try {
    rows = await sql.query(
      `SELECT * FROM ${sql.table.appendMany}($1, $2, $3, $4, $5, $6, $7)`,
      [
        sent.map((i) => batches[i]!.streamId),
        sent.map((i) => encoded[i]!.expected),
        starts,
        ids,
        types,
        sent.map((i) => encoded[i]!.data),
        sent.map((i) => encoded[i]!.metadata),
      ],
      'tally_append_many',
    );
  } catch (err) {
    const conflict = conflictOf(err);
    if (!conflict) throw err;
    const b = batches[sent[conflict.stream - 1]!]!;
    throw new ConcurrencyError(b.streamId, b.expectedVersion ?? 'any', conflict.version);
  }
  for (const row of rows) results[sent[Number(row.r_stream) - 1]!] = appendResultOf(row);
  for (let i = 0; i < batches.length; i++) {
    // A stream given no events: its version as the other backends' `append(stream, [])` tells it.
    if (encoded[i]!.ids.length === 0) results[i] = await appendToStream(sql, batches[i]!.streamId, []);
  }
  return results;
}

/** The last position the appends wrote, 0 when they wrote nothing. */
export function lastWritten(results: readonly AppendResult[]): number {
  let last = 0;
  for (const r of results) if (r.written > 0) for (const p of r.positions) if (p > last) last = p;
  return last;
}
