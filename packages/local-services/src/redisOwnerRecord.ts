import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a private Redis's data directory naming the server and the process that owns it. */
export const OWNER_FILE = 'tally-redis.json';

export interface RedisOwnerRecord {
  /** The process that started the server. */
  ownerPid: number;
  /** The redis-server. */
  serverPid: number;
  port: number;
}

/** A private Redis's directory already has a server whose owner still runs. */
export class RedisDirInUseError extends Error {
  override readonly name = 'RedisDirInUseError';
  readonly code = 'redis-dir-in-use';
  constructor(
    readonly dataDir: string,
    readonly record: RedisOwnerRecord,
  ) {
    super(
      `the private Redis in ${dataDir} is served by redis-server ${record.serverPid} on port ${record.port}, ` +
        `started by process ${record.ownerPid}, which is still running: one server per directory`,
    );
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `pid` is a running redis-server (its command line says so). */
export function isRedisServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    return ps.status === 0 && ps.stdout.includes('redis-server');
  }
}

export function readOwnerRecord(dataDir: string): RedisOwnerRecord | null {
  try {
    const r = JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as Partial<RedisOwnerRecord>;
    const whole = [r.ownerPid, r.serverPid, r.port].every((n) => Number.isInteger(n) && (n as number) > 0);
    return whole ? (r as RedisOwnerRecord) : null;
  } catch {
    return null;
  }
}

export function writeOwnerRecord(dataDir: string, record: RedisOwnerRecord): void {
  writeFileSync(join(dataDir, OWNER_FILE), `${JSON.stringify(record)}\n`);
}

export function removeOwnerRecord(dataDir: string, serverPid: number): void {
  if (readOwnerRecord(dataDir)?.serverPid === serverPid) rmSync(join(dataDir, OWNER_FILE), { force: true });
}

/**
 * Stops the redis-server an earlier owner of `dataDir` left running (it died where nothing could
 * stop its server: the watchdog killed with it, an older Tally), so that two servers never share
 * one append-only file. SIGTERM first, so the server writes its file out; SIGKILL if it is still
 * there after `graceMs`. Refuses when the owner still runs. Returns the stopped server's record.
 */
export async function stopOrphanedRedis(dataDir: string, graceMs = 15_000): Promise<RedisOwnerRecord | null> {
  const record = readOwnerRecord(dataDir);
  if (!record || !isRedisServer(record.serverPid)) return null;
  if (record.ownerPid !== process.pid && isAlive(record.ownerPid)) throw new RedisDirInUseError(dataDir, record);
  process.kill(record.serverPid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(record.serverPid)) {
    if (Date.now() > deadline) {
      process.kill(record.serverPid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  while (isAlive(record.serverPid)) await new Promise((r) => setTimeout(r, 50));
  rmSync(join(dataDir, OWNER_FILE), { force: true });
  return record;
}
