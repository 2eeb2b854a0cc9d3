import { describe, expect, it } from 'vitest';
import { foldFeed } from './feedState.ts';
import { decideRegisterFeed, decideRemoveFeed, InvalidFeedUrlError, registerFeedCommand } from './registration.ts';
import { givenFeed, storedStream } from './testing/index.ts';

const command = registerFeedCommand({ url: 'https://news.example/feed.xml', title: 'News', tags: ['World'] }, 'cli');
const registered = decideRegisterFeed(null, command);
/** The removal of the registered feed, as decided against its stream. */
const removed = (reason: string) =>
  decideRemoveFeed(foldFeed(storedStream('feed-given', registered)), { feedId: command.feedId, reason });

describe('registering a feed', () => {
  it('records an unknown feed with its title, tags and source', () => {
    givenFeed()
      .when((s) => decideRegisterFeed(s, command))
      .then((events) => {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'FeedRegistered',
          data: {
            feedId: command.feedId,
            url: 'https://news.example/feed.xml',
            title: 'News',
            source: 'cli',
            tags: ['World'],
          },
        });
      });
  });

  it('records nothing for a feed registered already', () => {
    givenFeed(registered)
      .when((s) => decideRegisterFeed(s, command))
      .then((events) => expect(events).toEqual([]));
  });

  it('registers a removed feed again, as a new event', () => {
    givenFeed(registered, removed('paused'))
      .when((s) => decideRegisterFeed(s, command))
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['FeedRegistered']);
        expect(events[0]!.id).not.toBe(registered[0]!.id);
      });
  });

  it('writes a registration without tags as one made before tags existed', () => {
    const [event] = decideRegisterFeed(null, registerFeedCommand({ url: 'https://news.example/feed.xml' }, 'api'));
    expect(event!.data).not.toHaveProperty('tags');
  });

  it('refuses a URL with credentials without naming them, and one that is not http(s)', () => {
    const refusal = (url: string) => {
      try {
        registerFeedCommand({ url }, 'api');
      } catch (err) {
        return err as InvalidFeedUrlError;
      }
      throw new Error('accepted');
    };
    const secret = refusal('https://reader:hunter2@news.example/feed');
    expect(secret).toBeInstanceOf(InvalidFeedUrlError);
    expect(secret.code).toBe('feed-url-credentials');
    expect(secret.message).not.toContain('hunter2');
    expect(refusal('ftp://news.example/feed').code).toBe('invalid-url');
  });

  it('names a feed by its canonical URL and fetches the URL as given', () => {
    const a = registerFeedCommand({ url: 'HTTPS://News.example/feed.xml?utm_source=x' }, 'cli');
    const b = registerFeedCommand({ url: 'https://news.example/feed.xml' }, 'cli');
    expect(a.feedId).toBe(b.feedId);
    expect(a.url).toBe('https://news.example/feed.xml?utm_source=x');
  });
});

describe('removing a feed', () => {
  it('records the removal of a registered feed with its reason', () => {
    givenFeed(registered)
      .when((s) => decideRemoveFeed(s, { feedId: command.feedId, reason: 'gone' }))
      .then((events) =>
        expect(events).toMatchObject([{ type: 'FeedRemoved', data: { feedId: command.feedId, reason: 'gone' } }]),
      );
  });

  it('records nothing for an unknown feed or one removed already', () => {
    givenFeed()
      .when((s) => decideRemoveFeed(s, { feedId: command.feedId, reason: null }))
      .then((events) => expect(events).toEqual([]));
    givenFeed(registered, removed('gone'))
      .when((s) => decideRemoveFeed(s, { feedId: command.feedId, reason: null }))
      .then((events) => expect(events).toEqual([]));
  });
});
