import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import { feedIdFor, makeEvent, streams } from '@tally/events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTally } from '../../test/support/tallyProcess.ts';

/**
 * Feed URLs are recorded in the log and shown to readers: `tally feeds add` refuses one carrying
 * credentials (it used to store `http://user:pass@host/feed` as given), and `feeds list` never
 * prints those already in a log.
 */
const SECRET = 'hunter2-s3cret';

describe('tally feeds with credentials in a URL', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tally-feeds-'));
    env = { TALLY_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const listed = async () => {
    const run = await runTally(['feeds', 'list', '--json', '--all'], env);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { url: string });
  };

  it('refuses them on the command line and in a feeds file, naming the URL without them, and registers nothing', async () => {
    const file = join(dir, 'feeds.yaml');
    writeFileSync(file, `- https://open.example/feed\n- url: https://editor:${SECRET}@private.example/feed\n`);
    for (const args of [
      ['feeds', 'add', `http://reader:${SECRET}@private.example/rss.xml`],
      ['feeds', 'add', 'https://open.example/other', `https://${SECRET}@private.example/atom`],
      ['feeds', 'add', '--file', file],
    ]) {
      const run = await runTally(args, env);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/must not carry credentials.*\[feed-url-credentials\]/);
      expect(run.stderr).toContain('***@private.example');
      expect(run.stderr + run.stdout).not.toContain(SECRET);
    }
    expect(await listed()).toEqual([]);

    const ok = await runTally(['feeds', 'add', 'https://open.example/feed'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await listed()).map((f) => f.url)).toEqual(['https://open.example/feed']);
  });

  it('lists a feed registered with credentials before without them', async () => {
    // Registered before registration refused credentials: written as such a log holds it.
    const store = await openEventStore({ dataDir: join(dir, 'log') });
    const feedId = feedIdFor('http://private.example/rss.xml');
    const url = `http://reader:${SECRET}@private.example/rss.xml`;
    try {
      await store.append(streams.feed(feedId), [
        makeEvent(
          'FeedRegistered',
          { feedId, url, title: null, source: 'config', minIntervalSec: null, maxIntervalSec: null },
          [feedId, 0],
        ),
      ]);
    } finally {
      await store.close();
    }
    expect((await listed()).map((f) => f.url)).toEqual(['http://***@private.example/rss.xml']);
    const plain = await runTally(['feeds', 'list'], env);
    expect(plain.stdout).toContain('http://***@private.example/rss.xml');
    expect(plain.stdout).not.toContain(SECRET);
  });
});
