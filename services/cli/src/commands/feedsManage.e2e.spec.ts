import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import { feedIdFor, streams } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedInstance } from '../../test/support/servedInstance.ts';
import { rowsOf, runTally } from '../../test/support/tallyProcess.ts';

const FEED = 'https://harbour.example/feed.xml';
const TOKEN = 'feeds-cli-token-0123456789';

/** Runs `tally feeds …` and answers its lines split into fields. */
async function feeds(env: Record<string, string>, ...args: string[]) {
  const run = await runTally(['feeds', ...args], env);
  return { ...run, rows: rowsOf(run.stdout) };
}

describe('tally feeds edit|pause|resume|poll|clear-errors on the log itself', () => {
  let dir: string;
  let env: Record<string, string>;
  let feedId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-feeds-manage-'));
    env = { TALLY_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '' };
    const added = await feeds(env, 'add', FEED, '--title', 'Harbour');
    expect(added.code, added.stderr).toBe(0);
    feedId = added.rows[0]![1]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pauses, refuses to poll a paused feed, resumes and polls, each an event on the feed’s stream', async () => {
    const paused = await feeds(env, 'pause', feedId, '--reason', 'noisy');
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.rows[0]!.slice(0, 3)).toEqual(['paused', feedId, 'paused']);
    expect((await feeds(env, 'pause', feedId)).rows[0]![0]).toBe('unchanged');
    expect((await feeds(env, 'list')).rows[0]!.slice(0, 2)).toEqual([feedId, 'paused']);

    const refused = await feeds(env, 'poll', feedId);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[feed-paused]');

    expect((await feeds(env, 'resume', feedId)).rows[0]![0]).toBe('resumed');
    const polled = await feeds(env, 'poll', feedId);
    expect(polled.code, polled.stderr).toBe(0);
    expect(polled.rows[0]![0]).toBe('poll asked');
    expect((await feeds(env, 'clear-errors', feedId)).rows[0]![0]).toBe('unchanged');

    const unknown = await feeds(env, 'pause', 'f_unknown', feedId);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown\tf_unknown');

    const store = await openEventStore({ dataDir: join(dir, 'log') });
    try {
      expect((await store.readStream(streams.feed(feedId))).map((e) => e.type)).toEqual([
        'FeedRegistered',
        'FeedPaused',
        'FeedResumed',
        'FeedPollRequested',
        // The known feed of `pause f_unknown <feedId>` is paused all the same.
        'FeedPaused',
      ]);
    } finally {
      await store.close();
    }
  });

  it('edits title, tags and bounds; refuses crossed bounds and bad input', async () => {
    const edited = await feeds(
      env,
      'edit',
      feedId,
      '--title',
      'Harbour news',
      '--tags',
      'Local, Ports',
      '--max-interval',
      '3600',
    );
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.rows[0]![0]).toBe('edited');
    const listed = (await feeds(env, 'list', '--json')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(listed[0]).toMatchObject({ title: 'Harbour news', tags: ['Local', 'Ports'], maxIntervalSec: 3600 });

    const crossed = await feeds(env, 'edit', feedId, '--min-interval', '7200');
    expect(crossed.code).toBe(1);
    expect(crossed.stderr).toContain('[invalid-poll-bounds]');
    expect((await feeds(env, 'edit', feedId, '--min-interval', '5')).code).toBe(2);
    expect((await feeds(env, 'edit', feedId)).code).toBe(2);
  });
});

describe('tally feeds pause|resume through the running instance', () => {
  let dir: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-feeds-instance-'));
    const instance = await servedInstance(dir, { queuePrefix: 'feeds-cli', token: TOKEN });
    await instance.runtime.feedCommands.register({ url: FEED }, 'cli');
    close = instance.close;
  });
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('changes the feed through the API with the token, and says it needs the token without', async () => {
    const env = { TALLY_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '', API_TOKEN: TOKEN };
    const feedId = feedIdFor(canonicalUrl(FEED)!);

    const paused = await feeds(env, 'pause', feedId);
    expect(paused.code, paused.stderr).toBe(0);
    expect(paused.stderr).toContain('changing feeds through the running tally at http://127.0.0.1:');
    expect(paused.rows[0]!.slice(0, 2)).toEqual(['paused', feedId]);
    expect((await feeds(env, 'poll', feedId)).stderr).toContain('[feed-paused]');

    const without = await feeds({ ...env, API_TOKEN: '' }, 'resume', feedId);
    expect(without.code).not.toBe(0);
    expect(without.stderr).toContain('asks for its token');
  });
});
