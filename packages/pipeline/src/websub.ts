import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '@tally/config';
import { ConcurrencyError, type EventStore } from '@tally/event-store';
import { type NewEvent, streams } from '@tally/events';
import { type HubLinks, parseFeed } from '@tally/feeds';
import { FetchError, type GuardedPoster } from '@tally/http-fetch';
import {
  type DistributionRefusal,
  decideDistribution,
  decideHubsSeen,
  decideIntentVerification,
  decideRequestSubscription,
  decideSubscriptionAnswer,
  distributingSubscription,
  type FeedState,
  type IntentVerification,
  verifyHubSignature,
} from '@tally/ingest';
import type { Logger } from '@tally/logger';
import type { QueueSet } from '@tally/queues';
import type { WebhookKey } from '@tally/webhooks';
import type { FeedListingCache } from './feedListingCache.ts';
import type { FeedStates } from './feedStates.ts';
import { type HubUnsubscriber, unsubscribeAtHub } from './hubUnsubscriber.ts';
import { recordFeedItems } from './recordFeedItems.ts';

/** What the hub's verification GET asks (`hub.*` query parameters), checked at the edge. */
export type HubVerification = Omit<IntentVerification, 'feedId' | 'now'> & { challenge: string };

/** A content distribution as the callback received it: the raw body, never a re-serialised parse. */
export interface HubDistribution {
  body: Buffer;
  contentType: string | null;
  /** `X-Hub-Signature`. */
  signature: string | undefined;
}

export type DistributionOutcome =
  | { accepted: true; newItems: number; items: number; duplicate: boolean }
  | { accepted: false; reason: DistributionRefusal | 'not-a-feed' };

/**
 * WebSub for feeds that name a hub: subscribing after polls, the hub's verification of intent, and
 * its content distributions, each read, decided (`@tally/ingest`) and appended on the feed's stream.
 */
export interface WebSub {
  /** The callback URL of a feed (`WEBSUB_CALLBACK_URL/websub/<feedId>`). */
  callbackOf(feedId: string): string;
  /**
   * After a poll: lapses, renews or asks for the feed's subscription as its hubs say (`links` null:
   * not read, a 304, and the subscription's own hub and topic stand). Never throws for the hub's sake.
   */
  afterPoll(feedId: string, links: HubLinks | null, polledUrl: string): Promise<void>;
  /** The hub's GET: the challenge to echo, or null (answer 404) when no such subscription is wanted. */
  verify(feedId: string, v: HubVerification): Promise<string | null>;
  /** The hub's POST: recorded as a poll's items are when it is signed with the subscription's secret. */
  distribute(feedId: string, d: HubDistribution): Promise<DistributionOutcome>;
  /** Asks the hub to end a subscription (a removed feed's) through the guarded poster (see `HubUnsubscriber`). */
  unsubscribe: HubUnsubscriber['unsubscribe'];
}

export interface WebSubPorts {
  store: EventStore;
  feedStates: FeedStates;
  queues: Pick<QueueSet, 'enqueueMany'>;
  feedListings: FeedListingCache;
  poster: Pick<GuardedPoster, 'post'>;
  /** Seals the subscriptions' secrets as webhooks' are; resolved on first use. */
  key: () => WebhookKey;
  config: Pick<Config, 'WEBSUB_CALLBACK_URL' | 'WEBSUB_LEASE_SEC'> & { WEBSUB_CALLBACK_URL: string };
  log: Logger;
}

/** The associated data a subscription's secret is sealed under: it opens for this feed only. */
const sealedFor = (feedId: string) => `websub-${feedId}`;

export function createWebSub(ports: WebSubPorts): WebSub {
  const { store, feedStates, log } = ports;
  const base = ports.config.WEBSUB_CALLBACK_URL.replace(/\/+$/, '');
  const callbackOf = (feedId: string) => `${base}/websub/${encodeURIComponent(feedId)}`;

  /** Appends at the version decided on; a stream that moved meanwhile is left for the next time. */
  async function append(state: FeedState, events: NewEvent[]): Promise<boolean> {
    if (events.length === 0) return true;
    try {
      await store.append(streams.feed(state.feedId), events, { expectedVersion: state.version });
      return true;
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
      log.info({ feedId: state.feedId }, 'feed stream moved meanwhile: subscription left for the next poll');
      return false;
    } finally {
      feedStates.forget(state.feedId);
    }
  }

  async function subscribe(state: FeedState, hub: string, topic: string, renewal: boolean): Promise<void> {
    const { feedId } = state;
    const callback = callbackOf(feedId);
    const sealedSecret =
      renewal && state.subscription
        ? state.subscription.sealedSecret
        : ports.key().seal(randomBytes(32).toString('base64url'), sealedFor(feedId));
    const leaseSeconds = ports.config.WEBSUB_LEASE_SEC;
    const request = decideRequestSubscription({
      feedId,
      hub,
      topic,
      callback,
      sealedSecret,
      leaseSeconds,
      renewal,
      now: new Date(),
    });
    // Recorded before it is sent: the hub may verify before its answer to the POST comes back.
    if (!(await append(state, request))) return;
    const form = new URLSearchParams({
      'hub.mode': 'subscribe',
      'hub.topic': topic,
      'hub.callback': callback,
      'hub.secret': ports.key().open(sealedSecret, sealedFor(feedId)),
      'hub.lease_seconds': String(leaseSeconds),
    });
    let answer: Parameters<typeof decideSubscriptionAnswer>[2];
    try {
      const res = await ports.poster.post(hub, form.toString(), {
        'content-type': 'application/x-www-form-urlencoded',
      });
      answer =
        res.status >= 200 && res.status < 300
          ? { ok: true }
          : { ok: false, reason: 'hub-refused', message: `the hub answered HTTP ${res.status}` };
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      answer = { ok: false, reason: 'hub-unreachable', message: `${err.reason}: ${err.message}` };
    }
    log.info({ feedId, hub, topic, renewal, ok: answer.ok }, 'websub subscription requested');
    const after = await feedStates.refresh(feedId);
    if (after) await append(after, decideSubscriptionAnswer(after.subscription, feedId, answer));
  }

  return {
    callbackOf,
    unsubscribe: (u) => unsubscribeAtHub(ports.poster, u, log),

    async afterPoll(feedId, links, polledUrl) {
      const state = await feedStates.refresh(feedId);
      if (!state) return;
      const sub = state.subscription;
      const seen = links ?? (sub && sub.status !== 'lapsed' ? { hubs: [sub.hub], self: sub.topic } : null);
      if (!seen) return;
      const decided = decideHubsSeen(state, {
        feedId,
        hubs: seen.hubs,
        topic: seen.self ?? polledUrl,
        now: new Date(),
      });
      for (const e of decided.events) {
        if (e.type === 'FeedSubscriptionLapsed')
          log.info({ feedId, reason: e.data.reason }, 'websub subscription lapsed');
      }
      if (!(await append(state, decided.events)) || !decided.subscribe) return;
      const fresh = await feedStates.refresh(feedId);
      if (!fresh) return;
      const { hub, topic, renewal } = decided.subscribe;
      await subscribe(fresh, hub, topic, renewal);
    },

    async verify(feedId, v) {
      const state = await feedStates.refresh(feedId);
      const decided = decideIntentVerification(state, { ...v, feedId, now: new Date() });
      if (state && decided.events.length > 0) {
        // A verification that met a moved stream is not confirmed: the hub asks again.
        if (!(await append(state, decided.events))) return null;
      }
      log.info({ feedId, mode: v.mode, confirmed: decided.confirm }, 'websub verification of intent');
      return decided.confirm ? v.challenge : null;
    },

    async distribute(feedId, d) {
      const state = await feedStates.refresh(feedId);
      const sub = distributingSubscription(state, new Date());
      if (!state || !sub) return { accepted: false, reason: 'no-subscription' };
      const signature = verifyHubSignature(d.signature, d.body, ports.key().open(sub.sealedSecret, sealedFor(feedId)));
      if (!signature.ok) {
        log.warn({ feedId, hub: sub.hub, reason: signature.reason }, 'websub distribution refused');
        return { accepted: false, reason: signature.reason };
      }
      const parsed = parseFeed(d.body, { contentType: d.contentType, url: sub.topic });
      if (!parsed.ok) {
        log.warn({ feedId, reason: parsed.error.code }, 'websub distribution is not a feed');
        return { accepted: false, reason: 'not-a-feed' };
      }
      const dlog = log.child({ feedId, hub: sub.hub });
      const listing = { feedId, epoch: state.epoch };
      const recorded = await recordFeedItems(ports, listing, sub.topic, parsed.items, null, dlog);
      const events = decideDistribution(sub, {
        feedId,
        contentHash: createHash('sha256').update(d.body).digest('hex'),
        signature: signature.method,
        itemCount: parsed.items.length,
        newItemCount: recorded.newItems,
        skippedItems: recorded.skippedItems,
      });
      const r = await store.append(streams.feed(feedId), events);
      feedStates.forget(feedId);
      dlog.info({ items: parsed.items.length, newItems: recorded.newItems }, 'websub distribution recorded');
      return { accepted: true, newItems: recorded.newItems, items: parsed.items.length, duplicate: r.written === 0 };
    },
  };
}
