import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore } from '@tally/event-store';
import { feedIdFor, makeEvent, streams } from '@tally/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTally } from '../../test/support/tallyProcess.ts';

/**
 * `tally feeds list` shows each feed's WebSub subscription (never its secret), and `tally feeds
 * remove` asks the hub of a subscribed feed to unsubscribe, against a hub on loopback.
 */
describe('tally feeds with a WebSub subscription', () => {
  let dir: string;
  let env: Record<string, string>;
  let hub: Server;
  let hubUrl: string;
  const requests: URLSearchParams[] = [];
  const topic = 'https://quay.example/feed.xml';
  const feedId = feedIdFor(topic);
  const callback = `https://tally.example/websub/${feedId}`;
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const sealedSecret = 'v1.sealed-secret-of-the-test';

  beforeAll(async () => {
    hub = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub`;
    dir = mkdtempSync(join(tmpdir(), 'tally-feeds-websub-'));
    env = {
      TALLY_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      WEBSUB_CALLBACK_URL: 'https://tally.example',
      HTTP_ALLOW: '127.0.0.1',
    };
    const store = await openEventStore({ dataDir: join(dir, 'log') });
    try {
      await store.append(streams.feed(feedId), [
        makeEvent(
          'FeedRegistered',
          { feedId, url: topic, title: 'Quay', source: 'api', minIntervalSec: null, maxIntervalSec: null },
          [feedId, 0],
        ),
        makeEvent(
          'FeedSubscriptionRequested',
          { feedId, hub: hubUrl, topic, callback, sealedSecret, leaseSeconds: 86_400, renewal: false },
          [feedId, 'requested'],
        ),
        makeEvent('FeedSubscribed', { feedId, hub: hubUrl, topic, leaseSeconds: 86_400, expiresAt }, [feedId, 'live']),
      ]);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => hub.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const listed = async () => {
    const run = await runTally(['feeds', 'list', '--json', '--all'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(sealedSecret);
    return run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { feedId: string; removed: boolean; subscription: Record<string, unknown> });
  };

  it('lists the live subscription with its hub and the end of its lease', async () => {
    expect(await listed()).toMatchObject([
      { feedId, subscription: { state: 'live', hub: hubUrl, expiresAt, lapseReason: null } },
    ]);
    const plain = await runTally(['feeds', 'list'], env);
    expect(plain.stdout).toContain(`websub live until ${expiresAt} (${hubUrl})`);
  });

  it('asks the hub to unsubscribe when the feed is removed, and lists the subscription as lapsed', async () => {
    const run = await runTally(['feeds', 'remove', feedId], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`removed\t${feedId}\n`);
    expect(requests.map((r) => Object.fromEntries(r))).toEqual([
      { 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.callback': callback },
    ]);
    expect(await listed()).toMatchObject([
      { feedId, removed: true, subscription: { state: 'lapsed', lapseReason: 'feed-removed', expiresAt: null } },
    ]);
    // Removed already: nothing more is asked of the hub.
    expect((await runTally(['feeds', 'remove', feedId], env)).code).toBe(1);
    expect(requests).toHaveLength(1);
  });
});
