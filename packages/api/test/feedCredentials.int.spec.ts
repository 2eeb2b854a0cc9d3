import { feedIdFor, makeEvent, streams } from '@tally/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, capturingLogger, type Harness, startHarness } from './harness.ts';

/**
 * `http://user:pass@host/feed` used to be stored and shown on the public `GET /feeds` and in
 * `FeedPollFailed` messages. The API refuses such a URL, and takes credentials out of every answer
 * for those that reach the log by other ways (registered before, from a feeds file).
 */
const SECRET = 'hunter2-s3cret';
const withCredentials = `http://reader:${SECRET}@feeds.example/rss.xml`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a feed URL with credentials', () => {
  it('is refused by POST /feeds with its own code, recorded nowhere and echoed nowhere', async () => {
    const log = capturingLogger();
    const app = await h.app({}, {}, log.logger);
    const head = await h.store.head();
    for (const url of [withCredentials, `https://${SECRET}@feeds.example/`, `ftp://u:${SECRET}@feeds.example/`]) {
      const res = await app.inject({ method: 'POST', url: '/feeds', headers: auth, payload: { url } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'TALLY_ERR_FEED_URL_CREDENTIALS' });
      expect(res.body).not.toContain(SECRET);
    }
    expect(await h.store.head()).toBe(head);
    expect(log.lines.join('')).not.toContain(SECRET);
  });

  it('already in the log is shown to nobody: feeds, events, the pipeline page, failures', async () => {
    // Registered before registration refused credentials: written as such a log holds it.
    const feedId = feedIdFor('http://feeds.example/rss.xml');
    await h.append([
      {
        streamId: streams.feed(feedId),
        event: makeEvent(
          'FeedRegistered',
          {
            feedId,
            url: withCredentials,
            title: 'Private feed',
            source: 'config',
            minIntervalSec: null,
            maxIntervalSec: null,
          },
          [feedId, 0],
        ),
      },
      {
        streamId: streams.feed(feedId),
        event: makeEvent(
          'FeedPollFailed',
          {
            feedId,
            url: withCredentials,
            slot: '2026-12-06T10:00:00.000Z',
            reason: 'connection',
            message: `connect ECONNREFUSED while fetching ${withCredentials}`,
            httpStatus: null,
            consecutiveErrors: 1,
            nextCheckAt: '2026-12-06T10:05:00.000Z',
            advertisedFeeds: [],
          },
          [feedId, 'failed-once'],
        ),
      },
    ]);
    await h.project();
    const log = capturingLogger();
    const app = await h.app({ API_TOKEN: undefined }, {}, log.logger);

    const feeds = await app.inject({ url: '/feeds' });
    const row = (feeds.json() as { feeds: { feedId: string; url: string; lastMessage: string }[] }).feeds.find(
      (f) => f.feedId === feedId,
    );
    expect(row?.url).toBe('http://***@feeds.example/rss.xml');
    expect(row?.lastMessage).toContain('http://***@feeds.example/rss.xml');
    for (const url of ['/feeds', '/events?limit=1000', '/pipeline', '/admin/queues/api/queues']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(SECRET);
    }
    expect((await app.inject({ url: '/events?limit=1000' })).body).toContain('***@feeds.example');
    expect(log.lines.join('')).not.toContain(SECRET);
  });
});
