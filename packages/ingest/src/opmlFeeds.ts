import { canonicalUrl, type OpmlErrorCode, type ReadOpmlOptions, readOpml, writeOpml } from '@tally/feeds';
import { FEED_URL_CREDENTIALS, hasUrlCredentials, withoutUrlCredentials } from './feedUrlCredentials.ts';
import type { FeedRegistration } from './registration.ts';

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
 * The registrations an OPML subscription list asks for, its folders as tags. A document that
 * cannot be read, or lists any URL with credentials, asks for none: `OpmlImportError` with the
 * reason code. Outlines whose URL is not http(s) are named as skipped.
 */
export function opmlRegistrations(
  input: Uint8Array | string,
  options: ReadOpmlOptions = {},
): {
  feeds: (FeedRegistration & { title: string | null; tags: string[] })[];
  skipped: OpmlImport['skipped'];
  warnings: string[];
} {
  const read = readOpml(input, options);
  if (!read.ok) throw new OpmlImportError(read.error.code, read.error.message);
  const carrying = read.feeds.filter((f) => hasUrlCredentials(f.url));
  if (carrying.length > 0) {
    throw new OpmlImportError(
      FEED_URL_CREDENTIALS,
      `feed URLs must not carry credentials (user:password@): they are recorded in the log and shown to readers; refused ${carrying.map((f) => withoutUrlCredentials(f.url)).join(', ')} (nothing registered)`,
    );
  }
  const feeds: (FeedRegistration & { title: string | null; tags: string[] })[] = [];
  const skipped: OpmlImport['skipped'] = [];
  for (const f of read.feeds) {
    if (canonicalUrl(f.url)) feeds.push({ url: f.url, title: f.title, tags: f.tags });
    else skipped.push({ url: f.url, reason: 'invalid-url' });
  }
  return { feeds, skipped, warnings: read.warnings };
}

/**
 * Registered feeds (removed ones left out) as an OPML 2.0 subscription list: the URL polls use,
 * the title, the tags as folder and categories.
 */
export function opmlOfFeeds(
  feeds: readonly { url: string; title: string | null; tags: string[]; removed: boolean }[],
  options: { title?: string; now?: Date } = {},
): string {
  return writeOpml(
    feeds.filter((f) => !f.removed).map((f) => ({ url: f.url, title: f.title, tags: f.tags })),
    { title: options.title ?? 'Tally feeds', dateCreated: options.now ?? new Date() },
  );
}
