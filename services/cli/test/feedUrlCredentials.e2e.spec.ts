import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import type {} from '@tally/local-services/vitest-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './support/freshDatabase.ts';
import { runTally, type TallyRun } from './support/tallyProcess.ts';

/**
 * A feed URL carrying credentials (`http://user:pass@host/feed`) was refused by `POST /feeds` and
 * `tally feeds add` only: a feeds file given to `tally ingest`, or as FEEDS_FILE to `tally start`
 * and the poller service, registered it as given, to be shown on the public `GET /feeds`. Each
 * refuses the file now with the reason code `feed-url-credentials`, before it opens the log.
 */
const SECRET = 'hunter2-s3cret';

describe('feeds files with credentials in a URL, through the tally command', () => {
  let dir: string;
  let file: string;
  let db: { url: string; drop(): Promise<void> };
  let runs: Record<'ingest' | 'start' | 'poller', TallyRun>;

  const dataDir = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-feed-credentials-'));
    db = await freshDatabase(inject('databaseUrl'), 'feed_credentials');
    file = join(dir, 'feeds.yaml');
    writeFileSync(file, `- https://open.example/feed\n- url: http://reader:${SECRET}@private.example/rss.xml\n`);
    // The embedded log for the one-process commands, the servers for the poller service (a part of a
    // distributed deployment); each must stop at the file, before it opens either.
    const embedded = (name: string) => ({
      TALLY_DATA_DIR: dataDir(name),
      REDIS_URL: '',
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
    });
    runs = {
      ingest: await runTally(['ingest', '--once', '--feeds', file], embedded('ingest')),
      start: await runTally(['start', '--no-demo'], { ...embedded('start'), FEEDS_FILE: file }),
      poller: await runTally(['worker', 'poller'], {
        TALLY_DATA_DIR: dataDir('poller'),
        REDIS_URL: inject('redisUrl'),
        DATABASE_URL: db.url,
        QUEUE_PREFIX: `fc${randomUUID().slice(0, 8)}`,
        LOG_LEVEL: 'info',
        FEEDS_FILE: file,
      }),
    };
  });
  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the file with the reason code, naming the URL without its credentials', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(name === 'poller' ? 1 : 2);
      expect(run.stderr, name).toMatch(/feed URLs must not carry credentials.*\[feed-url-credentials\]/);
      expect(run.stderr, name).toContain('http://***@private.example/rss.xml');
      expect(run.stdout + run.stderr, name).not.toContain(SECRET);
    }
  });

  it('opens no log and registers nothing, not even the feeds listed before it', async () => {
    for (const name of ['ingest', 'start']) expect(existsSync(join(dataDir(name), 'log')), name).toBe(false);
    const store = await openEventStore({ databaseUrl: db.url });
    try {
      expect(await store.readAll({ types: ['FeedRegistered'] })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
