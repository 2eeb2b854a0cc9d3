import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, RedisDirInUseError } from './redisOwnerRecord.ts';
import { pingRedis, startRedis } from './redisServer.ts';

/** One command over RESP, its whole reply as text (enough for SET and GET of short strings). */
function command(url: string, ...args: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let reply = '';
    socket.on('data', (d) => {
      reply += d.toString();
      if (/^(\+|-|:).*\r\n$|^\$-1\r\n$|^\$\d+\r\n.*\r\n$/s.test(reply)) {
        socket.end();
        resolve(reply);
      }
    });
    socket.on('error', reject);
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
  });
}

describe('a private redis-server', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-redis-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('given a data directory, has its data again after a restart', async () => {
    const dataDir = freshDir();
    const first = await startRedis({ dataDir });
    expect(await command(first.url, 'SET', 'tally:kept', 'yes')).toBe('+OK\r\n');
    await first.stop();
    const second = await startRedis({ dataDir });
    try {
      expect(await command(second.url, 'GET', 'tally:kept')).toBe('$3\r\nyes\r\n');
    } finally {
      await second.stop();
    }
  });

  it('without one, starts empty every time', async () => {
    const first = await startRedis();
    expect(await command(first.url, 'SET', 'tally:kept', 'yes')).toBe('+OK\r\n');
    await first.stop();
    const second = await startRedis();
    try {
      expect(await command(second.url, 'GET', 'tally:kept')).toBe('$-1\r\n');
    } finally {
      await second.stop();
    }
  });
});

/** A process owning a private Redis (`redisOwnerProcess.ts`), with its server's address. */
async function startOwner(dataDir?: string): Promise<{ child: ChildProcess; url: string; port: number; pid: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./redisOwnerProcess.ts', import.meta.url)),
      ...(dataDir ? [dataDir] : []),
    ],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the owner exited with ${code}`)));
  });
  const { url, pid } = JSON.parse(line) as { url: string; pid: number };
  return { child, url, pid, port: Number(new URL(url).port) };
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** Whether the server is gone (no answer, no process) within a generous bound (it has no reason to take long). */
async function isGone(server: { port: number; pid: number }, boundMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (!isAlive(server.pid) && !(await pingRedis(server.port))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('a private redis-server whose owner dies', () => {
  const dirs: string[] = [];
  const leftovers: number[] = [];
  const owners: ChildProcess[] = [];
  const startOwned = async (dataDir?: string) => {
    const owner = await startOwner(dataDir);
    owners.push(owner.child);
    leftovers.push(owner.pid);
    return owner;
  };
  afterAll(() => {
    for (const child of owners) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of leftovers) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('stops when its owner is killed (SIGKILL), and when it ends on a SIGTERM it has no handler for', async () => {
    for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
      const owner = await startOwned();
      expect(await pingRedis(owner.port)).toBe(true);
      await kill(owner.child, signal);
      expect(await isGone(owner), `after ${signal}`).toBe(true);
    }
  });

  it('left running anyway (its watchdog killed too), is stopped by the next start on its directory, its data kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tally-redis-'));
    dirs.push(dataDir);
    const owner = await startOwned(dataDir);
    expect(await command(owner.url, 'SET', 'tally:kept', 'yes')).toBe('+OK\r\n');
    const watchdogs = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(owner.child.pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => l.includes('tally-watchdog'))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(watchdogs).toHaveLength(1);
    process.kill(watchdogs[0]!, 'SIGKILL');
    await kill(owner.child, 'SIGKILL');
    // Orphaned: nothing of its owner is left to stop it.
    await new Promise((r) => setTimeout(r, 300));
    expect(await pingRedis(owner.port)).toBe(true);

    const stopped: number[] = [];
    const next = await startRedis({ dataDir, onOrphanStopped: (pid) => stopped.push(pid) });
    try {
      expect(stopped).toEqual([owner.pid]);
      expect(isAlive(owner.pid)).toBe(false);
      expect(await command(next.url, 'GET', 'tally:kept')).toBe('$3\r\nyes\r\n');
    } finally {
      await next.stop();
    }
  });

  it('is not taken from an owner that still runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tally-redis-'));
    dirs.push(dataDir);
    const owner = await startOwned(dataDir);
    try {
      await expect(startRedis({ dataDir })).rejects.toBeInstanceOf(RedisDirInUseError);
      expect(await pingRedis(owner.port)).toBe(true);
    } finally {
      await kill(owner.child, 'SIGKILL');
    }
    expect(await isGone(owner)).toBe(true);
  });
});
