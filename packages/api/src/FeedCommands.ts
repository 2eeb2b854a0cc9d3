import type { FeedRegistration, OpmlImport } from '@tally/ingest';
import type { QueueSet } from '@tally/queues';

/**
 * The feed commands the API gives (registering, removing, OPML): events on the feeds' streams, as
 * the CLI and the feeds file write them. The process that serves the API provides them.
 */
export interface FeedCommands {
  /** Throws `InvalidFeedUrlError` for a URL that is not http(s) or carries credentials. */
  register(reg: FeedRegistration, source: 'api'): Promise<{ feedId: string; created: boolean }>;
  /** False when the feed is unknown or removed already. */
  remove(feedId: string, reason: string | null): Promise<boolean>;
  /** Throws `OpmlImportError` for a document that registers nothing. */
  importOpml(
    input: Uint8Array,
    source: 'api',
    options: { maxBytes: number; contentType: string | null },
  ): Promise<OpmlImport>;
  exportOpml(): Promise<string>;
}

/** What the feed routes use: the feed commands, and the queue of polls a new feed's first one goes on. */
export interface FeedRoutePorts {
  feeds: FeedCommands;
  queues: Pick<QueueSet, 'enqueue'>;
}
