import { runService } from '@tally/hosting';
import { type Runtime, type StageName, stageNames } from '@tally/pipeline';
import { Argument, Command } from 'commander';
import { cliConfig, cliLogger, shutdownHandledHere, UsageError, untilSignal } from '../context.ts';
import { startHeartbeat } from '../heartbeat.ts';
import { serveMetrics } from '../metricsEndpoint.ts';
import { startWebhookStage } from '../webhookStage.ts';

/** The pipeline's stages, and the webhook deliveries (hosted here: they follow the API's figure change feed). */
const workerNames = [...stageNames, 'webhooks'] as const;
type WorkerName = StageName | 'webhooks';

export default new Command('worker')
  .description('Run one pipeline stage in this process (distributed mode: set REDIS_URL and DATABASE_URL).')
  .addArgument(new Argument('<stage>', 'the stage to run').choices(workerNames))
  .addHelpText(
    'after',
    '\nRun as many instances of a stage as you like: jobs go to one worker each, events are idempotent.\nSIGTERM stops cleanly: no new jobs, active ones finish or return to their queue.\nExample:\n  REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://tally@127.0.0.1/tally tally worker fetcher',
  )
  .action(async (stage: WorkerName) => {
    // runService stops the stages itself on the signal: no new jobs, active ones finish or go back.
    shutdownHandledHere();
    const config = cliConfig();
    if (stage === 'webhooks' && (!config.REDIS_URL || !config.DATABASE_URL)) {
      throw new UsageError(
        'webhooks alone is one part of a distributed deployment: set REDIS_URL and DATABASE_URL to the servers the other parts use (to run everything in one process, use `tally start`)',
        'config',
      );
    }
    const log = cliLogger(config, `tally-${stage}`);
    // Beats while Redis and the log answer: `tally health` (the image's HEALTHCHECK) reads it.
    // With METRICS_PORT, /metrics and /healthz are served beside the stage.
    const beside = async (rt: Runtime) => {
      const metrics = await serveMetrics(config, log, rt);
      const beat = startHeartbeat(config.TALLY_DATA_DIR, `worker ${stage}`, () =>
        Promise.all([rt.redis.ping(), rt.store.head()]),
      );
      const webhooks = stage === 'webhooks' ? startWebhookStage(rt, config, log) : null;
      return {
        close: async () => {
          await webhooks?.close();
          beat.close();
          await metrics.close();
        },
      };
    };
    await runService(stage === 'webhooks' ? [] : [stage], config, log, beside, { stopWhen: untilSignal() });
  });
