import { streams } from '@tally/events';
import { FeedCommandRefusedError } from '@tally/ingest';
import type {} from '@tally/local-services/vitest-setup';
import { describe, expect, inject, it } from 'vitest';
import { forSuite, openFeedRuntime } from './feedRuntime.ts';
import { numberedItems, rssDocument } from './feedTestServer.ts';
import { pollFeed } from './poller.ts';
import { reconcileSchedules } from './workers.ts';

/**
 * The operator's commands on a real runtime (real Redis, the embedded log) against a local feed
 * server: each is an event on the feed's stream, and the polls they plan are the ones that run.
 */
describe('operating a feed', () => {
  const h = forSuite(() => openFeedRuntime(inject('redisUrl'), { HTTP_TOTAL_TIMEOUT_MS: 2000 }));

  const serve = (path: string, body: string, type = 'application/rss+xml') =>
    h.server.route(path, (_req, res) => res.writeHead(200, { 'content-type': type }).end(body));
  const register = async (path: string) => {
    serve(path, rssDocument(`Feed ${path}`, numberedItems(`${path.slice(1)}.example`, 2)));
    return (await h.rt.feedCommands.register({ url: `${h.server.origin}${path}` }, 'api')).feedId;
  };
  const chainPoll = (feedId: string, slot: string) => pollFeed(h.rt, { feedId, slot, reschedule: true, runId: null });
  const pollJobs = async (feedId: string) =>
    (await h.rt.queues.queues.pollFeed.getJobs(['waiting', 'delayed', 'prioritized'], 0, 1000)).filter(
      (j) => j.data.feedId === feedId,
    );
  const types = async (feedId: string) => (await h.store.readStream(streams.feed(feedId))).map((e) => e.type);
  const refusal = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      if (err instanceof FeedCommandRefusedError) return err.code;
      throw err;
    }
    throw new Error('not refused');
  };

  it('pauses a feed: its planned poll is skipped and not planned again, and reconciliation leaves it alone', async () => {
    const feedId = await register('/paused');
    const first = await chainPoll(feedId, 'first');
    expect(first.status).toBe('polled');
    const planned = first.nextCheckAt!;

    const paused = await h.rt.feedCommands.pause(feedId, 'too noisy');
    expect(paused).toMatchObject({ changed: true, feed: { paused: true } });
    expect((await h.rt.feedCommands.pause(feedId, null)).changed).toBe(false);
    for (const job of await pollJobs(feedId)) await job.remove();

    expect((await chainPoll(feedId, planned)).status).toBe('skipped');
    expect(await pollJobs(feedId)).toEqual([]);
    await reconcileSchedules(h.rt);
    expect(await pollJobs(feedId)).toEqual([]);
    expect(h.server.hits('/paused')).toBe(1);
    expect(await refusal(() => h.rt.feedCommands.pollNow(feedId))).toBe('feed-paused');

    const resumed = await h.rt.feedCommands.resume(feedId);
    expect(resumed.changed).toBe(true);
    // The poll planned before the pause is still to come: resuming goes on with it.
    expect(resumed.feed.nextCheckAt).toBe(planned);
    expect((await pollJobs(feedId)).map((j) => j.data.slot)).toEqual([planned]);
    expect(await types(feedId)).toEqual(['FeedRegistered', 'FeedPolled', 'FeedPaused', 'FeedResumed']);
  });

  it('polls now: the poll asked for runs and plans the next, and the poll planned before is superseded', async () => {
    const feedId = await register('/now');
    const planned = (await chainPoll(feedId, 'first')).nextCheckAt!;
    for (const job of await pollJobs(feedId)) await job.remove();

    const asked = await h.rt.feedCommands.pollNow(feedId);
    const slot = asked.feed.nextCheckAt!;
    expect(Date.parse(slot)).toBeLessThan(Date.parse(planned));
    const jobs = await pollJobs(feedId);
    expect(jobs.map((j) => j.data)).toMatchObject([{ feedId, slot, reschedule: true }]);

    const polled = await chainPoll(feedId, slot);
    expect(polled.status).toBe('polled');
    expect(h.server.hits('/now')).toBe(2);
    // The job of the poll planned before the request finds itself superseded: nothing fetched, and
    // it makes sure of the poll planned now instead of starting a chain of its own.
    const stale = await chainPoll(feedId, planned);
    expect(stale).toMatchObject({ status: 'skipped', nextCheckAt: polled.nextCheckAt });
    expect(h.server.hits('/now')).toBe(2);
    expect(await types(feedId)).toEqual(['FeedRegistered', 'FeedPolled', 'FeedPollRequested', 'FeedPolled']);
  });

  it('clears errors: the count starts again and the backed-off poll is brought forward', async () => {
    let down = true;
    h.server.route('/flaky', (_req, res) => {
      if (down) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssDocument('Flaky', []));
    });
    const feedId = (await h.rt.feedCommands.register({ url: `${h.server.origin}/flaky` }, 'api')).feedId;
    const failed = await chainPoll(feedId, 'first');
    expect(failed).toMatchObject({ status: 'failed', reason: 'http-5xx' });
    const again = await chainPoll(feedId, failed.nextCheckAt!);
    expect(again.status).toBe('failed');
    expect((await h.rt.feedCommands.get(feedId))!.consecutiveErrors).toBe(2);

    const cleared = await h.rt.feedCommands.clearErrors(feedId);
    expect(cleared.feed).toMatchObject({ consecutiveErrors: 0, lastReason: null });
    expect(Date.parse(cleared.feed.nextCheckAt!)).toBeLessThan(Date.parse(again.nextCheckAt!));
    expect((await h.rt.feedCommands.clearErrors(feedId)).changed).toBe(false);
    down = false;
    expect((await chainPoll(feedId, cleared.feed.nextCheckAt!)).status).toBe('polled');
  });

  it('edits title, tags and bounds, refusing crossed bounds and unknown feeds without writing', async () => {
    const feedId = await register('/edit');
    const edited = await h.rt.feedCommands.edit({ feedId, title: 'Harbour', tags: ['Local'], maxIntervalSec: 900 });
    expect(edited).toMatchObject({ changed: true, feed: { title: 'Harbour', tags: ['Local'], maxIntervalSec: 900 } });
    const head = await h.store.head();
    expect(await refusal(() => h.rt.feedCommands.edit({ feedId, minIntervalSec: 1800 }))).toBe('invalid-poll-bounds');
    expect(await refusal(() => h.rt.feedCommands.edit({ feedId: 'f_unknown', title: 'x' }))).toBe('feed-not-found');
    expect(await refusal(() => h.rt.feedCommands.pause('f_unknown', null))).toBe('feed-not-found');
    expect(await h.store.head()).toBe(head);
    // The poll after the edit keeps within the edited bounds.
    const polled = await chainPoll(feedId, 'first');
    const interval = (Date.parse(polled.nextCheckAt!) - Date.now()) / 1000;
    expect(interval).toBeLessThanOrEqual(900);
  });

  it('discovers the feed a URL is, and the feeds a page advertises', async () => {
    serve('/site-feed', rssDocument('Site news', numberedItems('site.example', 1)));
    serve(
      '/site',
      `<!doctype html><html><head><title>Site</title>
        <link rel="alternate" type="application/rss+xml" href="/site-feed">
        <link rel="alternate" type="application/atom+xml" href="${h.server.origin}/site-atom">
      </head><body>Hello</body></html>`,
      'text/html; charset=utf-8',
    );
    serve('/plain', '<!doctype html><html><head><title>Plain</title></head><body>No feeds</body></html>', 'text/html');
    expect(await h.rt.feedCommands.discover(`${h.server.origin}/site-feed`)).toMatchObject({
      kind: 'feed',
      feeds: [{ url: `${h.server.origin}/site-feed`, title: 'Site news' }],
      reason: null,
    });
    expect(await h.rt.feedCommands.discover(`${h.server.origin}/site`)).toMatchObject({
      kind: 'page',
      feeds: [{ url: `${h.server.origin}/site-feed` }, { url: `${h.server.origin}/site-atom` }],
      reason: null,
    });
    expect(await h.rt.feedCommands.discover(`${h.server.origin}/plain`)).toMatchObject({
      kind: 'page',
      feeds: [],
      reason: 'not-a-feed',
    });
    expect(await h.rt.feedCommands.discover(`${h.server.origin}/missing`)).toMatchObject({
      kind: 'none',
      reason: 'http-404',
    });
  });
});
