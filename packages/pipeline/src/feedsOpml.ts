import type { EventStore } from '@tally/event-store';
import { canonicalUrl, type OpmlErrorCode, type ReadOpmlOptions, readOpml, writeOpml } from '@tally/feeds';
import { listFeeds, registerFeed } from './feedRegistry.ts';
import { FEED_URL_CREDENTIALS, hasUrlCredentials, withoutUrlCredentials } from './feedUrlCredentials.ts';

/** An OPML document that registers nothing: unreadable (a code of `readOpml`) or listing a URL with credentials. */
export class OpmlImportError extends Error {
  override readonly name = 'OpmlImportError';
  constructor(
    readonly code: OpmlErrorCode | typeof FEED_URL_CREDENTIALS,
    message: string,
  ) {
    super(message);
  }
}

export interface OpmlImportedFeed {
  feedId: string;
  url: string;
  title: string | null;
  tags: string[];
  /** False when the feed was registered already: its registration (title, tags) is left as it was. */
  created: boolean;
}

export interface OpmlImport {
  feeds: OpmlImportedFeed[];
  created: number;
  existing: number;
  /** Outlines whose `xmlUrl` is not an http(s) URL, left out. */
  skipped: { url: string; reason: 'invalid-url' }[];
  warnings: string[];
}

/**
 * Registers every feed of an OPML subscription list, its folders as tags, as `tally feeds add`
 * and `POST /feeds` register one: a `FeedRegistered` per new feed (source `cli` or `api`). A
 * document that cannot be read, or lists any URL with credentials, registers nothing and throws
 * `OpmlImportError` with the reason code; outlines whose URL is not http(s) are skipped and named.
 */
export async function importOpml(
  store: EventStore,
  input: Uint8Array | string,
  source: 'cli' | 'api',
  options: ReadOpmlOptions = {},
): Promise<OpmlImport> {
  const read = readOpml(input, options);
  if (!read.ok) throw new OpmlImportError(read.error.code, read.error.message);
  const carrying = read.feeds.filter((f) => hasUrlCredentials(f.url));
  if (carrying.length > 0) {
    throw new OpmlImportError(
      FEED_URL_CREDENTIALS,
      `feed URLs must not carry credentials (user:password@): they are recorded in the log and shown to readers; refused ${carrying.map((f) => withoutUrlCredentials(f.url)).join(', ')} (nothing registered)`,
    );
  }
  const result: OpmlImport = { feeds: [], created: 0, existing: 0, skipped: [], warnings: read.warnings };
  for (const f of read.feeds) {
    if (!canonicalUrl(f.url)) {
      result.skipped.push({ url: f.url, reason: 'invalid-url' });
      continue;
    }
    const { feedId, created } = await registerFeed(store, { url: f.url, title: f.title, tags: f.tags }, source);
    result.feeds.push({ feedId, url: f.url, title: f.title, tags: f.tags, created });
    if (created) result.created++;
    else result.existing++;
  }
  return result;
}

/**
 * Every registered feed (removed ones left out) as an OPML 2.0 subscription list: its current URL
 * (after permanent redirects), its title, its tags as folder and categories.
 */
export async function exportOpml(store: EventStore, options: { title?: string; now?: Date } = {}): Promise<string> {
  const feeds = (await listFeeds(store)).filter((f) => !f.removed);
  return writeOpml(
    feeds.map((f) => ({ url: f.url, title: f.title, tags: f.tags })),
    { title: options.title ?? 'Tally feeds', dateCreated: options.now ?? new Date() },
  );
}
