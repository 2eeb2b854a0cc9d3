import { readFileSync } from 'node:fs';
import { FEED_URL_CREDENTIALS, type FeedRegistration, hasUrlCredentials, withoutUrlCredentials } from '@tally/ingest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { FeedCommands } from './feedCommands.ts';

/**
 * A feeds file cannot be read, is not YAML, or does not list feeds (`feeds-file`), or lists a feed
 * URL carrying credentials (`feed-url-credentials`).
 */
export class FeedsFileError extends Error {
  override readonly name = 'FeedsFileError';
  constructor(
    readonly path: string,
    message: string,
    readonly code: 'feeds-file' | typeof FEED_URL_CREDENTIALS = 'feeds-file',
  ) {
    super(message);
  }
}

const Entry = z.union([
  z.string().url(),
  z.object({
    url: z.string().url(),
    title: z.string().optional(),
    minIntervalSec: z.number().int().positive().optional(),
    maxIntervalSec: z.number().int().positive().optional(),
  }),
]);
/** A feeds file: a YAML (or JSON) list of URLs or `{url, title?, minIntervalSec?, maxIntervalSec?}`, or `{feeds: [...]}`. */
export const FeedsFile = z.union([z.array(Entry), z.object({ feeds: z.array(Entry) })]);

export function readFeedsFile(path: string): FeedRegistration[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FeedsFileError(path, `cannot read feeds file ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new FeedsFileError(path, `feeds file ${path} is not YAML: ${(err as Error).message}`);
  }
  const parsed = FeedsFile.safeParse(doc);
  if (!parsed.success) {
    throw new FeedsFileError(
      path,
      `feeds file ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.feeds;
  const feeds = list.map((e) => (typeof e === 'string' ? { url: e } : e));
  // Refused with the file, before any of its feeds is registered: registerFeed would refuse them
  // one by one, after the feeds listed before them.
  const carrying = feeds.filter((f) => hasUrlCredentials(f.url)).map((f) => withoutUrlCredentials(f.url));
  if (carrying.length > 0) {
    throw new FeedsFileError(
      path,
      `feeds file ${path}: feed URLs must not carry credentials (user:password@): they are recorded in the log and shown to readers; refused ${carrying.join(', ')}`,
      FEED_URL_CREDENTIALS,
    );
  }
  return feeds;
}

/**
 * Registers the feeds of the feeds file (`FEEDS_FILE`, read with `readFeedsFile` before anything
 * starts, so a bad file stops the start), as configuration. A feed registered already writes
 * nothing; one removed while still in the file is registered again: the file says it is polled.
 */
export async function registerConfiguredFeeds(
  commands: Pick<FeedCommands, 'register'>,
  feeds: readonly FeedRegistration[],
): Promise<{ feeds: number; added: number }> {
  let added = 0;
  for (const f of feeds) if ((await commands.register(f, 'config')).created) added++;
  return { feeds: feeds.length, added };
}
