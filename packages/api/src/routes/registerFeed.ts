import type { FastifyBaseLogger } from 'fastify';
import type { FeedRoutePorts } from '../FeedCommands.ts';

/**
 * Registers a feed through the API (source `api`) and, for a new or removed one, schedules its first
 * poll. Throws `InvalidFeedUrlError` before writing anything.
 */
export async function registerFeed(
  ports: Pick<FeedRoutePorts, 'feeds' | 'queues'>,
  reg: { url: string; title?: string | null },
  log: FastifyBaseLogger,
): Promise<{ feedId: string; created: boolean }> {
  const result = await ports.feeds.register(reg, 'api');
  if (result.created) {
    // The same job id the poller's reconciliation would use, so the two never poll twice.
    await ports.queues.enqueue('pollFeed', { feedId: result.feedId, slot: 'first', reschedule: true, runId: null });
    log.info({ feedId: result.feedId }, 'feed registered');
  }
  return result;
}
