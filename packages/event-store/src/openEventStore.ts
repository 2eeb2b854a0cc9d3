import { EmbeddedEventStore } from './EmbeddedEventStore.ts';
import type { EventStore } from './EventStore.ts';
import { PostgresEventStore } from './PostgresEventStore.ts';
import type { StoreOptions } from './SqlEventStore.ts';

export interface OpenEventStoreOptions extends StoreOptions {
  /** PostgreSQL to keep the log in; unset = the embedded log. */
  databaseUrl?: string | undefined;
  /** Tally's data directory, for the embedded log (in its `pglite` folder); `'memory://'` = in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL pool size. @defaultValue 10 */
  poolSize?: number;
  /** Embedded log only: open it although it lost events (see `EmbeddedStoreOptions.acceptLoss`). */
  acceptLoss?: boolean;
}

/**
 * Opens the log: on PostgreSQL when `databaseUrl` is given, else embedded (PGlite) under
 * `dataDir`. Either way the schema is migrated before the store is returned.
 */
export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  const { databaseUrl, dataDir, poolSize, acceptLoss, ...common } = options;
  if (databaseUrl) {
    return PostgresEventStore.open({ ...common, databaseUrl, ...(poolSize === undefined ? {} : { poolSize }) });
  }
  if (!dataDir) throw new Error('openEventStore needs a databaseUrl or a dataDir ("memory://" for a throwaway log)');
  return EmbeddedEventStore.open({ ...common, dataDir, ...(acceptLoss === undefined ? {} : { acceptLoss }) });
}
