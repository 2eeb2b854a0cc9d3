import { readFileSync } from 'node:fs';
import type { EventStore } from '@tally/event-store';
import { parse } from 'yaml';
import { z } from 'zod';
import { type FeedRegistration, registerFeed } from './feedRegistry.ts';

/** A feeds file cannot be read, is not YAML, or does not list feeds. */
export class FeedsFileError extends Error {
  override readonly name = 'FeedsFileError';
  readonly code = 'feeds-file';
  constructor(
    readonly path: string,
    message: string,
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
  return list.map((e) => (typeof e === 'string' ? { url: e } : e));
}

/**
 * Registers the feeds of the feeds file (`FEEDS_FILE`, read with `readFeedsFile` before anything
 * starts, so a bad file stops the start), as configuration. A feed registered already writes
 * nothing; one removed while still in the file is registered again: the file says it is polled.
 */
export async function registerConfiguredFeeds(
  store: EventStore,
  feeds: readonly FeedRegistration[],
): Promise<{ feeds: number; added: number }> {
  let added = 0;
  for (const f of feeds) if ((await registerFeed(store, f, 'config')).created) added++;
  return { feeds: feeds.length, added };
}
