import { readFileSync } from 'node:fs';
import type { FeedRegistration } from '@tally/pipeline';
import { parse } from 'yaml';
import { z } from 'zod';
import { UsageError } from './context.ts';

const Entry = z.union([
  z.string().url(),
  z.object({
    url: z.string().url(),
    title: z.string().optional(),
    minIntervalSec: z.number().int().positive().optional(),
    maxIntervalSec: z.number().int().positive().optional(),
  }),
]);
/** A feeds file: a YAML (or JSON) list of URLs or `{url, title?}`, or `{feeds: [...]}`. */
export const FeedsFile = z.union([z.array(Entry), z.object({ feeds: z.array(Entry) })]);

export function readFeedsFile(path: string): FeedRegistration[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read feeds file ${path}: ${(err as Error).message}`, 'feeds-file');
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new UsageError(`feeds file ${path} is not YAML: ${(err as Error).message}`, 'feeds-file');
  }
  const parsed = FeedsFile.safeParse(doc);
  if (!parsed.success) {
    throw new UsageError(
      `feeds file ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      'feeds-file',
    );
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.feeds;
  return list.map((e) => (typeof e === 'string' ? { url: e } : e));
}
