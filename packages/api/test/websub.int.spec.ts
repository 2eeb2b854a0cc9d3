import { createServer } from 'node:net';
import { streams } from '@tally/events';
import { pollFeed } from '@tally/pipeline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, type Harness, startHarness } from './harness.ts';
import { LocalHub } from './localHub.ts';

/** A free port on loopback: the callback URL is configured before the API listens on it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(['embedded', 'postgres'] as const)('WebSub against a local hub (%s log)', (log) => {
  let h: Harness;
  let app: FastifyInstance;
  let hub: LocalHub;
  let feedId: string;
  const types = async () => (await h.store.readStream(streams.feed(feedId))).map((e) => e.type);
  const articlesOf = async () =>
    (await h.store.readAll({ types: ['ArticleDiscovered'] })).filter(
      (e) => e.type === 'ArticleDiscovered' && e.data.feedId === feedId,
    );

  beforeAll(async () => {
    hub = await LocalHub.start();
    const port = await freePort();
    h = await startHarness(
      {
        HTTP_ALLOW: '127.0.0.1',
        WEBSUB_CALLBACK_URL: `http://127.0.0.1:${port}`,
        WEBHOOK_SECRET_KEY: 'websub-test-key-0123456789abcdef-0123',
        WEBSUB_POLL_INTERVAL_SEC: 3600,
      },
      { log },
    );
    app = await h.app();
    await app.listen({ host: '127.0.0.1', port });
    hub.publish('one');
    ({ feedId } = await h.runtime.feedCommands.register({ url: hub.feedUrl }, 'api'));
  });
  afterAll(async () => {
    await h?.close();
    await hub?.close();
  });

  it('subscribes after a poll finds the hub, and confirms the hub’s verification of intent', async () => {
    await pollFeed(h.runtime, { feedId, slot: 'first', reschedule: false, runId: null });
    await hub.verificationAnswered();
    expect(hub.verifications).toEqual([{ mode: 'subscribe', topic: hub.feedUrl, status: 200, echoed: true }]);
    expect(hub.subscriptions).toHaveLength(1);
    expect(await types()).toEqual(['FeedRegistered', 'FeedPolled', 'FeedSubscriptionRequested', 'FeedSubscribed']);
    // The secret the hub signs with is sealed in the log, never in clear.
    const events = JSON.stringify(await h.store.readStream(streams.feed(feedId)));
    expect(events).not.toContain(hub.subscriptions[0]!.secret);
  });

  it('refuses a verification for a subscription it did not ask for', async () => {
    expect(await hub.verify(hub.subscriptions[0]!.callback, 'subscribe', `${hub.url}/other.xml`, 60)).toBe(false);
    expect(hub.verifications.at(-1)).toMatchObject({ status: 404, echoed: false });
  });

  it('records a signed distribution’s new item once, and a duplicate distribution adds nothing', async () => {
    hub.publish('two');
    const [first] = await hub.distribute();
    expect(first).toEqual({ status: 202, body: { accepted: true, items: 2, newItems: 1, duplicate: false } });
    const articles = await articlesOf();
    expect(articles.map((e) => e.type === 'ArticleDiscovered' && e.data.url)).toEqual([
      `${hub.url}/articles/one`,
      `${hub.url}/articles/two`,
    ]);
    const head = await h.store.head();
    const [again] = await hub.distribute();
    expect(again).toEqual({ status: 202, body: { accepted: true, items: 2, newItems: 0, duplicate: true } });
    expect(await h.store.head()).toBe(head);
    expect((await types()).filter((t) => t === 'FeedContentDistributed')).toHaveLength(1);
  });

  it('refuses a distribution with a bad signature, with its reason, and records nothing', async () => {
    hub.publish('three');
    const head = await h.store.head();
    const [forged] = await hub.distribute({ secret: 'not-the-subscription-secret' });
    expect(forged).toMatchObject({
      status: 403,
      body: { code: 'TALLY_ERR_WEBSUB_REFUSED', details: { reason: 'signature-mismatch' } },
    });
    expect(await h.store.head()).toBe(head);
    expect((await articlesOf()).length).toBe(2);
  });

  it('refuses distributions to a feed without a live subscription', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/websub/f_unknown',
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': 'sha256=00' },
      payload: hub.feed(),
    });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ code: 'TALLY_ERR_WEBSUB_NO_SUBSCRIPTION' });
  });

  it('goes on polling while subscribed, at the subscribed interval at least', async () => {
    const outcome = await pollFeed(h.runtime, { feedId, slot: 'second', reschedule: false, runId: null });
    expect(outcome.status).toBe('polled');
    expect(outcome.newItems).toBe(1);
    expect(Date.parse(outcome.nextCheckAt!) - Date.now()).toBeGreaterThan(3500 * 1000);
  });

  it('shows the live subscription to operators: GET /feeds, the feeds page', async () => {
    await h.project();
    const res = await app.inject({ url: '/feeds' });
    expect(res.statusCode).toBe(200);
    const row = (res.json() as { feeds: { feedId: string; subscription: Record<string, unknown> }[] }).feeds.find(
      (f) => f.feedId === feedId,
    );
    expect(row?.subscription).toMatchObject({ state: 'live', hub: hub.hubUrl, topic: hub.feedUrl, distributions: 1 });
    expect(Date.parse(row?.subscription.expiresAt as string)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(res.json())).not.toContain(hub.subscriptions[0]!.secret);
    const page = await app.inject({ url: '/feeds/page', headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`id="feed-${feedId}"[\\s\\S]*data-websub="live"`));
  });

  it('asks the hub to unsubscribe when the feed is removed, confirms it, and takes no more content from it', async () => {
    const answered = hub.verifications.length;
    const callback = hub.subscriptions[0]!.callback;
    const removed = await app.inject({ method: 'DELETE', url: `/feeds/${feedId}`, headers: auth });
    expect(removed.statusCode).toBe(204);
    expect(hub.unsubscriptions).toEqual([{ topic: hub.feedUrl, callback }]);
    await hub.verificationAnswered(answered + 1);
    expect(hub.verifications.at(-1)).toEqual({ mode: 'unsubscribe', topic: hub.feedUrl, status: 200, echoed: true });
    expect(hub.subscriptions).toEqual([]);
    const stream = await h.store.readStream(streams.feed(feedId));
    expect(stream.slice(-2).map((e) => [e.type, e.type === 'FeedSubscriptionLapsed' && e.data.reason])).toEqual([
      ['FeedRemoved', false],
      ['FeedSubscriptionLapsed', 'feed-removed'],
    ]);
    // A distribution the hub sends all the same is refused: the feed has no live subscription.
    const late = await app.inject({
      method: 'POST',
      url: `/websub/${feedId}`,
      headers: { 'content-type': 'application/rss+xml', 'x-hub-signature': 'sha256=00' },
      payload: hub.feed(),
    });
    expect(late.statusCode).toBe(410);
    await h.project();
    const feeds = (await app.inject({ url: '/feeds' })).json() as {
      feeds: { feedId: string; health: string; subscription: Record<string, unknown> }[];
    };
    expect(feeds.feeds.find((f) => f.feedId === feedId)).toMatchObject({
      health: 'removed',
      subscription: { state: 'lapsed', lastLapseReason: 'feed-removed', expiresAt: null },
    });
  });
});
