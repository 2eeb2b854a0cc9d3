import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { freePort } from '@tally/local-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEWSROOM_FILE } from '../src/demoNewsroomPort.ts';
import { type Exit, isRunning, LaunchedProcess } from './support/launchedProcess.ts';
import { runTally, type TallyRun } from './support/tallyProcess.ts';

interface Run {
  npmExit: Exit;
  /** Tally's node process still ran when npm had exited. */
  tallyOutlivedNpm: boolean;
  newsroomUrl: string;
  /** Status of every article page the log knows, fetched while this run served the newsroom. */
  pageStatuses: number[];
  lockLeft: boolean;
  events: StoredEvent[];
}

const countsByType = (events: StoredEvent[]) =>
  events.reduce<Record<string, number>>((c, e) => {
    c[e.type] = (c[e.type] ?? 0) + 1;
    return c;
  }, {});

/** Polls are the only facts a restart may add: the time of each poll is new. */
const POLL_TYPES = new Set(['FeedPolled', 'FeedPollFailed']);

/**
 * `npm start` run twice on one data directory, as a user runs the demo again the next day. The
 * first run is stopped by SIGTERM to npm (a supervisor, `kill`), the second by Ctrl+C (SIGINT to
 * the terminal's whole job). The second must resume what the first did: the demo newsroom on the
 * same address, the same feeds, nothing discovered again, nothing appended for what the log
 * already knows but polls, and the pages the log links to answering. Each stop is clean and
 * through npm: npm returns only once Tally has stopped (no Tally left running without a parent).
 */
describe('npm start, stopped and started again', () => {
  let dir: string;
  const runs: Run[] = [];
  let launched: LaunchedProcess | null = null;
  let store: EventStore | null = null;

  async function readLog(): Promise<StoredEvent[]> {
    store = await openEventStore({ dataDir: join(dir, 'data', 'log') });
    const events: StoredEvent[] = [];
    for await (const page of store.readAllPages()) events.push(...page);
    await store.close();
    store = null;
    return events;
  }

  /** Waits until the running instance has polled every demo feed since `after` (an ISO instant). */
  async function waitForPollsSince(npm: LaunchedProcess, api: string, after: string): Promise<void> {
    const polledSince = async () => {
      const { feeds } = (await (await fetch(`${api}/feeds`)).json()) as {
        feeds: { source: string | null; lastPollAt: string | null }[];
      };
      const demo = feeds.filter((f) => f.source === 'demo');
      return demo.length > 0 && demo.every((f) => f.lastPollAt !== null && f.lastPollAt > after);
    };
    let done = false;
    const poll = setInterval(() => {
      void polledSince().then((d) => {
        done ||= d;
      });
    }, 1000);
    try {
      // The demo's feeds are polled every minute; the first run's schedule carries over.
      await npm.waitFor('a poll of every demo feed', () => done, 240_000);
    } finally {
      clearInterval(poll);
    }
  }

  async function startAndStop(
    stop: 'SIGTERM to npm' | 'Ctrl+C',
    knownPages: string[],
    pollsAfter: string | null,
  ): Promise<Run> {
    const apiPort = await freePort();
    const npm = new LaunchedProcess('npm', ['start', '--', '--port', String(apiPort)], {
      TALLY_DATA_DIR: join(dir, 'data'),
      REDIS_URL: '',
      DATABASE_URL: '',
      NEWSROOM_PORT: '',
      LOG_LEVEL: 'info',
      EXTRACT_THREADS: '1',
    });
    launched = npm;
    await npm.waitFor('the first round to end', () => npm.stdout.includes('Polling goes on'), 400_000);
    if (pollsAfter) await waitForPollsSince(npm, `http://127.0.0.1:${apiPort}`, pollsAfter);
    const newsroomUrl = String(npm.logged('demo newsroom started')[0]?.url);
    const pageStatuses = await Promise.all(
      // 0: nothing answered (the first run's address is served by nobody).
      knownPages.map((url) =>
        fetch(url, { signal: AbortSignal.timeout(10_000) }).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    const tallyPid = npm.tallyPid!;
    if (stop === 'Ctrl+C') npm.pressCtrlC();
    else npm.signal('SIGTERM');
    const npmExit = await npm.exit;
    const tallyOutlivedNpm = isRunning(tallyPid);
    launched = null;
    return {
      npmExit,
      tallyOutlivedNpm,
      newsroomUrl,
      pageStatuses,
      lockLeft: existsSync(join(dir, 'data', 'log', 'tally.lock')),
      events: await readLog(),
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-restart-'));
    runs.push(await startAndStop('SIGTERM to npm', [], null));
    const pages = runs[0]!.events
      .filter((e) => e.type === 'ArticleFetched')
      .map((e) => (e.data as { finalUrl: string }).finalUrl);
    const lastRecorded = runs[0]!.events.at(-1)!.recordedAt;
    runs.push(await startAndStop('Ctrl+C', pages, lastRecorded));
  });

  afterAll(async () => {
    launched?.killGroup();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM to npm stops Tally cleanly before npm returns', () => {
    expect(runs[0]).toMatchObject({ npmExit: { code: 0, signal: null }, tallyOutlivedNpm: false, lockLeft: false });
  });

  it('Ctrl+C stops it cleanly too (the signal npm passes on as well is not taken for a second one)', () => {
    expect(runs[1]).toMatchObject({ npmExit: { code: 0, signal: null }, tallyOutlivedNpm: false, lockLeft: false });
  });

  it('serves the demo newsroom at the same address again, and the pages the log links to answer', () => {
    expect(runs[1]!.newsroomUrl).toBe(runs[0]!.newsroomUrl);
    expect(runs[1]!.pageStatuses.length).toBeGreaterThan(0);
    expect(runs[1]!.pageStatuses.every((s) => s === 200)).toBe(true);
  });

  it('resumes: the same feeds, nothing discovered again, no new facts but polls', () => {
    const [first, second] = [runs[0]!.events, runs[1]!.events];
    const facts = (events: StoredEvent[]) => countsByType(events.filter((e) => !POLL_TYPES.has(e.type)));
    expect(facts(first).FeedRegistered).toBeGreaterThan(0);
    expect(facts(first).ArticleDiscovered).toBeGreaterThan(0);
    expect(facts(second)).toEqual(facts(first));
  });

  it("polls the first run's feeds, and every poll answers", () => {
    const added = runs[1]!.events.slice(runs[0]!.events.length);
    const polled = new Set(
      added.filter((e) => e.type === 'FeedPolled').map((e) => (e.data as { feedId: string }).feedId),
    );
    const registered = runs[0]!.events.filter((e) => e.type === 'FeedRegistered');
    expect(polled.size).toBe(registered.length);
    expect(added.filter((e) => e.type === 'FeedPollFailed')).toEqual([]);
  });
});

/**
 * The port kept for the demo newsroom is taken by another process: `tally start` refuses by name
 * rather than serving the newsroom elsewhere, which would register its feeds again under new
 * addresses.
 */
describe('tally start when the demo newsroom’s port is taken', () => {
  let dir: string;
  let squatter: Server;
  let run: TallyRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-port-taken-'));
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as AddressInfo).port;
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', DEMO_NEWSROOM_FILE), JSON.stringify({ port }));
    run = await runTally(['start', '--port', String(await freePort())], {
      TALLY_DATA_DIR: join(dir, 'data'),
      REDIS_URL: '',
      DATABASE_URL: '',
      NEWSROOM_PORT: '',
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(null)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 naming the port and why it is kept, and leaves the log unlocked', () => {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/DemoNewsroomPortInUseError: .*port \d+ .*\[newsroom-port-in-use\]/);
    expect(existsSync(join(dir, 'data', 'log', 'tally.lock'))).toBe(false);
  });
});
