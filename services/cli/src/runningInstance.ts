import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '@tally/local-services';
import { z } from 'zod';

/**
 * The API of the process that holds the embedded log, recorded in the data directory beside the
 * log (`TALLY_DATA_DIR/api.json`), so that other `tally` commands on the same data directory can
 * read through it: one process at a time may open the embedded log, and `tally figures` or
 * `tally events` run while `tally start` holds it would otherwise fail with `EmbeddedLogInUseError`.
 * Written once the API listens, removed when it closes; a file left by a process that died (its pid
 * is gone) is removed by the next reader.
 */
export const RUNNING_INSTANCE_FILE = 'api.json';

export const RunningInstance = z.object({
  /** A URL a client on this machine reaches the API at (`http://127.0.0.1:3000`). */
  url: z.string().url(),
  pid: z.number().int().positive(),
  /** The command that serves it (`start`, `api`). */
  command: z.string(),
  startedAt: z.string(),
});
export type RunningInstance = z.infer<typeof RunningInstance>;

/** The URL a client on this machine uses for an address the API listens on (a wildcard is reached on loopback). */
export function clientUrl(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

/** Records this process's API for the data directory; `remove` takes the record away (only if it is still this process's). */
export function recordRunningInstance(dataDir: string, url: string, command: string): { remove(): void } {
  const file = join(dataDir, RUNNING_INSTANCE_FILE);
  const record: RunningInstance = {
    url: clientUrl(url),
    pid: process.pid,
    command,
    startedAt: new Date().toISOString(),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(record)}\n`);
  renameSync(`${file}.${process.pid}.tmp`, file);
  return {
    remove() {
      if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

function readRecord(file: string): RunningInstance | null {
  try {
    return RunningInstance.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * The running instance recorded for the data directory, or null: none, a file that does not hold
 * one, or one whose process is gone (the file is then removed).
 */
export function runningInstance(dataDir: string): RunningInstance | null {
  const file = join(dataDir, RUNNING_INSTANCE_FILE);
  const record = readRecord(file);
  if (record === null) return null;
  if (record.pid === process.pid) return null;
  if (!isAlive(record.pid)) {
    rmSync(file, { force: true });
    return null;
  }
  return record;
}

/** A request to the running instance's API as a client of it: JSON both ways, its token if given, 30 s at most. */
export function requestInstance(
  instance: RunningInstance,
  token: string | undefined,
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; body?: unknown } = {},
): Promise<Response> {
  return fetch(new URL(path, instance.url), {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
}
