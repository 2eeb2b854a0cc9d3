import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTally, type TallyRun } from './support/tallyProcess.ts';

/**
 * The embedded log on disk, damaged as files get damaged between two runs: its folder rolled back
 * to an older copy (one event where the log had three), and its database folder emptied. Each
 * command refuses it with a reason code instead of showing what is left as the whole log; `tally
 * doctor` reports what is there and, told to, accepts the loss.
 */
describe('commands on a damaged embedded log', () => {
  let root: string;
  let dataDir: string;
  let env: Record<string, string>;
  const logDir = () => join(dataDir, 'log');
  const runs: Record<string, TallyRun> = {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tally-damaged-'));
    dataDir = join(root, 'data');
    env = { TALLY_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
    const first = await runTally(['feeds', 'add', 'http://one.example/feed.xml'], env);
    expect(first.code, first.stderr).toBe(0);
    cpSync(logDir(), join(root, 'older-log'), { recursive: true });
    const more = await runTally(['feeds', 'add', 'http://two.example/feed.xml', 'http://three.example/rss'], env);
    expect(more.code, more.stderr).toBe(0);

    // Rolled back: the database folder of the older copy in place of the current one.
    rmSync(join(logDir(), 'pglite'), { recursive: true });
    cpSync(join(root, 'older-log', 'pglite'), join(logDir(), 'pglite'), { recursive: true });
    runs.events = await runTally(['events', '--json'], env);
    runs.doctor = await runTally(['doctor'], env);
    runs.doctorJson = await runTally(['doctor', '--json'], env);
    runs.accept = await runTally(['doctor', '--accept-loss'], env);
    runs.eventsAfter = await runTally(['events', '--json'], env);

    // Emptied: nothing left in the database folder.
    for (const f of readdirSync(join(logDir(), 'pglite'))) rmSync(join(logDir(), 'pglite', f), { recursive: true });
    runs.feedsList = await runTally(['feeds', 'list'], env);
    runs.emptied = await runTally(['doctor'], env);
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('refuses a log rolled back behind its manifest, naming the reason and the way out', () => {
    expect(runs.events!.code).toBe(1);
    expect(runs.events!.stdout).toBe('');
    expect(runs.events!.stderr).toContain('EmbeddedLogDamagedError');
    expect(runs.events!.stderr).toContain('[log-behind-manifest]');
    expect(runs.events!.stderr).toContain('tally doctor');
  });

  it('tally doctor reports the manifest, what the log holds and why it is refused, and exits 1', () => {
    expect(runs.doctor!.code).toBe(1);
    expect(runs.doctor!.stdout).toContain('manifest     tally: 3 events');
    expect(runs.doctor!.stdout).toContain('refused (log-behind-manifest)');
    expect(runs.doctor!.stdout).toContain('recovery');
    const report = JSON.parse(runs.doctorJson!.stdout) as {
      log: { damage: { code: string }; census: { head: number; events: number }; holders: number[] };
    };
    expect(report.log).toMatchObject({
      damage: { code: 'log-behind-manifest' },
      census: { head: 1, events: 1 },
      holders: [],
    });
  });

  it('tally doctor --accept-loss takes the log as it is now, and commands open it again', () => {
    expect(runs.accept!.code, runs.accept!.stderr).toBe(0);
    expect(runs.accept!.stdout).toContain('accepted as it is now');
    expect(runs.eventsAfter!.code, runs.eventsAfter!.stderr).toBe(0);
    expect(runs.eventsAfter!.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an emptied database folder instead of starting a new, empty log in it', () => {
    expect(runs.feedsList!.code).toBe(1);
    expect(runs.feedsList!.stderr).toContain('[log-vanished]');
    expect(readdirSync(join(logDir(), 'pglite'))).toEqual([]);
    expect(runs.emptied!.code).toBe(1);
    expect(runs.emptied!.stdout).toContain('refused (log-vanished)');
  });
});
