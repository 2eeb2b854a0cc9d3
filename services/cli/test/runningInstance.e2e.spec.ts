import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tally/local-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TallyChild } from './support/tallyChild.ts';
import { runTally, type TallyRun } from './support/tallyProcess.ts';

const NOTICE = 'reading through the running tally at';

/** One sample of a Prometheus text exposition (0 when the series is not there). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

const jsonLines = (run: TallyRun) =>
  run.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * `tally start` with the demo holds the embedded log; the read commands run meanwhile read through
 * its API (recorded in TALLY_DATA_DIR/api.json) and say so on stderr, with the output they give
 * offline once it has stopped. Its metrics server serves the whole process. Its stderr, a pipe
 * here, carries JSON log lines as before.
 */
describe('read commands while tally start runs', () => {
  let dir: string;
  let data: string;
  let apiPort: number;
  let metricsPort: number;
  let start: TallyChild;
  let record: Record<string, unknown>;
  const online: Record<string, TallyRun> = {};
  const offline: Record<string, TallyRun> = {};
  let writeWhileRunning: TallyRun;
  let metrics: string;
  let health: number;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let recordLeft: boolean;
  let stale: TallyRun;
  let staleLeft: boolean;

  const reads: Record<string, string[]> = {
    figures: ['figures', '--json'],
    events: ['events', '--limit', '5'],
    eventsJson: ['events', '--limit', '5', '--json'],
    eventsAfter: ['events', '--after', '3', '--limit', '4', '--type', 'FeedRegistered', '--json'],
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-running-'));
    data = join(dir, 'data');
    apiPort = await freePort();
    metricsPort = await freePort();
    const env = { TALLY_DATA_DIR: data, REDIS_URL: '', DATABASE_URL: '', EXTRACT_THREADS: '1', API_TOKEN: '' };
    start = new TallyChild(['start', '--port', String(apiPort)], {
      ...env,
      LOG_LEVEL: 'info',
      METRICS_PORT: String(metricsPort),
    });
    await start.waitFor('the first round to end', () => start.stdout.includes('Polling goes on'), 400_000);
    record = JSON.parse(readFileSync(join(data, 'api.json'), 'utf8'));
    for (const [name, args] of Object.entries(reads)) online[name] = await runTally(args, env);
    writeWhileRunning = await runTally(['feeds', 'add', 'http://127.0.0.1:9/feed.xml'], env);
    metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    health = (await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status;
    exit = await start.stop('SIGTERM');
    recordLeft = existsSync(join(data, 'api.json'));
    for (const [name, args] of Object.entries(reads)) offline[name] = await runTally(args, env);
    // A record left by a process that died: its pid is gone.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeFileSync(
      join(data, 'api.json'),
      JSON.stringify({
        url: `http://127.0.0.1:${apiPort}`,
        pid: dead,
        command: 'start',
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    stale = await runTally(reads.figures!, env);
    staleLeft = existsSync(join(data, 'api.json'));
  });

  afterAll(async () => {
    if (start?.running) await start.stop('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('records the API of the process that holds the log beside it', () => {
    expect(record).toMatchObject({ url: `http://127.0.0.1:${apiPort}`, pid: start.child.pid, command: 'start' });
  });

  it('reads figures and events through the running instance and says so on stderr', () => {
    for (const [name, run] of Object.entries(online)) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr, name).toContain(`${NOTICE} http://127.0.0.1:${apiPort}`);
      expect(run.stderr, name).not.toContain('EmbeddedLogInUseError');
    }
    expect(jsonLines(online.figures!).length).toBeGreaterThan(0);
    expect(online.events!.stdout.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('refuses a command that opens the log itself by naming the running instance and its API', () => {
    expect(writeWhileRunning.code).toBe(1);
    expect(writeWhileRunning.stderr).toContain('EmbeddedLogInUseError');
    expect(writeWhileRunning.stderr).toContain(
      `(process ${start.child.pid}) serves its API at http://127.0.0.1:${apiPort}`,
    );
  });

  it('gives the output the same commands give offline', () => {
    for (const run of Object.values(offline)) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain(NOTICE);
    }
    expect(jsonLines(online.figures!)).toEqual(jsonLines(offline.figures!));
    expect(online.events!.stdout).toBe(offline.events!.stdout);
    expect(jsonLines(online.eventsJson!)).toEqual(jsonLines(offline.eventsJson!));
    expect(jsonLines(online.eventsAfter!)).toEqual(jsonLines(offline.eventsAfter!));
    expect(jsonLines(online.eventsAfter!).map((e) => [e.type, e.position])).toEqual(
      jsonLines(offline.eventsAfter!).map((e) => [e.type, e.position]),
    );
  });

  it('removes the record on a clean stop, and reads the log itself past a record whose process died', () => {
    expect(exit).toEqual({ code: 0, signal: null });
    expect(recordLeft).toBe(false);
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stderr).not.toContain(NOTICE);
    expect(jsonLines(stale)).toEqual(jsonLines(offline.figures!));
    expect(staleLeft).toBe(false);
  });

  it('serves the metrics of the whole process on METRICS_PORT: the API, the stages and Node', () => {
    expect(health).toBe(200);
    expect(sample(metrics, 'tally_fetch_duration_seconds_count{kind="article",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(metrics, 'tally_fetch_duration_seconds_count{kind="feed",outcome="ok"}')).toBeGreaterThan(0);
    expect(sample(metrics, 'tally_analyze_duration_seconds_count{outcome="analyzed"}')).toBeGreaterThan(0);
    expect(sample(metrics, 'tally_append_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(0);
    expect(metrics).toMatch(
      /^tally_http_request_duration_seconds_count\{route="\/figures",method="GET",status="200"\} 1$/m,
    );
    expect(metrics).toMatch(/^process_resident_memory_bytes \d/m);
    expect(metrics).toMatch(/^tally_log_head_position \d/m);
  });

  it('logs JSON lines on a stderr that is not a terminal, as before', () => {
    expect(start.logged('demo newsroom started')).toHaveLength(1);
    expect(start.logged('metrics and health served')).toHaveLength(1);
  });
});
