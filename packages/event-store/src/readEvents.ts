import type { StoredEvent } from '@tally/events';
import type { ReadAllOptions, ReadStreamOptions } from './EventStore.ts';
import { EVENT_JSON, toStoredEvents, UUID } from './eventRows.ts';
import type { LogSql } from './logSchema.ts';

// Reading the log: one stream, a range of the whole log, the whole log page by page, its head.

export async function readStream(
  sql: LogSql,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<StoredEvent[]> {
  const limit = options.limit ?? 10_000;
  const rows =
    options.direction === 'backwards'
      ? await sql.queryArrays<[string]>(
          `SELECT ${EVENT_JSON} FROM ${sql.table.events}
           WHERE stream_id = $1 AND stream_version < $2 ORDER BY stream_version DESC LIMIT $3`,
          [streamId, options.beforeVersion ?? 2 ** 31 - 1, limit],
          'tally_read_stream_backwards',
        )
      : await sql.queryArrays<[string]>(
          `SELECT ${EVENT_JSON} FROM ${sql.table.events}
           WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version LIMIT $3`,
          [streamId, options.afterVersion ?? 0, limit],
          'tally_read_stream',
        );
  return toStoredEvents(rows);
}

/** Events after `after` and up to `upTo` (when given), in position order. */
export async function readRange(
  sql: LogSql,
  after: number,
  upTo: number | null,
  limit: number,
  types: readonly string[] | undefined,
): Promise<StoredEvent[]> {
  const params: unknown[] = [after, limit];
  let where = 'position > $1';
  if (upTo !== null) {
    params.push(upTo);
    where += ` AND position <= $${params.length}`;
  }
  if (types) {
    params.push(types);
    where += ` AND type = ANY($${params.length}::text[])`;
  }
  // A type filter stays unprepared: a generic plan would not see which types (how many rows) it asks for.
  const statement = types ? undefined : upTo === null ? 'tally_read_range' : 'tally_read_range_to';
  const rows = await sql.queryArrays<[string]>(
    `SELECT ${EVENT_JSON} FROM ${sql.table.events} WHERE ${where} ORDER BY position LIMIT $2`,
    params,
    statement,
  );
  return toStoredEvents(rows);
}

/**
 * The log after `options.after`, page by page, never an empty page. `readAhead` pages are asked for
 * (through `range`) ahead of the one handed over, so the database produces them while the caller
 * works.
 */
export async function* readPages(
  range: (after: number, upTo: null, limit: number, types: readonly string[] | undefined) => Promise<StoredEvent[]>,
  options: ReadAllOptions,
  readAhead: number,
): AsyncIterable<StoredEvent[]> {
  const limit = options.limit ?? 1000;
  if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a whole number ≥ 1');
  const types = options.types;
  // Positions have no holes, so the page after a full page of the whole log starts `limit`
  // further on: those pages are asked for before the current one arrives. Each guess is checked
  // against the page before it (a hole or a type filter makes it wrong) and asked again if wrong.
  const ahead = types ? 1 : Math.max(1, readAhead);
  const asked: { after: number; page: Promise<StoredEvent[]> }[] = [];
  const ask = (after: number) => {
    const page = range(after, null, limit, types);
    page.catch(() => {}); // a page nobody awaits (the caller stopped early) must not go unhandled
    asked.push({ after, page });
  };
  const topUp = () => {
    while (asked.length < ahead) ask(asked[asked.length - 1]!.after + limit);
  };
  ask(options.after ?? 0);
  topUp();
  for (;;) {
    const page = await asked.shift()!.page;
    const full = page.length === limit;
    if (full) {
      const last = page[page.length - 1]!.position;
      if (asked.length > 0 && asked[0]!.after !== last) asked.length = 0;
      if (asked.length === 0) ask(last);
      topUp();
    } else {
      asked.length = 0;
    }
    if (page.length > 0) yield page;
    if (!full) return;
  }
}

/** The position of the log's last event, 0 when it is empty. */
export async function readHead(sql: LogSql): Promise<number> {
  const rows = await sql.query<{ head: number | string }>(
    `SELECT coalesce(max(position), 0) AS head FROM ${sql.table.events}`,
    [],
    'tally_head',
  );
  return Number(rows[0]?.head ?? 0);
}

export async function hasEvent(sql: LogSql, eventId: string): Promise<boolean> {
  if (!UUID.test(eventId)) return false;
  const rows = await sql.query(`SELECT 1 FROM ${sql.table.events} WHERE id = $1`, [eventId]);
  return rows.length > 0;
}
