import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '@tally/local-services';
import { z } from 'zod';

/**
 * The health of long-running `tally` processes (worker, api, newsroom), for health checks that run
 * apart from them (a container's HEALTHCHECK runs `tally health`). Each such process checks what it
 * depends on (Redis answers PING, the log answers) every ten seconds and, when the check passes,
 * writes the time to `TALLY_DATA_DIR/health/<pid>.json`; it removes the file when it stops. A
 * process counts as healthy while its file is fresh: a process whose Redis or log stopped
 * answering, or whose event loop is stuck, stops refreshing it. A file is cheap to read from a
 * process started every few seconds; an HTTP port per worker would be one more thing to configure.
 */
export const HEARTBEAT_EVERY_MS = 10_000;
/** Three missed beats. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_EVERY_MS;

export const Heartbeat = z.object({
  /** What the process runs, as its command line names it (`worker fetcher`, `api`). */
  command: z.string(),
  pid: z.number().int().positive(),
  /** When its checks last passed (ISO 8601). */
  at: z.string(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const heartbeatDir = (dataDir: string) => join(dataDir, 'health');

/** Starts beating for this process; `close` stops and removes its file. */
export function startHeartbeat(dataDir: string, command: string, check: () => Promise<unknown>): { close(): void } {
  const dir = heartbeatDir(dataDir);
  const file = join(dir, `${process.pid}.json`);
  let closed = false;
  const beat = async () => {
    try {
      await check();
    } catch {
      return; // the file goes stale; the process's own log says what failed
    }
    if (closed) return;
    mkdirSync(dir, { recursive: true });
    const beat: Heartbeat = { command, pid: process.pid, at: new Date().toISOString() };
    writeFileSync(`${file}.tmp`, `${JSON.stringify(beat)}\n`);
    renameSync(`${file}.tmp`, file);
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    close() {
      closed = true;
      clearInterval(timer);
      rmSync(file, { force: true });
    },
  };
}

export interface HeartbeatState extends Heartbeat {
  ageMs: number;
  fresh: boolean;
}

/** Heartbeats of processes still running (files of processes that died are removed). */
export function readHeartbeats(dataDir: string, now = Date.now()): HeartbeatState[] {
  const dir = heartbeatDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const states: HeartbeatState[] = [];
  for (const name of names) {
    let beat: Heartbeat;
    try {
      beat = Heartbeat.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    } catch {
      continue;
    }
    if (!isAlive(beat.pid)) {
      rmSync(join(dir, name), { force: true });
      continue;
    }
    const ageMs = now - Date.parse(beat.at);
    states.push({ ...beat, ageMs, fresh: ageMs <= HEARTBEAT_STALE_MS });
  }
  return states;
}
