import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockClaims } from './dataDirLock.ts';
import { EMBEDDED_FOLDER, EmbeddedEventStore, LOCK_FOLDER } from './EmbeddedEventStore.ts';
import { EmbeddedLogDamagedError, type LogCensus, type LogDamage, logCensus } from './logIntegrity.ts';
import { type LogManifest, readManifest } from './logManifest.ts';

/** What is in an embedded log's directory, for an operator (`tally doctor`). */
export interface EmbeddedLogReport {
  dataDir: string;
  /** Running processes that hold (or are taking) the log: it is not opened while there are any. */
  holders: number[];
  /** The manifest, `{ unreadable }` when it is there but cannot be read, null when there is none. */
  manifest: LogManifest | { unreadable: string } | null;
  /** Whether the `pglite` folder holds a database. */
  database: boolean;
  /** Events and head found in the log, when it could be read. */
  census: LogCensus | null;
  /** Every consumer's checkpoint; one past the head means projections hold facts the log lost. */
  checkpoints: { name: string; position: number }[];
  /** Why the log is refused, or null when it opens. */
  damage: { code: LogDamage; message: string } | null;
}

/** Process ids in a lock file of an earlier version (the lock was a file then), while they run. */
function formerLockHolder(lockPath: string): number[] {
  try {
    if (!lstatSync(lockPath).isFile()) return [];
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return [];
    process.kill(pid, 0);
    return [pid];
  } catch {
    return [];
  }
}

/**
 * Looks at an embedded log without changing what it holds: the processes holding it, its manifest,
 * and — when nobody holds it — its events and checkpoints as opening it finds them, or why opening
 * it is refused. A vanished log is not created anew (opening refuses before PGlite would).
 */
export async function inspectEmbeddedLog(dataDir: string, schema = 'tally'): Promise<EmbeddedLogReport> {
  const lockPath = join(dataDir, LOCK_FOLDER);
  const holders = [
    ...formerLockHolder(lockPath),
    ...lockClaims(lockPath)
      .filter((c) => c.alive)
      .map((c) => c.pid),
  ];
  let manifest: EmbeddedLogReport['manifest'] = null;
  try {
    manifest = readManifest(dataDir);
  } catch (err) {
    manifest = { unreadable: (err as Error).message };
  }
  const report: EmbeddedLogReport = {
    dataDir,
    holders,
    manifest,
    database: existsSync(join(dataDir, EMBEDDED_FOLDER, 'PG_VERSION')),
    census: null,
    checkpoints: [],
    damage: null,
  };
  if (holders.length > 0) return report;
  if (!report.database) {
    // Opening would make a new database: say what is missing instead.
    const recorded = manifest && 'heads' in manifest ? Math.max(0, ...Object.values(manifest.heads)) : 0;
    if (recorded > 0) {
      const err = new EmbeddedLogDamagedError(
        'log-vanished',
        dataDir,
        `the manifest records ${recorded} events, but ${join(dataDir, EMBEDDED_FOLDER)} holds no database`,
      );
      report.damage = { code: err.code, message: err.message };
    }
    return report;
  }
  let store: EmbeddedEventStore;
  try {
    store = await EmbeddedEventStore.open({ dataDir, schema });
  } catch (err) {
    if (!(err instanceof EmbeddedLogDamagedError)) throw err;
    report.damage = { code: err.code, message: err.message };
    report.census = err.counts.found ?? null;
    return report;
  }
  try {
    report.census = await logCensus((fn) => store.transaction(fn), schema);
    const { rows } = await store.transaction((tx) =>
      tx.query<{ name: string; position: number | string }>(
        `SELECT name, position FROM "${schema}".checkpoints ORDER BY name`,
      ),
    );
    report.checkpoints = rows.map((r) => ({ name: r.name, position: Number(r.position) }));
  } finally {
    await store.close();
  }
  return report;
}
