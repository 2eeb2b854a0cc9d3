import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createLogCluster } from './createLogCluster.ts';
import { lockDataDir } from './dataDirLock.ts';
import { EmbeddedLogDamagedError } from './logIntegrity.ts';
import { type LogManifest, manifestPath, readManifest } from './logManifest.ts';

/** The folder under Tally's data directory that holds the embedded log. */
export const EMBEDDED_FOLDER = 'pglite';
/**
 * PostgreSQL's buffer pool inside PGlite: 16 MB instead of PostgreSQL's 128 MB. PGlite reserves it
 * in its WebAssembly memory, which never shrinks, so it is resident from the start: a log opened
 * with 128 MB took 346 MB resident in a process that held 117 MB before, with 16 MB 224 MB. One
 * process reads the log, and the operating system's page cache holds its files all the same.
 */
const EMBEDDED_SHARED_BUFFERS = '16MB';
const embeddedStartParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`];

/** The folder beside it naming the process that has the log open (see `lockDataDir`). */
export const LOCK_FOLDER = 'tally.lock';

/**
 * Whether an error while opening or reading the log says its files are damaged: a PostgreSQL error
 * of class XX (internal: "invalid page", "could not read block") or 58 (system: a file missing), or
 * the WebAssembly runtime aborting. Errors of the operating system (EACCES, ENOSPC) and of
 * Tally's own code are not damage, and pass as they are.
 */
function isDamage(err: unknown): boolean {
  const e = err as { name?: unknown; code?: unknown; message?: unknown };
  if (e?.name === 'RuntimeError') return true;
  return typeof e?.code === 'string' && /^(XX|58)[0-9A-Z]{3}$/.test(e.code);
}

/** `err` as `log-unreadable` when it is damage, else as it is. */
export function asDamage(dataDir: string, err: unknown): unknown {
  if (err instanceof EmbeddedLogDamagedError || !isDamage(err)) return err;
  return new EmbeddedLogDamagedError('log-unreadable', dataDir, (err as Error).message, {}, { cause: err });
}

export interface OpenedFolder {
  db: PGlite;
  unlock: () => void;
  manifest: LogManifest | null;
}

/**
 * Locks the data directory, reads the manifest and opens the database in its `pglite` folder. A
 * folder without a database where the manifest records events is refused (`log-vanished`): PGlite
 * would make a new, empty one in it. With `acceptLoss`, an unreadable manifest counts as none and a
 * vanished log is started anew.
 */
export async function openLogFolder(dataDir: string, acceptLoss: boolean): Promise<OpenedFolder> {
  const dir = join(dataDir, EMBEDDED_FOLDER);
  mkdirSync(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir, join(dataDir, LOCK_FOLDER));
  try {
    let manifest: LogManifest | null = null;
    try {
      manifest = readManifest(dataDir);
    } catch (err) {
      if (!acceptLoss) {
        throw new EmbeddedLogDamagedError(
          'manifest-unreadable',
          dataDir,
          `${manifestPath(dataDir)} cannot be read (${(err as Error).message}), so nothing says what the log held`,
          {},
          { cause: err },
        );
      }
    }
    const recorded = Math.max(0, ...Object.values(manifest?.heads ?? {}));
    if (recorded > 0 && !existsSync(join(dir, 'PG_VERSION')) && !acceptLoss) {
      throw new EmbeddedLogDamagedError(
        'log-vanished',
        dataDir,
        `the manifest records ${recorded} events, but ${dir} holds no database (emptied or removed)`,
        { recordedHead: recorded, found: { head: 0, events: 0 } },
      );
    }
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'PG_VERSION'))) await createLogCluster(dir);
    try {
      return { db: await PGlite.create({ dataDir: dir, startParams: embeddedStartParams }), unlock, manifest };
    } catch (err) {
      throw asDamage(dataDir, err);
    }
  } catch (err) {
    unlock();
    throw err;
  }
}
