import type { SqlTx } from './EventStore.ts';

/**
 * Why an embedded log is refused:
 * - `log-vanished`: the manifest records events but the database folder holds no database (emptied
 *   or removed); opening it would start a new, empty log.
 * - `log-behind-manifest`: the log holds fewer events than the manifest records (a truncated file).
 * - `log-holes`: positions are missing inside the log (pages lost in the middle).
 * - `log-unreadable`: PGlite cannot open or read it (damaged pages, damaged catalog).
 * - `manifest-unreadable`: the manifest itself cannot be read, so nothing says what the log held.
 */
export type LogDamage = 'log-vanished' | 'log-behind-manifest' | 'log-holes' | 'log-unreadable' | 'manifest-unreadable';

/** How many events the log holds and its last position: equal in a whole log (positions have no holes). */
export interface LogCensus {
  head: number;
  events: number;
}

/** The embedded log is damaged or gone: Tally refuses to open it rather than append over the loss. */
export class EmbeddedLogDamagedError extends Error {
  override readonly name = 'EmbeddedLogDamagedError';
  constructor(
    readonly code: LogDamage,
    readonly dataDir: string,
    readonly detail: string,
    /** What the manifest records and what the log holds, when known. */
    readonly counts: { recordedHead?: number; found?: LogCensus } = {},
    options?: { cause?: unknown },
  ) {
    super(
      `the embedded log in ${dataDir} is damaged (${code}): ${detail}; refusing to open it, so that nothing is ` +
        'appended over what was lost',
      options,
    );
  }
}

/**
 * Counts the log's events with a sequential scan (so every heap page is read and its header
 * checked; an index-only count would skip pages the visibility map vouches for) and takes its head
 * from the primary key's index. A truncated table shows as fewer events than the manifest records,
 * lost pages in the middle as fewer events than the head.
 */
export async function logCensus(
  transaction: <T>(fn: (tx: SqlTx) => Promise<T>) => Promise<T>,
  schema: string,
): Promise<LogCensus> {
  return transaction(async (tx) => {
    await tx.query('SET LOCAL enable_indexscan = off');
    await tx.query('SET LOCAL enable_indexonlyscan = off');
    await tx.query('SET LOCAL enable_bitmapscan = off');
    const counted = await tx.query<{ n: number | string }>(`SELECT count(*) AS n FROM "${schema}".events`);
    await tx.query('SET LOCAL enable_indexonlyscan = on');
    await tx.query('SET LOCAL enable_indexscan = on');
    const last = await tx.query<{ head: number | string | null }>(
      `SELECT max(position) AS head FROM "${schema}".events`,
    );
    return { events: Number(counted.rows[0]?.n ?? 0), head: Number(last.rows[0]?.head ?? 0) };
  });
}

/** What is wrong with a log of this census given the head its manifest records, or null. */
export function judgeCensus(
  census: LogCensus,
  recordedHead: number | undefined,
): { code: LogDamage; detail: string } | null {
  if (recordedHead !== undefined && census.head < recordedHead) {
    return {
      code: 'log-behind-manifest',
      detail: `the manifest records ${recordedHead} events, the log holds ${census.events} up to position ${census.head}`,
    };
  }
  if (census.events !== census.head) {
    return {
      code: 'log-holes',
      detail: `the log reaches position ${census.head} but holds ${census.events} events: ${census.head - census.events} are missing`,
    };
  }
  return null;
}
