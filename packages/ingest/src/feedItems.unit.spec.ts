import { articleIdFor, makeEvent } from '@tally/events';
import type { FeedItem } from '@tally/feeds';
import { describe, expect, it } from 'vitest';
import { decideKnownItem, discoveredEvent, listItems } from './feedItems.ts';
import { givenArticle } from './testing/index.ts';

const feedUrl = 'https://news.example/feed.xml';
const item = (over: Partial<FeedItem>): FeedItem =>
  ({
    id: null,
    link: null,
    title: null,
    summary: null,
    published: null,
    updated: null,
    ...over,
  }) as FeedItem;

describe('what a feed’s items become', () => {
  it('lists each article once, the first (newest) listing winning, and names the items without a usable link', () => {
    const { listed, skipped } = listItems(
      [
        item({ link: '/a?utm_source=feed', title: 'A, updated' }),
        item({ link: 'https://news.example/a', title: 'A' }),
        item({ title: 'No link' }),
        item({ link: 'mailto:desk@news.example' }),
      ],
      feedUrl,
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      articleId: articleIdFor('https://news.example/a'),
      url: 'https://news.example/a?utm_source=feed',
      canonicalUrl: 'https://news.example/a',
      title: 'A, updated',
    });
    expect(skipped.map((s) => s.reason)).toEqual(['no-link', 'bad-link']);
  });

  it('drops NUL characters the log cannot hold, and cuts long summaries', () => {
    const [l] = listItems([item({ link: '/n', title: 'N\u0000ul', summary: 'x'.repeat(5000) })], feedUrl).listed;
    expect(l!.title).toBe('Nul');
    expect(l!.summary).toHaveLength(2000);
  });

  it('fingerprints what a revision would change', () => {
    const [a] = listItems([item({ link: '/a', title: 'A' })], feedUrl).listed;
    const [b] = listItems([item({ link: '/a', title: 'A (corrected)' })], feedUrl).listed;
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });
});

describe('an item whose article the log knows', () => {
  const [l] = listItems([item({ link: '/a', title: 'A', published: '2024-05-03T10:00:00.000Z' })], feedUrl).listed;
  const discovered = discoveredEvent('f_one', l!);

  it('records another feed’s listing, and fetches an article not done yet', () => {
    givenArticle(l!.articleId, discovered)
      .when((s) => decideKnownItem(s, 'f_two', l!))
      .then(({ events, fetch }) => {
        expect(events).toMatchObject([{ type: 'ArticleListedByFeed', data: { feedId: 'f_two' } }]);
        expect(fetch).toBe(true);
      });
  });

  it('records a changed title as a revision, and nothing for the same listing again', () => {
    const revised = { ...l!, title: 'A (corrected)' };
    givenArticle(l!.articleId, discovered)
      .when((s) => decideKnownItem(s, 'f_one', revised))
      .then(({ events }) =>
        expect(events).toMatchObject([{ type: 'ArticleRevised', data: { title: 'A (corrected)' } }]),
      );
    givenArticle(l!.articleId, discovered)
      .when((s) => decideKnownItem(s, 'f_one', l!))
      .then(({ events }) => expect(events).toEqual([]));
  });

  it('fetches no article that failed for good', () => {
    const failed = makeEvent(
      'ArticleFetchFailed',
      {
        articleId: l!.articleId,
        url: l!.url,
        reason: 'http-404',
        message: 'gone',
        httpStatus: 404,
        permanent: true,
        attempt: 1,
      },
      [l!.articleId, 'fetch', 1],
    );
    givenArticle(l!.articleId, discovered, failed)
      .when((s) => decideKnownItem(s, 'f_one', l!))
      .then(({ fetch }) => expect(fetch).toBe(false));
  });
});
