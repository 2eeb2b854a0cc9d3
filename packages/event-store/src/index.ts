export { EmbeddedLogInUseError, type LockClaim, lockClaims } from './dataDirLock.ts';
export { EMBEDDED_FOLDER, EmbeddedEventStore, type EmbeddedStoreOptions, LOCK_FOLDER } from './EmbeddedEventStore.ts';
export {
  type AppendOptions,
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  type ExpectedVersion,
  InvalidEventError,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SqlTx,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from './EventStore.ts';
export { type EmbeddedLogReport, inspectEmbeddedLog } from './inspectEmbeddedLog.ts';
export { EmbeddedLogDamagedError, type LogCensus, type LogDamage, logCensus } from './logIntegrity.ts';
export { type LogManifest, MANIFEST_FILE, readManifest } from './logManifest.ts';
export { type OpenEventStoreOptions, openEventStore } from './openEventStore.ts';
export { PostgresEventStore, type PostgresStoreOptions } from './PostgresEventStore.ts';
export type { StoreLogger, StoreOptions } from './SqlEventStore.ts';
