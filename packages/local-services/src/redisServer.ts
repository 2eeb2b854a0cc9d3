import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dieWithOwner } from './dieWithOwner.ts';
import { findBinary } from './findBinary.ts';
import { freePort } from './freePort.ts';
import { removeOwnerRecord, stopOrphanedRedis, writeOwnerRecord } from './redisOwnerRecord.ts';

export interface LocalServer {
  url: string;
  /** Whether this process started the server (and so stops it). */
  started: boolean;
  /** The server's process id, when this process started it. */
  pid?: number;
  stop(): Promise<void>;
}

export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
}

function isDebianRoot(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0 && findBinary('apt-get') !== null;
}

/**
 * Finds `redis-server`; on Debian/Ubuntu as root installs it with apt-get (and says so), elsewhere
 * fails with one line that names the install command.
 */
export function ensureRedisServer(say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findBinary('redis-server');
  if (found) return found;
  if (isDebianRoot()) {
    say('redis-server is missing: installing it with apt-get install -y redis-server');
    execFileSync('apt-get', ['install', '-y', '-q', 'redis-server'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const installed = findBinary('redis-server');
    if (installed) return installed;
  }
  const hint =
    process.platform === 'darwin'
      ? 'brew install redis'
      : existsSync('/etc/debian_version')
        ? 'sudo apt-get install -y redis-server'
        : existsSync('/etc/alpine-release')
          ? 'apk add redis'
          : 'install Redis 6.2+ with your package manager';
  throw new MissingBinaryError(
    `redis-server not found: ${hint}, or run \`docker compose up -d redis\` and set REDIS_URL=redis://127.0.0.1:6379`,
  );
}

/** Whether a redis-server answers PING on this loopback port (within half a second). */
export function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port }, () => sock.write('PING\r\n'));
    sock.setTimeout(500);
    sock.on('data', (d) => {
      sock.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    sock.on('error', () => resolve(false));
    sock.on('timeout', () => {
      sock.destroy();
      resolve(false);
    });
  });
}

const children = new Set<ChildProcess>();
let exitHookInstalled = false;
function killOnExit(child: ChildProcess): void {
  children.add(child);
  child.on('exit', () => children.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // process.exit() (a second Ctrl+C) runs this; SIGTERM lets a redis-server write its file out.
  process.on('exit', () => {
    for (const c of children) c.kill('SIGTERM');
  });
}

export interface StartRedisOptions {
  /** @defaultValue a free loopback port */
  port?: number;
  /**
   * Keep the data in this directory (append-only file, fsync every second) and load it again on
   * the next start. Without it, nothing is kept. One server per directory: a server an earlier
   * owner left running on it is stopped first (`RedisDirInUseError` while that owner still runs).
   */
  dataDir?: string;
  /** Told when a server left running by an earlier owner was stopped. */
  onOrphanStopped?: (serverPid: number) => void;
}

/**
 * Starts a private redis-server on a loopback port with `maxmemory-policy noeviction`. It dies with
 * this process however this process ends (`dieWithOwner`); with a data directory, the directory
 * records it and its owner, so the next start can stop a server that outlived its owner anyway.
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<LocalServer> {
  const bin = ensureRedisServer();
  const port = options.port ?? (await freePort());
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    const orphan = await stopOrphanedRedis(options.dataDir);
    if (orphan) options.onOrphanStopped?.(orphan.serverPid);
  }
  const persistence = options.dataDir
    ? ['--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec']
    : ['--appendonly', 'no'];
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      ...persistence,
      '--maxmemory-policy',
      'noeviction',
      '--protected-mode',
      'yes',
      '--loglevel',
      'warning',
    ],
    // A process group of its own: a Ctrl+C at the terminal reaches the owner only, which stops the
    // server after its own shutdown (jobs still finishing need Redis).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  killOnExit(child);
  const watch = dieWithOwner(child);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d.toString();
  });
  const deadline = Date.now() + 10_000;
  while (!(await pingRedis(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('redis-server did not answer within 10 s');
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const dataDir = options.dataDir;
  const serverPid = child.pid!;
  if (dataDir) writeOwnerRecord(dataDir, { ownerPid: process.pid, serverPid, port });
  return {
    url: `redis://127.0.0.1:${port}`,
    started: true,
    pid: serverPid,
    stop: () =>
      new Promise<void>((resolve) => {
        watch.cancel();
        const done = () => {
          if (dataDir) removeOwnerRecord(dataDir, serverPid);
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** `REDIS_URL` when given, else a private redis-server (keeping its data in `dataDir` when given). */
export async function provideRedis(
  redisUrl: string | undefined,
  options: Pick<StartRedisOptions, 'dataDir' | 'onOrphanStopped'> = {},
): Promise<LocalServer> {
  if (redisUrl) return { url: redisUrl, started: false, stop: async () => {} };
  return startRedis(options);
}
