import { type EventStore, openEventStore } from '@tally/event-store';
import { InvalidFeedUrlError } from '@tally/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedCommands } from './feedCommands.ts';

/** Feed commands over a log, without a poller of their own. */
const feedsOf = (store: EventStore) => createFeedCommands({ store });

/**
 * `http://user:pass@host/feed` used to be registered as given by every way in but the API (the CLI,
 * a feeds file, the demo), then shown on the public `GET /feeds` and in poll failures. The write
 * side refuses it itself, with the reason code the API maps to TALLY_ERR_FEED_URL_CREDENTIALS.
 */
const SECRET = 'hunter2-s3cret';

let store: EventStore;
beforeAll(async () => {
  store = await openEventStore({ dataDir: 'memory://' });
});
afterAll(async () => {
  await store?.close();
});

async function refusal(url: string, source: 'config' | 'cli' | 'api' | 'demo'): Promise<InvalidFeedUrlError> {
  try {
    await feedsOf(store).register({ url, title: 'Private' }, source);
  } catch (err) {
    if (err instanceof InvalidFeedUrlError) return err;
    throw err;
  }
  throw new Error(`${url} was registered`);
}

describe('registerFeed with credentials in the URL', () => {
  it('refuses them from every source, with a reason code, writing nothing and naming them nowhere', async () => {
    const head = await store.head();
    const urls = [
      `http://reader:${SECRET}@private.example/rss.xml`,
      `https://${SECRET}@private.example/atom`,
      `https://:${SECRET}@private.example/`,
      `ftp://reader:${SECRET}@private.example/feed`,
    ];
    for (const source of ['config', 'cli', 'api', 'demo'] as const) {
      for (const url of urls) {
        const e = await refusal(url, source);
        expect(e.code, url).toBe('feed-url-credentials');
        expect(e.message, url).toContain('***@private.example');
        expect(e.message, url).not.toContain(SECRET);
      }
    }
    expect(await store.head()).toBe(head);
    expect(await feedsOf(store).list()).toEqual([]);
  });

  it('still registers a URL whose query or path holds an @', async () => {
    for (const url of ['https://open.example/feed?mail=desk@open.example', 'https://open.example/@desk/rss']) {
      expect((await feedsOf(store).register({ url }, 'cli')).created, url).toBe(true);
    }
    expect((await refusal('not a url', 'cli')).code).toBe('invalid-url');
  });
});
