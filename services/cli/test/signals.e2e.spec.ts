import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import { isAlive, pingRedis, readOwnerRecord } from '@tally/local-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlowSite, startSlowSite } from './support/slowSite.ts';
import { TallyChild } from './support/tallyChild.ts';

const ITEMS = 16;

interface Stopped {
  exit: { code: number | null; signal: NodeJS.Signals | null };
  redisPort: number;
  /** The private Redis still answered or ran after the bound. */
  redisLeft: boolean;
  lockLeft: boolean;
  failed: string[];
}

/** Waits, within a generous bound, for the private Redis to be gone; whether it stayed. */
async function redisStays(port: number, pid: number | null): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!(await pingRedis(port)) && (pid === null || !isAlive(pid))) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * `tally ingest` on the embedded defaults (a log in TALLY_DATA_DIR, a private redis-server beside
 * it), stopped while it fetches: by SIGTERM (as a supervisor stops it), by SIGINT (Ctrl+C) and by
 * SIGKILL. Each time the private Redis must go with it, and the next run on the same directory
 * must take up the work where it was left: jobs still queued, and the jobs the killed run held.
 */
describe('tally ingest stopped by a signal', () => {
  let site: SlowSite;
  let dataDir: string;
  let feedsFile: string;
  const runs: Record<string, Stopped> = {};
  let last: TallyChild;
  let lastExit: { code: number | null; signal: NodeJS.Signals | null };
  let store: EventStore;

  const env = () => ({
    TALLY_DATA_DIR: dataDir,
    REDIS_URL: '',
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    FETCH_CONCURRENCY: '2',
    ANALYZE_CONCURRENCY: '1',
    EXTRACT_THREADS: '1',
    HTTP_HOST_INTERVAL_MS: '0',
    HTTP_HOST_CONCURRENCY: '8',
  });
  const ingest = () =>
    new TallyChild(['ingest', '--feeds', feedsFile, '--once', '--json', '--allow', '127.0.0.1'], env());

  async function stopWhileFetching(signal: NodeJS.Signals): Promise<Stopped> {
    const run = ingest();
    await run.waitFor('a private redis-server', () => run.logged('started a private redis-server').length > 0);
    const redisUrl = String(run.logged('started a private redis-server')[0]!.redisUrl);
    const redisPid = readOwnerRecord(join(dataDir, 'redis'))?.serverPid ?? null;
    await run.waitFor('a report being fetched', () => site.inFlight() > 0);
    const exit = await run.stop(signal);
    const redisPort = Number(new URL(redisUrl).port);
    return {
      exit,
      redisPort,
      redisLeft: await redisStays(redisPort, redisPid),
      lockLeft: existsSync(join(dataDir, 'log', 'tally.lock')),
      failed: run.stderr.split('\n').filter((l) => l.startsWith('tally: ')),
    };
  }

  beforeAll(async () => {
    site = await startSlowSite(ITEMS, 1500);
    dataDir = mkdtempSync(join(tmpdir(), 'tally-signals-'));
    feedsFile = join(dataDir, 'feeds.yaml');
    writeFileSync(feedsFile, `- ${site.feedUrl}\n`);
    runs.SIGTERM = await stopWhileFetching('SIGTERM');
    runs.SIGINT = await stopWhileFetching('SIGINT');
    runs.SIGKILL = await stopWhileFetching('SIGKILL');
    last = ingest();
    lastExit = await last.exit;
    store = await openEventStore({ dataDir: join(dataDir, 'log') });
  });

  afterAll(async () => {
    if (last?.running) await last.stop('SIGKILL');
    await store?.close();
    await site?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('on SIGTERM, lets the fetches under way finish, stops its Redis, lets go of the log and exits 143', () => {
    expect(runs.SIGTERM).toMatchObject({ exit: { code: 143, signal: null }, redisLeft: false, lockLeft: false });
    expect(runs.SIGTERM!.failed).toEqual([]);
  });

  it('on SIGINT (Ctrl+C), does the same and exits 130', () => {
    expect(runs.SIGINT).toMatchObject({ exit: { code: 130, signal: null }, redisLeft: false, lockLeft: false });
    expect(runs.SIGINT!.failed).toEqual([]);
  });

  it('killed (SIGKILL), leaves no redis-server running', () => {
    expect(runs.SIGKILL).toMatchObject({ exit: { code: null, signal: 'SIGKILL' }, redisLeft: false });
  });

  it('the next run puts back the jobs the killed one held, and finishes every report, each once', async () => {
    expect(lastExit, last.stderr.slice(-3000)).toEqual({ code: 0, signal: null });
    const putBack = last.logged('put back the jobs of workers whose process died');
    expect(putBack.map((l) => l.stage)).toContain('fetcher');
    const done = new Map<string, number>();
    for await (const page of store.readAllPages({ types: ['ArticleExtracted', 'ArticleExtractionFailed'] })) {
      for (const e of page) {
        const id = (e.data as { articleId: string }).articleId;
        done.set(id, (done.get(id) ?? 0) + 1);
      }
    }
    expect(done.size).toBe(ITEMS);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
  });
});
