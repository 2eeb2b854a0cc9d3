import type { Config } from '@tally/config';
import type { Logger } from '@tally/logger';
import { type Runtime, runtimeHealth, startMetricsServer } from '@tally/pipeline';

/** What `/metrics` renders: the runtime's registry, or the API's metrics with it. */
export interface MetricsSource {
  render(): Promise<string>;
  contentType: string;
}

export interface MetricsEndpoint {
  /** Where `/metrics` and `/healthz` are served; null when METRICS_PORT is unset. */
  url: string | null;
  close(): Promise<void>;
}

/** The runtime's own metrics: the stages' histograms and Node's process metrics. */
export function runtimeMetrics(rt: Runtime): MetricsSource {
  const { registry } = rt.metrics;
  return { render: () => registry.metrics(), contentType: registry.contentType };
}

/**
 * Serves `/metrics` and `/healthz` on METRICS_HOST:METRICS_PORT for a long-running command (a
 * worker, the api, `tally start`); nothing when METRICS_PORT is unset. A port that is taken stops
 * the start, as the API's does.
 */
export async function serveMetrics(
  config: Config,
  log: Logger,
  rt: Runtime,
  source: MetricsSource = runtimeMetrics(rt),
): Promise<MetricsEndpoint> {
  if (config.METRICS_PORT === undefined) return { url: null, close: async () => {} };
  const server = await startMetricsServer({
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    render: () => source.render(),
    contentType: source.contentType,
    health: () => runtimeHealth(rt),
    log,
  });
  log.info({ url: server.url }, 'metrics and health served');
  return server;
}
