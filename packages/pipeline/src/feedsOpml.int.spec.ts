import { type EventStore, openEventStore } from '@tally/event-store';
import { feedIdFor, makeEvent, streams } from '@tally/events';
import { canonicalUrl, readOpml } from '@tally/feeds';
import { readerExportOpml } from '@tally/feeds/testing';
import { OpmlImportError } from '@tally/ingest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedCommands } from './feedCommands.ts';

/** Feed commands over a log, without a poller of their own. */
const feedsOf = (store: EventStore) => createFeedCommands({ store });

const subscriptions = readerExportOpml();

async function importError(store: EventStore, input: string): Promise<OpmlImportError> {
  try {
    await feedsOf(store).importOpml(input, 'cli');
  } catch (err) {
    if (err instanceof OpmlImportError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('importOpml / exportOpml', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = await openEventStore({ dataDir: 'memory://' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('registers every http(s) feed with its folders as tags, names what it skipped, and registers nothing twice', async () => {
    const first = await feedsOf(store).importOpml(subscriptions, 'api');
    expect(first).toMatchObject({
      created: 3,
      existing: 0,
      skipped: [{ url: 'gopher://old.example/feed', reason: 'invalid-url' }],
    });
    const registered = await store.readAll({ types: ['FeedRegistered'] });
    expect(registered.map((e) => e.data)).toEqual([
      expect.objectContaining({
        url: 'https://harbour.example/feed',
        title: 'Harbour Times',
        source: 'api',
        tags: ['News'],
      }),
      expect.objectContaining({ url: 'https://wire.example/rss', tags: ['News', 'Economy'] }),
      // No folder, no tags field: written as registrations were before tags.
      expect.not.objectContaining({ tags: expect.anything() }),
    ]);
    const feeds = await feedsOf(store).list();
    expect(feeds.map((f) => [f.url, f.tags])).toEqual([
      ['https://harbour.example/feed', ['News']],
      ['https://wire.example/rss', ['News', 'Economy']],
      ['https://loose.example/atom.xml', []],
    ]);

    const again = await feedsOf(store).importOpml(subscriptions, 'cli');
    expect(again).toMatchObject({ created: 0, existing: 3 });
    expect(await store.readAll({ types: ['FeedRegistered'] })).toHaveLength(3);
  });

  it('folds registrations written before tags existed as feeds without tags', async () => {
    const url = 'https://old.example/rss';
    const feedId = feedIdFor(canonicalUrl(url)!);
    await store.append(streams.feed(feedId), [
      makeEvent(
        'FeedRegistered',
        { feedId, url, title: 'Old', source: 'config', minIntervalSec: null, maxIntervalSec: null },
        [feedId, 0],
      ),
    ]);
    expect((await feedsOf(store).list())[0]).toMatchObject({ feedId, tags: [] });
    const back = readOpml(await feedsOf(store).exportOpml());
    expect(back.ok && back.feeds).toEqual([{ url, title: 'Old', siteUrl: null, tags: [] }]);
  });

  it('exports the registered feeds (not the removed ones) so that importing the export gives the same feeds and tags', async () => {
    await feedsOf(store).importOpml(subscriptions, 'cli');
    const gone = await feedsOf(store).register(
      { url: 'https://gone.example/rss', title: 'Gone', tags: ['News'] },
      'cli',
    );
    await feedsOf(store).remove(gone.feedId, 'test');
    const xml = await feedsOf(store).exportOpml({ now: new Date('2026-12-06T00:00:00Z') });
    expect(xml).not.toContain('gone.example');

    const other = await openEventStore({ dataDir: 'memory://' });
    try {
      const imported = await feedsOf(other).importOpml(xml, 'cli');
      expect(imported.created).toBe(3);
      const pairs = (s: Awaited<ReturnType<ReturnType<typeof feedsOf>['list']>>) =>
        s.map((f) => [f.feedId, f.url, f.title, f.tags]).sort();
      expect(pairs(await feedsOf(other).list())).toEqual(
        pairs((await feedsOf(store).list()).filter((f) => !f.removed)),
      );
    } finally {
      await other.close();
    }
  });

  it('registers nothing from a document it cannot read, or that lists a URL with credentials, and says why', async () => {
    expect((await importError(store, '<opml version="2.0"><body><outline text="x"></body></opml>')).code).toBe(
      'malformed',
    );
    expect(
      (await importError(store, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml/>'))
        .code,
    ).toBe('doctype');
    const withSecret = subscriptions.replace('https://loose.example', 'https://reader:s3cret-pass@loose.example');
    const refused = await importError(store, withSecret);
    expect(refused.code).toBe('feed-url-credentials');
    expect(refused.message).not.toContain('s3cret-pass');
    expect(await store.readAll({ types: ['FeedRegistered'] })).toEqual([]);
  });
});
