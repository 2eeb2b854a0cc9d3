import type { FeedRegistration } from '@tally/ingest';
import { FeedsFileError, readFeedsFile as readFile } from '@tally/pipeline';
import { UsageError } from './context.ts';

/** The feeds of a feeds file given on the command line; a bad file is a usage error. */
export function readFeedsFile(path: string): FeedRegistration[] {
  try {
    return readFile(path);
  } catch (err) {
    if (err instanceof FeedsFileError) throw new UsageError(err.message, err.code);
    throw err;
  }
}
