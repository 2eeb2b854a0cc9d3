import type { EventStore } from '@tally/event-store';
import { streams } from '@tally/events';
import type {} from '@tally/local-services/vitest-setup';
import { describe, expect, inject, it } from 'vitest';
import { createFeedCommands } from './feedCommands.ts';
import { forSuite, openFeedRuntime } from './feedRuntime.ts';
import { pollFeed } from './poller.ts';

/** Feed commands over a log, without a poller of their own. */
const feedsOf = (store: EventStore) => createFeedCommands({ store });

/**
 * A 9 KB feed nesting 3,000 elements in an item overflowed the parser's stack, and the poll was
 * recorded as `internal` (a fault of Tally, retried) instead of `malformed` (the feed's). Through the
 * poller on a real runtime: the failure is the feed's, with its reason, and the worker goes on.
 */
describe('pollFeed on a deeply nested feed', () => {
  const h = forSuite(() => openFeedRuntime(inject('redisUrl')));

  it('records the poll as malformed, not internal, and polls a sound feed after it', async () => {
    const deep = `<item><title>Deep</title><description>${'<i>'.repeat(3000)}x${'</i>'.repeat(3000)}</description></item>`;
    h.server.route('/deep.xml', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>${deep}</channel></rss>`);
    });
    h.server.route('/sound.xml', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Sound</title><item><title>One</title><link>https://sound.example/a</link></item></channel></rss>',
        );
    });
    const deepId = (await feedsOf(h.store).register({ url: `${h.server.origin}/deep.xml` }, 'cli')).feedId;
    const soundId = (await feedsOf(h.store).register({ url: `${h.server.origin}/sound.xml` }, 'cli')).feedId;
    const poll = (feedId: string) =>
      pollFeed(h.rt, { feedId, slot: '2024-01-01T00:00:00.000Z', reschedule: false, runId: null });

    expect(await poll(deepId)).toMatchObject({ status: 'failed', reason: 'malformed' });
    const failed = (await h.store.readStream(streams.feed(deepId))).filter((e) => e.type === 'FeedPollFailed');
    expect(failed.map((e) => e.data)).toEqual([expect.objectContaining({ reason: 'malformed' })]);
    expect(await poll(soundId)).toMatchObject({ status: 'polled' });
  });
});
