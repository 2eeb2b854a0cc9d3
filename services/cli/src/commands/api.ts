import { Command } from 'commander';
import { startApi } from '../api.ts';
import { cliConfig, cliLogger, shutdownHandledHere, untilSignal, withRuntime } from '../context.ts';
import { startHeartbeat } from '../heartbeat.ts';
import { serveMetrics } from '../metricsEndpoint.ts';

export default new Command('api')
  .description('Serve the API, live stream, figures page, queue dashboard and metrics.')
  .option('--port <port>', 'port (default API_PORT or 3000)')
  .option('--host <host>', 'address to listen on (default API_HOST or 127.0.0.1)')
  .action(async (opts: { port?: string; host?: string }) => {
    shutdownHandledHere();
    const config = cliConfig({ API_PORT: opts.port, API_HOST: opts.host });
    const log = cliLogger(config, 'tally-api');
    await withRuntime(
      config,
      log,
      async (rt) => {
        const api = await startApi(rt, config, log, 'api');
        log.info({ url: api.url }, 'api listening');
        const metrics = await serveMetrics(config, log, rt, api.metrics).catch(async (err) => {
          await api.close();
          throw err;
        });
        const beat = startHeartbeat(config.TALLY_DATA_DIR, 'api', () =>
          Promise.all([rt.redis.ping(), rt.store.head()]),
        );
        await untilSignal();
        beat.close();
        await metrics.close();
        await api.close();
      },
      { extractPool: false },
    );
    log.info('stopped');
  });
