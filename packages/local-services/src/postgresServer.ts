import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findBinary, postgresBinDirs } from './findBinary.ts';
import { freePort } from './freePort.ts';
import { type LocalServer, MissingBinaryError } from './redisServer.ts';

function pgBinary(name: string): string {
  const found = findBinary(name, postgresBinDirs());
  if (!found) {
    throw new MissingBinaryError(
      `${name} not found: install PostgreSQL (Debian/Ubuntu: apt-get install -y postgresql), or run \`docker compose up -d postgres\` and set DATABASE_URL`,
    );
  }
  return found;
}

/** initdb refuses to run as root: as root, run the cluster as an unprivileged system user. */
function unprivilegedUser(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (r.status === 0 && g.status === 0) return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  }
  throw new Error('running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as');
}

/**
 * Starts a throwaway PostgreSQL cluster on a free loopback port (trust auth, fsync off: it holds
 * test and benchmark data only) and removes it on stop.
 */
export async function startPostgres(): Promise<LocalServer> {
  const initdb = pgBinary('initdb');
  const pgCtl = pgBinary('pg_ctl');
  const dir = mkdtempSync(join(tmpdir(), 'tally-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const user = unprivilegedUser();
  const asUser = (cmd: string, args: string[]) => {
    const opts = { stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[], encoding: 'utf8' as const };
    if (!user) return execFileSync(cmd, args, opts);
    return execFileSync(cmd, args, { ...opts, uid: user.uid, gid: user.gid, env: { ...process.env, HOME: dir } });
  };
  if (user) chownSync(dir, user.uid, user.gid);
  const role = user ? user.name : userInfo().username;
  try {
    asUser(initdb, ['-D', data, '-A', 'trust', '-U', role, '-E', 'UTF8', '--no-sync', '--no-instructions']);
    asUser(pgCtl, [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      'start',
    ]);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL: ${e.stderr ?? e.message}`);
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      asUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', () => {
    if (!stopped) {
      spawnSync(pgCtl, ['-D', data, '-m', 'immediate', 'stop'], user ? { uid: user.uid, gid: user.gid } : {});
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return { url: `postgres://${role}@127.0.0.1:${port}/postgres`, started: true, stop };
}

/** `DATABASE_URL` when given, else a throwaway cluster. */
export async function providePostgres(databaseUrl: string | undefined): Promise<LocalServer> {
  if (databaseUrl) return { url: databaseUrl, started: false, stop: async () => {} };
  return startPostgres();
}
