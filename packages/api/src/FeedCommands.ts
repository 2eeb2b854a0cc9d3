import type { EditFeed, FeedChange, FeedDiscovery, FeedRegistration, FeedSummary, OpmlImport } from '@tally/ingest';
import type { QueueSet } from '@tally/queues';
import type { FastifyRequest } from 'fastify';
import type { WriteAccess } from './auth.ts';
import type { ProjectionReads } from './ProjectionReads.ts';

export type { FeedChange, FeedDiscovery, FeedSummary } from '@tally/ingest';

/**
 * The feed commands the API gives (registering, removing, OPML, the operator's edits, pauses,
 * resumes, cleared errors and polls now, discovery): events on the feeds' streams, as the CLI and
 * the feeds file write them. The process that serves the API provides them.
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
  /** The feed as its stream says now; null when it was never registered. */
  get(feedId: string): Promise<FeedSummary | null>;
  /**
   * The operator's commands: each throws `FeedCommandRefusedError` (`feed-not-found`,
   * `feed-paused`, `invalid-poll-bounds`) before writing anything; the ones that plan a poll
   * (resume, clear errors, poll now) enqueue it.
   */
  edit(command: EditFeed): Promise<FeedChange>;
  pause(feedId: string, reason: string | null): Promise<FeedChange>;
  resume(feedId: string): Promise<FeedChange>;
  clearErrors(feedId: string): Promise<FeedChange>;
  pollNow(feedId: string): Promise<FeedChange>;
  /** Fetches the URL through the guarded HTTP client; writes nothing. */
  discover(url: string): Promise<FeedDiscovery>;
}

/**
 * What the feed routes use: the feed commands, the queue of polls a new feed's first one goes on,
 * the feeds projection (the feeds page), and whether a request's credentials can make changes
 * (the page says so above its forms).
 */
export interface FeedRoutePorts {
  feeds: FeedCommands;
  queues: Pick<QueueSet, 'enqueue'>;
  reads: Pick<ProjectionReads, 'listFeeds'>;
  writeAccess(request: FastifyRequest): WriteAccess;
}
