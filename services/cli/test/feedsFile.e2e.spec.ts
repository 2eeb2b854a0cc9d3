import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import type {} from '@tally/local-services/vitest-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './support/freshDatabase.ts';
import { TallyChild } from './support/tallyChild.ts';
import { runTally, type TallyRun } from './support/tallyProcess.ts';

/**
 * FEEDS_FILE read by the poller service (`tally worker poller`, distributed mode): its feeds are
 * registered as configuration when the service starts; a file that is not a feeds file stops the
 * start, here and in `tally start`, before anything opens.
 */
describe('the poller service with FEEDS_FILE', () => {
  let dir: string;
  let db: { url: string; drop(): Promise<void> };
  let registered: Record<string, unknown>[];
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let badWorker: TallyRun;
  let badStart: TallyRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-feeds-file-'));
    db = await freshDatabase(inject('databaseUrl'), 'feeds_file');
    const feedsFile = join(dir, 'feeds.yaml');
    writeFileSync(
      feedsFile,
      'feeds:\n  - https://news.example/rss.xml\n  - url: https://wire.example/feed\n    title: Wire\n    minIntervalSec: 600\n',
    );
    const env = {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `ff${randomUUID().slice(0, 8)}`,
      LOG_LEVEL: 'info',
    };
    const poller = new TallyChild(['worker', 'poller'], { ...env, FEEDS_FILE: feedsFile });
    await poller.waitFor('the service to start', () => poller.logged('service started').length > 0);
    exit = await poller.stop('SIGTERM');
    const store = await openEventStore({ databaseUrl: db.url });
    try {
      registered = (await store.readAll({ types: ['FeedRegistered'] })).map((e) => e.data as Record<string, unknown>);
    } finally {
      await store.close();
    }

    const badFile = join(dir, 'bad.yaml');
    writeFileSync(badFile, '- not a url\n');
    badWorker = await runTally(['worker', 'poller'], { ...env, FEEDS_FILE: badFile });
    badStart = await runTally(['start', '--no-demo'], {
      TALLY_DATA_DIR: join(dir, 'data'),
      REDIS_URL: '',
      DATABASE_URL: '',
      FEEDS_FILE: join(dir, 'missing.yaml'),
    });
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('registers every feed of the file, as configuration, when it starts', () => {
    expect(registered).toEqual([
      expect.objectContaining({ url: 'https://news.example/rss.xml', source: 'config', title: null }),
      expect.objectContaining({
        url: 'https://wire.example/feed',
        source: 'config',
        title: 'Wire',
        minIntervalSec: 600,
      }),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
  });

  it('refuses to start on a file that is not a feeds file, saying which and why', () => {
    expect(badWorker.code).toBe(1);
    expect(badWorker.stderr).toMatch(/FeedsFileError: feeds file .*bad\.yaml: 0: .*\[feeds-file\]/);
    expect(badStart.code).toBe(2);
    expect(badStart.stderr).toMatch(/cannot read feeds file .*missing\.yaml.*\[feeds-file\]/);
  });
});
