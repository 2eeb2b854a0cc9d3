import { makeEvent, type NewEvent } from '@tally/events';
import type { FeedState } from './feedState.ts';

/**
 * Why an operator's command on a feed is refused, before anything is written: the feed is unknown
 * or removed (`feed-not-found`), paused when the command polls it (`feed-paused`), or the bounds
 * asked for cross (`invalid-poll-bounds`).
 */
export class FeedCommandRefusedError extends Error {
  override readonly name = 'FeedCommandRefusedError';
  constructor(
    message: string,
    readonly code: 'feed-not-found' | 'feed-paused' | 'invalid-poll-bounds',
    readonly feedId: string,
  ) {
    super(message);
  }
}

/**
 * An edit of a feed's registration. An absent field stays as it is; a `null` title goes back to the
 * title the feed gives itself, `null` bounds to the deployment's.
 */
export interface EditFeed {
  feedId: string;
  title?: string | null;
  tags?: readonly string[];
  minIntervalSec?: number | null;
  maxIntervalSec?: number | null;
}

/** The feed as it is registered now, or the refusal for an unknown or removed one. */
function registered(state: FeedState | null, feedId: string): FeedState {
  if (!state || state.removed) {
    throw new FeedCommandRefusedError(`no registered feed with id ${feedId}`, 'feed-not-found', feedId);
  }
  return state;
}

/** Tags as recorded: trimmed, blank ones dropped, each once, in the order given. */
export function normalTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Editing a feed: `FeedEdited` naming only the fields that change, or nothing when none does.
 * Refused for a feed not registered, and for bounds that cross once applied (a minimum over the
 * maximum, either given or kept).
 */
export function decideEditFeed(state: FeedState | null, command: EditFeed): NewEvent[] {
  const feed = registered(state, command.feedId);
  const change: Omit<EditFeed, 'feedId'> = {};
  if (command.title !== undefined) {
    const title = command.title?.trim() || null;
    // Null goes back to the feed's own title: a change unless that is the title already.
    if (title === null ? feed.title !== feed.feedTitle : title !== feed.title) change.title = title;
  }
  if (command.tags !== undefined) {
    const tags = normalTags(command.tags);
    if (!sameTags(tags, feed.tags)) change.tags = tags;
  }
  if (command.minIntervalSec !== undefined && command.minIntervalSec !== feed.minIntervalSec)
    change.minIntervalSec = command.minIntervalSec;
  if (command.maxIntervalSec !== undefined && command.maxIntervalSec !== feed.maxIntervalSec)
    change.maxIntervalSec = command.maxIntervalSec;
  const min = change.minIntervalSec !== undefined ? change.minIntervalSec : feed.minIntervalSec;
  const max = change.maxIntervalSec !== undefined ? change.maxIntervalSec : feed.maxIntervalSec;
  if (min !== null && max !== null && min > max) {
    throw new FeedCommandRefusedError(
      `the shortest interval (${min} s) is longer than the longest (${max} s)`,
      'invalid-poll-bounds',
      feed.feedId,
    );
  }
  if (Object.keys(change).length === 0) return [];
  const { tags, ...rest } = change;
  const data = { feedId: feed.feedId, ...rest, ...(tags ? { tags: [...tags] } : {}) };
  // Two different edits of one version get different ids: the second meets a newer stream and is decided again.
  return [makeEvent('FeedEdited', data, [feed.feedId, feed.version, JSON.stringify(change)])];
}

/** Pausing a feed: `FeedPaused`, or nothing when it is paused already. */
export function decidePauseFeed(
  state: FeedState | null,
  command: { feedId: string; reason: string | null },
): NewEvent[] {
  const feed = registered(state, command.feedId);
  if (feed.paused) return [];
  return [makeEvent('FeedPaused', { feedId: feed.feedId, reason: command.reason }, [feed.feedId, feed.version])];
}

/**
 * Resuming a paused feed: `FeedResumed` with the poll it plans, the one planned before the pause
 * while that is still to come, else at once (`now`); nothing when the feed is not paused.
 */
export function decideResumeFeed(state: FeedState | null, command: { feedId: string; now: Date }): NewEvent[] {
  const feed = registered(state, command.feedId);
  if (!feed.paused) return [];
  const planned = feed.nextPollAt !== null ? Date.parse(feed.nextPollAt) : Number.NaN;
  const nextCheckAt =
    Number.isFinite(planned) && planned > command.now.getTime() ? feed.nextPollAt! : command.now.toISOString();
  return [makeEvent('FeedResumed', { feedId: feed.feedId, nextCheckAt }, [feed.feedId, feed.version])];
}

/**
 * Clearing a feed's errors: `FeedErrorsCleared`, recording what was cleared, with a poll at once
 * (none for a paused feed: it is polled once resumed); nothing when there is nothing to clear.
 */
export function decideClearFeedErrors(state: FeedState | null, command: { feedId: string; now: Date }): NewEvent[] {
  const feed = registered(state, command.feedId);
  if (feed.consecutiveErrors === 0 && feed.lastReason === null) return [];
  const nextCheckAt = feed.paused || feed.consecutiveErrors === 0 ? null : command.now.toISOString();
  return [
    makeEvent(
      'FeedErrorsCleared',
      {
        feedId: feed.feedId,
        consecutiveErrors: feed.consecutiveErrors,
        lastReason: feed.lastReason,
        nextCheckAt,
      },
      [feed.feedId, feed.version],
    ),
  ];
}

/**
 * Asking for a poll now: `FeedPollRequested` with the slot of that poll (the instant asked), which
 * supersedes the poll planned. Refused for a paused feed (resume it first).
 */
export function decideRequestPoll(state: FeedState | null, command: { feedId: string; now: Date }): NewEvent[] {
  const feed = registered(state, command.feedId);
  if (feed.paused) {
    throw new FeedCommandRefusedError(
      `feed ${feed.feedId} is paused: resume it to poll it`,
      'feed-paused',
      feed.feedId,
    );
  }
  const slot = command.now.toISOString();
  return [makeEvent('FeedPollRequested', { feedId: feed.feedId, slot }, [feed.feedId, slot])];
}
