import { writeFileSync } from 'node:fs';
import { defaultSeedsDir, startNewsroom } from '@tally/newsroom';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { cliConfig, cliLogger, parseIntOption, shutdownHandledHere, untilSignal } from '../context.ts';
import { startHeartbeat } from '../heartbeat.ts';

export default new Command('newsroom')
  // The description is also in commandList.ts (what --help lists without loading the command).
  .description('Serve the demo newsroom alone: five real reports as the pages and feeds of invented outlets.')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port (default NEWSROOM_PORT, else a free one)', parseIntOption('--port'))
  .option(
    '--origin <url>',
    'where others reach it, for the addresses in its pages and feeds (default http://host:port)',
  )
  .option('--feeds-out <file>', 'write its feeds as a FEEDS_FILE (YAML) for the poller')
  .addHelpText(
    'after',
    '\nThe seed reports are read from SEEDS_DIR (default ../shared/seeds beside the repository).\nExample (a container network):\n  tally newsroom --host 0.0.0.0 --port 8099 --origin http://newsroom:8099 --feeds-out /feeds/demo.yaml',
  )
  .action(async (opts: { host: string; port?: number; origin?: string; feedsOut?: string }) => {
    shutdownHandledHere();
    const config = cliConfig();
    const log = cliLogger(config, 'tally-newsroom');
    const newsroom = await startNewsroom({
      host: opts.host,
      port: opts.port ?? config.NEWSROOM_PORT,
      seedsDir: config.SEEDS_DIR ?? defaultSeedsDir(),
      ...(opts.origin ? { origin: opts.origin } : {}),
    });
    if (opts.feedsOut) {
      writeFileSync(opts.feedsOut, stringify(newsroom.feeds.map((f) => ({ url: f.url, title: f.title }))));
    }
    // Nothing to check but that the process answers: the heartbeat's timer firing shows that.
    const heartbeat = startHeartbeat(config.TALLY_DATA_DIR, 'newsroom', async () => {});
    log.info(
      { url: newsroom.url, listening: `${opts.host}:${newsroom.port}`, feeds: newsroom.feeds.length },
      'newsroom serving',
    );
    await untilSignal();
    heartbeat.close();
    await newsroom.close();
    log.info('stopped');
  });
