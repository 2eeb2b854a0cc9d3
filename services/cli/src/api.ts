import { buildApp } from '@tally/api';
import type { Config } from '@tally/config';
import { apiPorts } from '@tally/hosting';
import type { Logger } from '@tally/logger';
import type { Runtime } from '@tally/pipeline';
import type { MetricsSource } from './metricsEndpoint.ts';
import { recordRunningInstance } from './runningInstance.ts';

export interface RunningApi {
  url: string;
  /** The API's metrics with the process's, as its `/metrics` renders them. */
  metrics: MetricsSource;
  close(): Promise<void>;
}

/**
 * Builds the API and listens. On the embedded log, the process serving it holds the log, so its
 * address is recorded in the data directory for the read commands run meanwhile (runningInstance.ts).
 */
export async function startApi(rt: Runtime, config: Config, log: Logger, command: string): Promise<RunningApi> {
  const app = await buildApp({ ...apiPorts(rt), config, logger: log });
  const address = await app.listen({ host: config.API_HOST, port: config.API_PORT });
  const url = address.replace('[::1]', 'localhost');
  const record = config.DATABASE_URL ? null : recordRunningInstance(config.TALLY_DATA_DIR, url, command);
  const metrics = app.tallyMetrics;
  return {
    url,
    metrics: { render: () => metrics.render(), contentType: metrics.registry.contentType },
    async close() {
      record?.remove();
      await app.close();
    },
  };
}
