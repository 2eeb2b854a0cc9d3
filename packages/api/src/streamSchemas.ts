import { z } from 'zod';
import { identifierText } from './requestText.ts';
import { StoredEventSchema } from './schemas.ts';

/** Requests and answers of the stream browser's routes (see `schemas.ts` for the others). */

export const STREAM_MAX_LIMIT = 1000;

export const StreamParams = z.object({
  id: identifierText(z.string().min(1).max(600)).describe(
    'The stream id, URL-encoded: `feed-<feedId>`, `article-<articleId>`, `figure-<figureKey>`, `webhook-<webhookId>`.',
  ),
});

export const StreamEventsQuery = z.object({
  order: z.enum(['newest', 'oldest']).default('newest').describe('Newest first (the default) or oldest first.'),
  limit: z.coerce.number().int().min(1).max(STREAM_MAX_LIMIT).default(100),
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('The `next` cursor of the previous page (a stream version): the page after it, in the same order.'),
});

export const StreamAnswer = z
  .object({
    streamId: z.string(),
    version: z.number().int().describe("The stream's version: how many events it holds."),
    events: z.array(StoredEventSchema),
    next: z.number().int().nullable().describe('Pass as `after` for the next page; null on the last page.'),
  })
  .meta({ id: 'StreamPage' });

export const EventParams = z.object({
  position: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .describe('The position of the event in the log.'),
});

export const EventAnswer = z.object({ event: StoredEventSchema });
