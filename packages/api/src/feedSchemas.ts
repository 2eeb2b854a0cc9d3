import { ReasonCode, SubscriptionLapseReason } from '@tally/events';
import { z } from 'zod';
import { freeText, identifierText } from './requestText.ts';

/**
 * The schemas of the operator's feed commands (edit, pause, resume, clear errors, poll now) and of
 * discovery: they validate the requests and document the answers.
 */

/** Polling bounds the API takes: a minute to thirty days. */
const IntervalSec = z.number().int().min(60).max(2_592_000);

export const FeedEdit = z
  .object({
    title: freeText(z.string().min(1).max(300))
      .nullable()
      .optional()
      .describe('The title shown; `null` goes back to the title the feed gives itself.'),
    tags: z
      .array(freeText(z.string().min(1).max(100)))
      .max(20)
      .optional()
      .describe('The feed’s labels, replacing the ones it has (`[]`: none); trimmed, each kept once.'),
    minIntervalSec: IntervalSec.nullable()
      .optional()
      .describe('The shortest interval between polls, in seconds; `null`: the deployment’s (`POLL_MIN_INTERVAL_SEC`).'),
    maxIntervalSec: IntervalSec.nullable()
      .optional()
      .describe('The longest interval between polls, in seconds; `null`: the deployment’s (`POLL_MAX_INTERVAL_SEC`).'),
  })
  .strict()
  .refine((edit) => Object.keys(edit).length > 0, {
    message: 'name at least one of title, tags, minIntervalSec, maxIntervalSec',
  })
  .meta({ id: 'FeedEdit' });

export const PauseFeedQuery = z.object({ reason: freeText(z.string().max(300)).optional() });

export const FeedStateAnswer = z
  .object({
    feedId: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    tags: z.array(z.string()),
    removed: z.boolean(),
    paused: z.boolean(),
    consecutiveErrors: z.number().int(),
    lastPolledAt: z.string().nullable(),
    nextCheckAt: z.string().nullable().describe('The slot of the poll planned next.'),
    lastReason: ReasonCode.nullable(),
    minIntervalSec: z.number().int().nullable(),
    maxIntervalSec: z.number().int().nullable(),
  })
  .meta({ id: 'FeedState', description: 'A feed as its stream says now (the write side, ahead of `GET /feeds`).' });

export const FeedChanged = z
  .object({
    changed: z.boolean().describe('False when the command changed nothing (nothing was written).'),
    feed: FeedStateAnswer,
  })
  .meta({ id: 'FeedChanged' });

export const DiscoverRequest = z
  .object({
    url: identifierText(z.string().min(1).max(2048)).describe(
      'A feed URL, or a site’s page that advertises its feeds.',
    ),
  })
  .strict();

export const FeedDiscovered = z
  .object({
    url: z.string(),
    kind: z.enum(['feed', 'page', 'none']),
    feeds: z.array(z.object({ url: z.string(), title: z.string().nullable() })),
    reason: ReasonCode.nullable(),
    message: z.string().nullable(),
  })
  .meta({
    id: 'FeedDiscovered',
    description:
      '`feed`: the URL is a feed (itself in `feeds`); `page`: an HTML page, with the feeds it advertises (`<link rel="alternate">`); `none`: neither, with the reason code.',
  });

/** A feed's WebSub subscription as `GET /feeds` and the feeds page show it (never its secret). */
export const FeedSubscriptionView = z
  .object({
    state: z
      .enum(['none', 'pending', 'live', 'lapsed'])
      .describe(
        '`none`: never asked for (the feed names no hub, or WebSub is off); `pending`: asked, the hub has not verified it; `live`: verified, until `expiresAt`; `lapsed`: ended or never verified (`lastLapseReason`).',
      ),
    hub: z.string().nullable().describe('The hub asked (the first one the feed names).'),
    topic: z.string().nullable().describe('The feed URL subscribed to (its `self` link, else the URL polled).'),
    requestedAt: z.string().nullable().describe('When the latest request (new or renewal) was recorded.'),
    renewing: z.boolean().describe('A renewal of the live subscription waits for the hub.'),
    expiresAt: z.string().nullable().describe('When the live subscription’s lease ends; null unless live.'),
    lastLapseReason: SubscriptionLapseReason.nullable().describe(
      'Why the latest subscription lapsed, kept after a new one goes live: `hub-refused`, `hub-unreachable`, `hub-denied`, `verification-timeout`, `lease-expired`, `hub-quiet` (polls found items the hub had not sent), `hub-changed`, `feed-removed`.',
    ),
    lastLapseMessage: z.string().nullable(),
    lastLapsedAt: z.string().nullable(),
    distributions: z.number().int().describe('Signed content distributions recorded (one per content).'),
    lastDistributionAt: z.string().nullable(),
  })
  .meta({ id: 'FeedSubscription', description: 'The feed’s WebSub subscription.' });
