import { z } from 'zod';

/**
 * WebSub (W3C WebSub, PubSubHubbub before it) subscriptions of a feed, on the feed's stream
 * (`feed-<feedId>`) beside its polls. A subscription is asked for (`FeedSubscriptionRequested`:
 * pending), verified by the hub (`FeedSubscribed`: live until its lease ends), and ends
 * (`FeedSubscriptionLapsed`, with why); each content distribution the hub sends, once its signature
 * is checked, is recorded (`FeedContentDistributed`) after its items, as a poll is. Polling never
 * stops for a subscribed feed: these events only lengthen its interval while the lease is live.
 */

const IsoDate = z.string().min(1);
const Url = z.string().min(1).max(8192);

/** Why a subscription ended, or never became live. */
export const SubscriptionLapseReason = z.enum([
  /** The hub answered the subscription request with an error status. */
  'hub-refused',
  /** The request did not reach the hub (timeout, DNS, connection, a refused address). */
  'hub-unreachable',
  /** The hub told the callback it denied the subscription (`hub.mode=denied`). */
  'hub-denied',
  /** The hub did not verify the intent in time. */
  'verification-timeout',
  /** The lease ran out before it was renewed. */
  'lease-expired',
  /** A poll found items the hub had not distributed: the hub is not to be relied on. */
  'hub-quiet',
  /** The feed names another hub or topic now, or none. */
  'hub-changed',
  /** The feed was removed: the hub is asked to unsubscribe. */
  'feed-removed',
]);
export type SubscriptionLapseReason = z.infer<typeof SubscriptionLapseReason>;

/** The HMAC a distribution was signed with (`X-Hub-Signature: <method>=<hex>`, WebSub §8). */
export const HubSignatureMethod = z.enum(['sha1', 'sha256', 'sha384', 'sha512']);
export type HubSignatureMethod = z.infer<typeof HubSignatureMethod>;

/**
 * A subscription was asked of `hub` for `topic` (pending until the hub verifies it). The secret the
 * hub signs distributions with is sealed as webhooks' are (AES-256-GCM under the deployment's key,
 * the feed id as associated data): the log never holds it in clear.
 */
export const FeedSubscriptionRequested = z.object({
  feedId: z.string(),
  hub: Url,
  topic: Url,
  callback: Url,
  sealedSecret: z.string().min(1),
  leaseSeconds: z.number().int().positive(),
  /** A renewal of a live subscription, rather than a new one. */
  renewal: z.boolean(),
});
export type FeedSubscriptionRequested = z.infer<typeof FeedSubscriptionRequested>;

/** The hub verified the pending subscription's intent: live until `expiresAt`. */
export const FeedSubscribed = z.object({
  feedId: z.string(),
  hub: Url,
  topic: Url,
  leaseSeconds: z.number().int().positive(),
  expiresAt: IsoDate,
});
export type FeedSubscribed = z.infer<typeof FeedSubscribed>;

/** The subscription ended, or never became live; polling goes on at its own interval. */
export const FeedSubscriptionLapsed = z.object({
  feedId: z.string(),
  hub: Url,
  topic: Url,
  reason: SubscriptionLapseReason,
  message: z.string().max(2000),
});
export type FeedSubscriptionLapsed = z.infer<typeof FeedSubscriptionLapsed>;

/**
 * The hub distributed the feed's content, signed with the subscription's secret; its items were
 * recorded as a poll's are. One per content (`contentHash`): a distribution sent twice is recorded once.
 */
export const FeedContentDistributed = z.object({
  feedId: z.string(),
  hub: Url,
  topic: Url,
  /** SHA-256 of the body, hex. */
  contentHash: z.string().min(1),
  signature: HubSignatureMethod,
  itemCount: z.number().int().nonnegative(),
  newItemCount: z.number().int().nonnegative(),
  skippedItems: z.number().int().nonnegative(),
});
export type FeedContentDistributed = z.infer<typeof FeedContentDistributed>;
