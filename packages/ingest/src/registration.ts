import { feedIdFor, makeEvent, type NewEvent } from '@tally/events';
import { canonicalUrl } from '@tally/feeds';
import type { FeedState } from './feedState.ts';
import { FEED_URL_CREDENTIALS, hasUrlCredentials, withoutUrlCredentials } from './feedUrlCredentials.ts';

/**
 * A feed URL that is not registered: not an http(s) URL (`invalid-url`), or one carrying credentials
 * (`feed-url-credentials`: the URL would be recorded in the log and shown to readers).
 */
export class InvalidFeedUrlError extends Error {
  override readonly name = 'InvalidFeedUrlError';
  constructor(
    message: string,
    readonly code: 'invalid-url' | typeof FEED_URL_CREDENTIALS = 'invalid-url',
  ) {
    super(message);
  }
}

export interface FeedRegistration {
  url: string;
  title?: string | null;
  minIntervalSec?: number | null;
  maxIntervalSec?: number | null;
  /** Labels, e.g. an OPML import's folders (at most 20 of at most 100 characters). @defaultValue [] */
  tags?: readonly string[];
}

export type RegistrationSource = 'config' | 'cli' | 'api' | 'demo';

/** The command to register a feed: the registration checked, with the feed's id. */
export interface RegisterFeed extends FeedRegistration {
  feedId: string;
  /** The URL as given, normalised: what gets fetched (a trailing slash or a query can matter to the server). */
  url: string;
  source: RegistrationSource;
}

/**
 * Checks a registration and names its feed; throws InvalidFeedUrlError. Whoever registers (the API,
 * the CLI, a feeds file, the demo), a URL carrying credentials is refused before anything is
 * written, and no message names them.
 */
export function registerFeedCommand(reg: FeedRegistration, source: RegistrationSource): RegisterFeed {
  if (hasUrlCredentials(reg.url)) {
    throw new InvalidFeedUrlError(
      `feed URL ${withoutUrlCredentials(reg.url)} carries credentials (user:password@): feed URLs are recorded in the log and shown to readers, so they are refused`,
      FEED_URL_CREDENTIALS,
    );
  }
  // The canonical form names the feed; the URL as given is what gets fetched.
  const canonical = canonicalUrl(reg.url);
  if (!canonical) throw new InvalidFeedUrlError(`not an http(s) URL: ${reg.url}`);
  return { ...reg, feedId: feedIdFor(canonical), url: new URL(reg.url).toString(), source };
}

/**
 * Registering a feed: `FeedRegistered`, unless it is registered already (nothing). A removed feed is
 * registered again, under the next generation of the event's id.
 */
export function decideRegisterFeed(state: FeedState | null, command: RegisterFeed): NewEvent[] {
  if (state && !state.removed) return [];
  const { feedId, url, title, source, minIntervalSec, maxIntervalSec, tags } = command;
  return [
    makeEvent(
      'FeedRegistered',
      {
        feedId,
        url,
        title: title ?? null,
        source,
        minIntervalSec: minIntervalSec ?? null,
        maxIntervalSec: maxIntervalSec ?? null,
        // Left out when empty: a registration without tags is written as before tags existed.
        ...(tags && tags.length > 0 ? { tags: [...tags] } : {}),
      },
      [feedId, state ? state.registrations : 0],
    ),
  ];
}

/** Removing a feed: `FeedRemoved`, unless it is unknown or removed already (nothing). */
export function decideRemoveFeed(
  state: FeedState | null,
  command: { feedId: string; reason: string | null },
): NewEvent[] {
  if (!state || state.removed) return [];
  return [
    makeEvent('FeedRemoved', { feedId: command.feedId, reason: command.reason }, [command.feedId, state.registrations]),
  ];
}
