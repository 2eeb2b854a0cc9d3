import { type Runtime, runService, type StageName, stageNames } from '@tally/pipeline';
import { Argument, Command } from 'commander';
import { cliConfig, cliLogger, shutdownHandledHere, untilSignal } from '../context.ts';
import { startHeartbeat } from '../heartbeat.ts';
import { serveMetrics } from '../metricsEndpoint.ts';

export default new Command('worker')
  .description('Run one pipeline stage in this process (distributed mode: set REDIS_URL and DATABASE_URL).')
  .addArgument(new Argument('<stage>', 'the stage to run').choices(stageNames))
  .addHelpText(
    'after',
    '\nRun as many instances of a stage as you like: jobs go to one worker each, events are idempotent.\nSIGTERM stops cleanly: no new jobs, active ones finish or return to their queue.\nExample:\n  REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://tally@127.0.0.1/tally tally worker fetcher',
  )
  .action(async (stage: StageName) => {
    // runService stops the stages itself on the signal: no new jobs, active ones finish or go back.
    shutdownHandledHere();
    const config = cliConfig();
    const log = cliLogger(config, `tally-${stage}`);
    // Beats while Redis and the log answer: `tally health` (the image's HEALTHCHECK) reads it.
    // With METRICS_PORT, /metrics and /healthz are served beside the stage.
    const beside = async (rt: Runtime) => {
      const metrics = await serveMetrics(config, log, rt);
      const beat = startHeartbeat(config.TALLY_DATA_DIR, `worker ${stage}`, () =>
        Promise.all([rt.redis.ping(), rt.store.head()]),
      );
      return {
        close: async () => {
          beat.close();
          await metrics.close();
        },
      };
    };
    await runService([stage], config, log, beside, { stopWhen: untilSignal() });
  });
