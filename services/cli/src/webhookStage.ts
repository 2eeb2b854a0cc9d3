import { FigureChangeFeed } from '@tally/api';
import type { Config } from '@tally/config';
import type { Logger } from '@tally/logger';
import type { Runtime } from '@tally/pipeline';
import { startWebhookDelivery, type WebhookKey, webhookKeyFor } from '@tally/webhooks';

/**
 * The webhook stage: figure changes dispatched to the registered webhooks and delivered, in this
 * process (`tally start`, `tally worker webhooks`). The changes are the figure stream's (the API's
 * `FigureChangeFeed`), so a webhook is told of exactly what a stream client sees.
 */
export function startWebhookStage(
  ports: Pick<Runtime, 'store' | 'redis'>,
  config: Config,
  log: Logger,
): { close(): Promise<void> } {
  const stageLog = log.child({ stage: 'webhooks' });
  const changes = new FigureChangeFeed(ports.store, {
    onError: (err) => stageLog.warn({ err }, 'the figure change feed cannot read the log'),
  });
  // Looked up at the first delivery: with the embedded log, the key file is made only when needed.
  let key: WebhookKey | null | undefined;
  const delivery = startWebhookDelivery({
    store: ports.store,
    redis: ports.redis,
    prefix: config.QUEUE_PREFIX,
    changes,
    key: () => {
      if (key === undefined) key = webhookKeyFor(config);
      return key;
    },
    retry: { attempts: config.WEBHOOK_MAX_ATTEMPTS, delayMs: config.WEBHOOK_RETRY_DELAY_MS },
    concurrency: config.WEBHOOK_CONCURRENCY,
    http: {
      userAgent: config.HTTP_USER_AGENT,
      connectTimeoutMs: config.HTTP_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
      allow: config.HTTP_ALLOW,
    },
    log: stageLog,
  });
  stageLog.info({ concurrency: config.WEBHOOK_CONCURRENCY }, 'webhook deliveries started');
  return {
    async close() {
      await delivery.close();
      await changes.close();
    },
  };
}
