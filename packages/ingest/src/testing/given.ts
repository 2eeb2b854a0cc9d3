import { makeEvent, type NewEvent, type StoredEvent } from '@tally/events';
import { type ArticleState, foldArticle } from '../articleState.ts';
import { type FeedState, foldFeed } from '../feedState.ts';
import { foldToken, type TokenState } from '../tokenIssuance.ts';

/** The time the first event of a stream given here is recorded at; each further event is one minute later. */
export const GIVEN_EPOCH_MS = Date.UTC(2024, 4, 3, 12);

/** Events as the log hands them back from one stream: versions 1…n, positions from `firstPosition`. */
export function storedStream(streamId: string, events: readonly NewEvent[], firstPosition = 100): StoredEvent[] {
  return events.map(
    (e, i) =>
      ({
        ...e,
        streamId,
        streamVersion: i + 1,
        position: firstPosition + i,
        recordedAt: new Date(GIVEN_EPOCH_MS + i * 60_000).toISOString(),
      }) as StoredEvent,
  );
}

export interface Given<S> {
  /** The command under test, decided against the state the given events fold to. */
  when<R>(decide: (state: S) => R): {
    then(assert: (result: R, state: S) => void): void;
  };
}

function givenState<S>(state: S): Given<S> {
  return {
    when(decide) {
      const result = decide(state);
      // biome-ignore lint/suspicious/noThenProperty: given / when / then reads as the spec; it is never awaited.
      return { then: (assert) => assert(result, state) };
    },
  };
}

/**
 * Given / when / then for a feed's commands: `givenFeed` takes the feed stream's events so far (none:
 * an unknown feed), `when` decides a command against their state, `then` looks at what it decided.
 *
 *     givenFeed(registered).when((s) => decideRemoveFeed(s, { feedId, reason })).then((events) => …)
 */
export function givenFeed(...events: (NewEvent | readonly NewEvent[])[]): Given<FeedState | null> {
  const feedId = 'given';
  return givenState(foldFeed(storedStream(`feed-${feedId}`, events.flat())));
}

/** Given / when / then for a token's commands (see `givenFeed`): the token stream's events so far. */
export function givenToken(...events: (NewEvent | readonly NewEvent[])[]): Given<TokenState | null> {
  return givenState(foldToken(storedStream('token-given', events.flat())));
}

/** Given / when / then for an article's commands (see `givenFeed`). */
export function givenArticle(articleId: string, ...events: (NewEvent | readonly NewEvent[])[]): Given<ArticleState> {
  return givenState(foldArticle(articleId, storedStream(`article-${articleId}`, events.flat())));
}

/** An article's discovery by a feed, as the poller records it: the URL is also its canonical URL and item key. */
export function articleDiscovered(
  articleId: string,
  url: string,
  listing: { feedId?: string; title?: string | null; publishedAt?: string | null } = {},
): NewEvent {
  return makeEvent(
    'ArticleDiscovered',
    {
      articleId,
      feedId: listing.feedId ?? 'f_one',
      url,
      canonicalUrl: url,
      itemKey: url,
      title: listing.title ?? null,
      publishedAt: listing.publishedAt ?? null,
      summary: null,
    },
    [articleId],
  );
}
