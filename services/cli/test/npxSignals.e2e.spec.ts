import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isRedisServer, pingRedis, readOwnerRecord } from '@tally/local-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LaunchedProcess, stillRunningAfterBound } from './support/launchedProcess.ts';

interface Stopped {
  launcherExit: { code: number | null; signal: NodeJS.Signals | null };
  /** Tally's node process still ran after a generous bound. */
  tallyLeft: boolean;
  /** Tally logged that it stopped (closed what it held) rather than being cut short. */
  stoppedCleanly: boolean;
  redisLeft: boolean;
  lockLeft: boolean;
}

/**
 * `npx tally api` on the embedded defaults, stopped as a user stops it: SIGTERM to the npx process
 * (a supervisor, `kill`), and Ctrl+C in its terminal (SIGINT to the whole job). npx runs the bin
 * through `sh -c`, passes SIGTERM to that shell only and exits when it dies: Tally, left without
 * its parent, must stop as it does on SIGTERM, and not keep serving, holding the log and its
 * private redis-server.
 */
describe('npx tally stopped through npx', () => {
  let dir: string;
  const runs: Record<string, Stopped> = {};
  let launched: LaunchedProcess[] = [];

  async function runAndStop(how: 'SIGTERM to npx' | 'Ctrl+C'): Promise<Stopped> {
    const dataDir = join(dir, how.replace(/\W+/g, '-'));
    const port = await freePort();
    const npx = new LaunchedProcess('npx', ['tally', 'api', '--port', String(port)], {
      TALLY_DATA_DIR: dataDir,
      REDIS_URL: '',
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
    });
    launched.push(npx);
    await npx.waitFor('the API', () => npx.logged('api listening').length > 0, 120_000);
    const tallyPid = npx.tallyPid!;
    const redis = readOwnerRecord(join(dataDir, 'redis'));
    expect(redis).not.toBeNull();
    if (how === 'Ctrl+C') npx.pressCtrlC();
    else npx.signal('SIGTERM');
    const launcherExit = await npx.exit;
    const tallyLeft = await stillRunningAfterBound(tallyPid);
    // The watchdog stops the private Redis once its owner is gone, a moment after.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (isRedisServer(redis!.serverPid) || (await pingRedis(redis!.port)))) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      launcherExit,
      tallyLeft,
      stoppedCleanly: npx.logged('stopped').length === 1,
      redisLeft: isRedisServer(redis!.serverPid) || (await pingRedis(redis!.port)),
      lockLeft: existsSync(join(dataDir, 'log', 'tally.lock')),
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-npx-'));
    runs.sigterm = await runAndStop('SIGTERM to npx');
    runs.ctrlC = await runAndStop('Ctrl+C');
  });

  afterAll(() => {
    for (const p of launched) p.killGroup();
    launched = [];
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM to npx stops Tally: it closes what it holds and exits, leaving no Redis and no lock', () => {
    expect(runs.sigterm).toMatchObject({
      tallyLeft: false,
      stoppedCleanly: true,
      redisLeft: false,
      lockLeft: false,
    });
  });

  it('Ctrl+C stops Tally the same way', () => {
    expect(runs.ctrlC).toMatchObject({ tallyLeft: false, stoppedCleanly: true, redisLeft: false, lockLeft: false });
  });
});
