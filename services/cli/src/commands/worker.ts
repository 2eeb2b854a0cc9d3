import { reconcileSchedules, type StageName, stageNames, startStages } from '@tally/pipeline';
import { Argument, Command } from 'commander';
import { cliConfig, cliLogger, untilSignal, withRuntime } from '../context.ts';

export default new Command('worker')
  .description('Run one pipeline stage in this process (distributed mode: set REDIS_URL and DATABASE_URL).')
  .addArgument(new Argument('<stage>', 'the stage to run').choices(stageNames))
  .addHelpText(
    'after',
    '\nRun as many instances of a stage as you like: jobs go to one worker each, events are idempotent.\nExample:\n  REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://tally@127.0.0.1/tally tally worker fetcher',
  )
  .action(async (stage: StageName) => {
    const config = cliConfig();
    const log = cliLogger(config, `tally-${stage}`);
    await withRuntime(
      config,
      log,
      async (rt) => {
        const running = startStages(rt, [stage]);
        if (stage === 'poller') log.info({ feeds: await reconcileSchedules(rt) }, 'poll schedules reconciled');
        log.info({ stage }, 'worker started');
        const sig = await untilSignal();
        log.info({ signal: sig }, 'shutting down: finishing active jobs');
        await running.close();
      },
      { extractPool: stage === 'fetcher' },
    );
  });
