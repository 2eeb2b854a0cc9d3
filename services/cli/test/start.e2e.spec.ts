import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventStore, openEventStore } from '@tally/event-store';
import type { StoredEvent } from '@tally/events';
import { freePort, isAlive, pingRedis, readOwnerRecord } from '@tally/local-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TallyChild } from './support/tallyChild.ts';

/**
 * `tally start` on the embedded defaults with the demo newsroom and a FEEDS_FILE naming a feed on
 * another loopback port, whose one item links Tally's own API (`/pipeline`, the operator page).
 * The demo newsroom is allowlisted by its address and port: the other feed is refused as any
 * private address is, so nothing of the machine's other services, Tally's API among them, reaches
 * the log. Then SIGTERM: a clean stop that leaves no redis-server and no lock.
 */
describe('tally start with the demo newsroom and a feeds file', () => {
  let dir: string;
  let other: Server;
  const otherRequests: string[] = [];
  let otherFeedUrl: string;
  let apiPort: number;
  let start: TallyChild;
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let redisLeft: boolean;
  let lockLeft: boolean;
  let store: EventStore;
  let events: StoredEvent[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-start-'));
    apiPort = await freePort();
    other = createServer((req, res) => {
      otherRequests.push(req.url ?? '/');
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Elsewhere</title><item><title>Operator page</title>` +
            `<link>http://127.0.0.1:${apiPort}/pipeline</link></item></channel></rss>`,
        );
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherFeedUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}/feed.xml`;
    const feedsFile = join(dir, 'feeds.yaml');
    writeFileSync(feedsFile, `- url: ${otherFeedUrl}\n  title: Elsewhere\n`);
    start = new TallyChild(['start', '--port', String(apiPort)], {
      TALLY_DATA_DIR: join(dir, 'data'),
      REDIS_URL: '',
      DATABASE_URL: '',
      FEEDS_FILE: feedsFile,
      LOG_LEVEL: 'info',
      EXTRACT_THREADS: '1',
    });
    await start.waitFor('the first round to end', () => start.stdout.includes('Polling goes on'), 400_000);
    const redis = readOwnerRecord(join(dir, 'data', 'redis'));
    exit = await start.stop('SIGTERM');
    redisLeft = redis !== null && (isAlive(redis.serverPid) || (await pingRedis(redis.port)));
    lockLeft = existsSync(join(dir, 'data', 'log', 'tally.lock'));
    store = await openEventStore({ dataDir: join(dir, 'data', 'log') });
    events = [];
    for await (const page of store.readAllPages()) events.push(...page);
  });

  afterAll(async () => {
    if (start?.running) await start.stop('SIGKILL');
    await store?.close();
    await new Promise((resolve) => (other ? other.close(resolve) : resolve(null)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers the feeds of FEEDS_FILE as configuration', () => {
    const registered = events.filter((e) => e.type === 'FeedRegistered').map((e) => e.data as Record<string, unknown>);
    expect(registered.filter((r) => r.source === 'config')).toEqual([
      expect.objectContaining({ url: otherFeedUrl, title: 'Elsewhere' }),
    ]);
    expect(registered.filter((r) => r.source === 'demo').length).toBeGreaterThan(0);
  });

  it('polls the demo newsroom, and refuses the rest of loopback, so Tally never fetches its own API', () => {
    const polled = events.filter((e) => e.type === 'FeedPolled').map((e) => (e.data as { url: string }).url);
    expect(polled.length).toBeGreaterThan(0);
    expect(polled).not.toContain(otherFeedUrl);
    const failed = events
      .filter((e) => e.type === 'FeedPollFailed')
      .map((e) => e.data as { url: string; reason: string });
    expect(failed.filter((f) => f.url === otherFeedUrl).map((f) => f.reason)).toContain('refused-address');
    expect(otherRequests).toEqual([]);
    expect(events.filter((e) => JSON.stringify(e.data).includes(`127.0.0.1:${apiPort}`))).toEqual([]);
  });

  it('stops on SIGTERM with status 0, leaving no redis-server and no lock behind', () => {
    expect(exit).toEqual({ code: 0, signal: null });
    expect(redisLeft).toBe(false);
    expect(lockLeft).toBe(false);
  });
});
