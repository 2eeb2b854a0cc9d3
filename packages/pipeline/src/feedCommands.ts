import { ConcurrencyError } from '@tally/event-store';
import { streams } from '@tally/events';
import type { ReadOpmlOptions } from '@tally/feeds';
import type { HttpClient } from '@tally/http-fetch';
import {
  decideRegisterFeed,
  decideRemoveFeed,
  decideUnsubscribeOnRemoval,
  type FeedDiscovery,
  type FeedRegistration,
  type FeedSummary,
  type OpmlImport,
  opmlOfFeeds,
  opmlRegistrations,
  type RegistrationSource,
  registerFeedCommand,
  summaryOf,
} from '@tally/ingest';
import { discoverFeeds } from './discoverFeeds.ts';
import { createFeedOperations, type FeedOperationPorts, type FeedOperations } from './feedOperations.ts';
import { catchUpFeed } from './feedStates.ts';
import type { HubUnsubscriber } from './hubUnsubscriber.ts';

/**
 * Registering, removing, listing and operating feeds: events on the feed's stream, whoever asks (the
 * API, the CLI, a feeds file, the demo).
 */
export interface FeedCommands extends FeedOperations {
  /**
   * Registers a feed: `FeedRegistered`, unless it is registered already (nothing written, `created`
   * false); a removed one is registered again. Throws `InvalidFeedUrlError` before anything is
   * written for a URL that is not http(s) or carries credentials.
   */
  register(reg: FeedRegistration, source: RegistrationSource): Promise<{ feedId: string; created: boolean }>;
  /**
   * Removes a registered feed (`FeedRemoved`); false when it is unknown or removed already. A live
   * or pending WebSub subscription lapses with it (`feed-removed`), and its hub is asked to
   * unsubscribe when this process has WebSub (else the hub's lease ends it).
   */
  remove(feedId: string, reason: string | null): Promise<boolean>;
  /** Every feed ever registered, folded from the log. */
  list(): Promise<FeedSummary[]>;
  /**
   * Registers every feed of an OPML subscription list, its folders as tags, as `register` does one.
   * A document that cannot be read, or lists any URL with credentials, registers nothing and throws
   * `OpmlImportError` with the reason code; outlines whose URL is not http(s) are skipped and named.
   */
  importOpml(input: Uint8Array | string, source: 'cli' | 'api', options?: ReadOpmlOptions): Promise<OpmlImport>;
  /** Every registered feed (removed ones left out) as an OPML 2.0 subscription list. */
  exportOpml(options?: { title?: string; now?: Date }): Promise<string>;
  /**
   * What a URL offers to subscribe to: a feed, or the feeds a page advertises. Fetched through the
   * guarded HTTP client; nothing is written. Throws without an HTTP client.
   */
  discover(url: string): Promise<FeedDiscovery>;
}

export interface FeedCommandPorts extends FeedOperationPorts {
  /** The guarded HTTP client discovery fetches with (none: `discover` throws). */
  http?: Pick<HttpClient, 'get'>;
  /** Where a removed feed's hub is asked to unsubscribe (none: the hub's lease ends the subscription). */
  websub?: HubUnsubscriber | null;
}

export function createFeedCommands(ports: FeedCommandPorts): FeedCommands {
  const { store, feedStates, http, websub } = ports;
  const stateOf = (feedId: string) => catchUpFeed(store, feedId, null);
  const commands: FeedCommands = {
    ...createFeedOperations(ports),
    async register(reg, source) {
      const command = registerFeedCommand(reg, source);
      const { feedId } = command;
      const stream = streams.feed(feedId);
      // A new feed (the common case when thousands are registered) costs one append; a stream that
      // exists already is read and folded to tell a registered feed from a removed one. A kept state
      // of the poller needs no word: one that is not removed stays true, a removed one is read again.
      try {
        const first = await store.append(stream, decideRegisterFeed(null, command), { expectedVersion: 'no-stream' });
        if (first.written > 0) return { feedId, created: true };
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
      const events = decideRegisterFeed(await stateOf(feedId), command);
      if (events.length === 0) return { feedId, created: false };
      const r = await store.append(stream, events);
      return { feedId, created: r.written > 0 };
    },

    async remove(feedId, reason) {
      const state = await stateOf(feedId);
      const events = decideRemoveFeed(state, { feedId, reason });
      if (events.length === 0) return false;
      const unsubscription = decideUnsubscribeOnRemoval(state, feedId);
      // One append: the subscription never outlives the feed's removal in the log.
      await store.append(streams.feed(feedId), [...events, ...unsubscription.events]);
      // The poller's kept state would still say registered: it reads the stream at its next poll.
      feedStates?.forget(feedId);
      // After the append: the hub verifies the unsubscription, which is confirmed for a removed feed.
      if (unsubscription.unsubscribe && websub) await websub.unsubscribe(unsubscription.unsubscribe);
      return true;
    },

    async list() {
      const ids = new Set<string>();
      for await (const page of store.readAllPages({ types: ['FeedRegistered'] })) {
        for (const e of page) if (e.type === 'FeedRegistered') ids.add(e.data.feedId);
      }
      const out: FeedSummary[] = [];
      for (const id of ids) {
        const s = await stateOf(id);
        if (s) out.push(summaryOf(s));
      }
      return out;
    },

    async importOpml(input, source, options = {}) {
      const asked = opmlRegistrations(input, options);
      const result: OpmlImport = {
        feeds: [],
        created: 0,
        existing: 0,
        skipped: asked.skipped,
        warnings: asked.warnings,
      };
      for (const f of asked.feeds) {
        const { feedId, created } = await commands.register(f, source);
        result.feeds.push({ feedId, url: f.url, title: f.title, tags: f.tags, created });
        if (created) result.created++;
        else result.existing++;
      }
      return result;
    },

    async exportOpml(options = {}) {
      return opmlOfFeeds(await commands.list(), options);
    },

    async discover(url) {
      if (!http) throw new Error('feed discovery needs an HTTP client');
      return discoverFeeds(http, url);
    },
  };
  return commands;
}
