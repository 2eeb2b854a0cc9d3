import type { Config } from '@tally/config';
import { type EditFeed, FeedCommandRefusedError } from '@tally/ingest';
import { createFeedCommands, type FeedChange } from '@tally/pipeline';
import { createQueues, redisConnection } from '@tally/queues';
import { withStore } from './context.ts';
import { answers, InstanceReadError } from './logReads.ts';
import { type RunningInstance, requestInstance, runningInstance } from './runningInstance.ts';

/** The operator's commands on feeds, the same whether the log is opened here or through a running instance. */
export interface FeedOperator {
  edit(command: EditFeed): Promise<FeedChange>;
  pause(feedId: string, reason: string | null): Promise<FeedChange>;
  resume(feedId: string): Promise<FeedChange>;
  clearErrors(feedId: string): Promise<FeedChange>;
  pollNow(feedId: string): Promise<FeedChange>;
}

const refusalByCode: Record<string, FeedCommandRefusedError['code']> = {
  TALLY_ERR_FEED_NOT_FOUND: 'feed-not-found',
  TALLY_ERR_FEED_PAUSED: 'feed-paused',
  TALLY_ERR_INVALID_POLL_BOUNDS: 'invalid-poll-bounds',
};

/** The commands as a client of the running instance's API (writes need its token: API_TOKEN). */
export function instanceFeedOperator(instance: RunningInstance, token: string | undefined): FeedOperator {
  const send = async (method: 'PATCH' | 'POST', feedId: string, path: string, body?: unknown): Promise<FeedChange> => {
    const res = await requestInstance(instance, token, `/feeds/${encodeURIComponent(feedId)}${path}`, { method, body });
    if (res.ok) return (await res.json()) as FeedChange;
    const answer = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    const refusal = answer.code ? refusalByCode[answer.code] : undefined;
    if (refusal) throw new FeedCommandRefusedError(answer.message ?? refusal, refusal, feedId);
    if (res.status === 401) {
      throw new InstanceReadError(
        `the running tally at ${instance.url} asks for its token to change feeds: set API_TOKEN as it has it`,
        'running-instance-token',
      );
    }
    throw new InstanceReadError(
      `the running tally at ${instance.url} answered ${res.status}: ${answer.message ?? ''}`.trim(),
      'running-instance-failed',
    );
  };
  return {
    edit: ({ feedId, ...fields }) => send('PATCH', feedId, '', fields),
    pause: (feedId, reason) => send('POST', feedId, `/pause${reason ? `?${new URLSearchParams({ reason })}` : ''}`),
    resume: (feedId) => send('POST', feedId, '/resume'),
    clearErrors: (feedId) => send('POST', feedId, '/clear-errors'),
    pollNow: (feedId) => send('POST', feedId, '/poll'),
  };
}

/**
 * Runs `fn` with the feed commands: through the running instance when one holds the embedded log
 * (said on stderr), else on the log itself. A poll a command plans is enqueued when the queues are
 * a server's (REDIS_URL), where a poller may be running; otherwise it waits in the log for the
 * poller's reconciliation (at its start, then every five minutes).
 */
export async function withFeedOperator<T>(config: Config, fn: (operator: FeedOperator) => Promise<T>): Promise<T> {
  const instance = config.DATABASE_URL ? null : runningInstance(config.TALLY_DATA_DIR);
  if (instance && (await answers(instance))) {
    process.stderr.write(`changing feeds through the running tally at ${instance.url}\n`);
    return fn(instanceFeedOperator(instance, config.API_TOKEN));
  }
  const redis = config.REDIS_URL ? redisConnection(config.REDIS_URL, { lazyConnect: true }) : null;
  const queues = redis ? createQueues(redis, config.QUEUE_PREFIX) : undefined;
  try {
    return await withStore(config, (store) => fn(createFeedCommands({ store, queues })));
  } finally {
    await queues?.close();
    redis?.disconnect();
  }
}
