import type { Config } from '@tally/config';
import type { Logger } from '@tally/logger';
import { defaultSeedsDir, type Newsroom, startNewsroom } from '@tally/newsroom';
import {
  type Runtime,
  reconcileSchedules,
  registerConfiguredFeeds,
  startStages,
  sweepUnanalyzed,
} from '@tally/pipeline';
import { Command } from 'commander';
import { startApi } from '../api.ts';
import { logFormat, processTerminals, startStatusLines } from '../consoleOutput.ts';
import { cliConfig, cliLogger, shutdownHandledHere, shutdownSignal, untilSignal, withRuntime } from '../context.ts';
import {
  DemoNewsroomPortInUseError,
  demoNewsroomPort,
  recordDemoNewsroomPort,
  recordedDemoNewsroomPort,
} from '../demoNewsroomPort.ts';
import { readFeedsFile } from '../feedsFile.ts';
import { printFigures } from '../figuresTable.ts';
import { serveMetrics } from '../metricsEndpoint.ts';
import { progressBar } from '../progress.ts';
import { startWebhookStage } from '../webhookStage.ts';

/** Shows progress until the first round of work is done: nothing queued but the next polls. */
async function waitForFirstRound(rt: Runtime): Promise<void> {
  const bar = progressBar('ingesting', 1, 'events');
  const head0 = await rt.store.head();
  let idle = 0;
  while (idle < 3 && !shutdownSignal.aborted) {
    await new Promise((r) => setTimeout(r, 300));
    const counts = await rt.queues.counts();
    const busy = Object.entries(counts).reduce(
      (n, [queue, c]) =>
        n + (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0) + (queue === 'poll' ? 0 : (c.delayed ?? 0)),
      0,
    );
    const events = (await rt.store.head()) - head0;
    bar.update(events, events + busy);
    idle = busy === 0 ? idle + 1 : 0;
  }
  bar.stop();
}

/** Serves the demo newsroom on its port and keeps the port for the next start. */
async function startDemoNewsroom(at: { host: string; port: number }, config: Config, log: Logger): Promise<Newsroom> {
  const recorded = recordedDemoNewsroomPort(config.TALLY_DATA_DIR);
  if (recorded !== null && recorded !== at.port) {
    log.warn(
      { recordedPort: recorded, port: at.port },
      'NEWSROOM_PORT moves the demo newsroom: its feeds and articles are registered again under the new addresses',
    );
  }
  const newsroom = await startNewsroom({
    host: at.host,
    port: at.port,
    seedsDir: config.SEEDS_DIR ?? defaultSeedsDir(),
  }).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'EADDRINUSE' ? new DemoNewsroomPortInUseError(at.port) : err;
  });
  recordDemoNewsroomPort(config.TALLY_DATA_DIR, newsroom.port);
  return newsroom;
}

export default new Command('start')
  .description(
    'Run everything in one process on the embedded defaults: the demo newsroom, every worker, the projector and the API.',
  )
  .option('--no-demo', 'do not start the demo newsroom (poll only the feeds registered in the log)')
  .option('--port <port>', 'API port (default API_PORT or 3000)')
  .addHelpText(
    'after',
    '\nWith no REDIS_URL a private redis-server is started; with no DATABASE_URL the log is embedded (PGlite) in TALLY_DATA_DIR.\nCtrl+C stops cleanly: active jobs finish or return to their queue.',
  )
  .action(async (opts: { demo: boolean; port?: string }) => {
    shutdownHandledHere();
    const base = cliConfig(opts.port ? { API_PORT: opts.port } : {});
    // Checked before anything starts: a bad feeds file stops the start.
    const configuredFeeds = base.FEEDS_FILE ? readFeedsFile(base.FEEDS_FILE) : [];
    // The demo newsroom keeps its port across starts (see demoNewsroomPort.ts); it is known before
    // the log opens, and the newsroom starts once this process holds the log.
    const demo = opts.demo
      ? { host: '127.0.0.1', port: await demoNewsroomPort(base.TALLY_DATA_DIR, base.NEWSROOM_PORT) }
      : null;
    // The demo newsroom lives on loopback: let the address guard through to it, and poll it often.
    // Its address and port only: the rest of the machine stays refused (a feed item linking Tally's
    // own API must not be fetched into the log). It is ours, so it takes as many requests as the
    // workers make; other hosts keep the polite defaults.
    const config = demo
      ? cliConfig({
          HTTP_ALLOW: [...base.HTTP_ALLOW, `${demo.host}:${demo.port}`].join(','),
          POLL_MIN_INTERVAL_SEC: 60,
          ...(opts.port ? { API_PORT: opts.port } : {}),
        })
      : base;
    const hostLimits = demo ? { [demo.host]: { concurrency: 16, intervalMs: 0 } } : undefined;
    // On a terminal the command shows its progress, the figures and status lines; its log only
    // warnings and errors there (consoleOutput.ts).
    const onTerminal = logFormat(config.LOG_FORMAT, processTerminals()) === 'text';
    const log = cliLogger(config, 'tally', { quiet: true });
    await withRuntime(
      config,
      log,
      async (rt) => {
        const newsroom = demo ? await startDemoNewsroom(demo, base, log) : null;
        try {
          if (newsroom) {
            for (const f of newsroom.feeds) await rt.feedCommands.register({ url: f.url, title: f.title }, 'demo');
            log.info({ url: newsroom.url, feeds: newsroom.feeds.length }, 'demo newsroom started');
          }
          if (config.FEEDS_FILE) {
            const registered = await registerConfiguredFeeds(rt.feedCommands, configuredFeeds);
            log.info({ feedsFile: config.FEEDS_FILE, ...registered }, 'feeds file registered');
          }
          const stages = startStages(rt, ['poller', 'fetcher', 'analyzer', 'projector']);
          // Beside them the webhook stage: figure changes delivered to the registered webhooks.
          const webhooks = startWebhookStage(rt, config, log);
          const running = {
            ...stages,
            close: async () => {
              await webhooks.close();
              await stages.close();
            },
          };
          const api = await startApi(rt, config, log, 'start').catch(async (err) => {
            await running.close();
            throw err;
          });
          let stopStatusLines = () => {};
          const metrics = await serveMetrics(config, log, rt, api.metrics).catch(async (err) => {
            await api.close();
            await running.close();
            throw err;
          });
          try {
            const firstRound = (async () => {
              await reconcileSchedules(rt);
              // Articles a previous run extracted but did not live to analyse.
              await sweepUnanalyzed(rt);
              await waitForFirstRound(rt);
              if (shutdownSignal.aborted) return;
              await running.projectorCaughtUp();
              if (shutdownSignal.aborted) return;
              await printFigures(rt.store, process.stdout);
              process.stdout.write(
                [
                  '',
                  `figures page   ${api.url}/`,
                  `dashboard      ${api.url}/admin/queues`,
                  `API docs       ${api.url}/docs`,
                  ...(newsroom ? [`demo newsroom  ${newsroom.url}/`] : []),
                  ...(metrics.url ? [`metrics        ${metrics.url}/metrics`] : []),
                  ...(config.LOG_FILE ? [`log            ${config.LOG_FILE}`] : []),
                  '',
                  'Polling goes on; Ctrl+C stops cleanly.',
                  '',
                ].join('\n'),
              );
              if (onTerminal) stopStatusLines = startStatusLines(rt, process.stdout).stop;
            })();
            // A signal during the first round stops it too; its end, once the runtime closes, is moot.
            firstRound.catch(() => {});
            const sig = await Promise.race([firstRound.then(() => untilSignal()), untilSignal()]);
            log.info({ signal: sig }, 'shutting down: finishing active jobs');
            if (onTerminal) process.stdout.write('Stopping: active jobs finish or go back to their queue.\n');
          } finally {
            stopStatusLines();
            await metrics.close();
            await api.close();
            await running.close();
          }
        } finally {
          await newsroom?.close();
        }
      },
      { hostLimits },
    );
  });
