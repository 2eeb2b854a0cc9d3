import { ingestOnce, startStages } from '@tally/pipeline';
import { Command } from 'commander';
import { cliConfig, cliLogger, UsageError, withRuntime } from '../context.ts';
import { readFeedsFile } from '../feedsFile.ts';
import { progressBar } from '../progress.ts';
import { closeOnSignal } from '../shutdown.ts';

export default new Command('ingest')
  .description('Poll feeds once and run the whole pipeline until every job it caused is done.')
  .requiredOption('--feeds <file>', 'YAML feeds file: a list of URLs or {url, title}')
  .option('--once', 'poll each feed once, then exit (the only mode for now; keep polling with `tally start`)')
  .option('--allow <hosts>', 'hosts or CIDRs the address guard lets through although private (comma-separated)')
  .option('--json', 'print the summary as JSON')
  .addHelpText('after', '\nExample:\n  tally ingest --feeds feeds.yaml --once')
  .action(async (opts: { feeds: string; once?: boolean; allow?: string; json?: boolean }) => {
    if (!opts.once) throw new UsageError('only --once is supported here; `tally start` keeps polling');
    const feeds = readFeedsFile(opts.feeds);
    const config = cliConfig(opts.allow ? { HTTP_ALLOW: opts.allow } : {});
    const log = cliLogger(config);
    await withRuntime(config, log, async (rt) => {
      // Started here rather than by ingestOnce, so that a signal stops them before the runtime under
      // them: active jobs finish or return to their queue, then Redis and the log close.
      const running = startStages(rt, ['poller', 'fetcher', 'analyzer', 'projector']);
      const forget = closeOnSignal(() => running.close());
      const bar = progressBar('ingest', 1, 'events');
      const summary = await ingestOnce(rt, feeds, {
        stages: running,
        onProgress: (p) => bar.update(p.events, Math.max(p.events + p.pendingJobs, 1)),
      }).finally(async () => {
        forget();
        await running.close();
      });
      bar.stop();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(summary)}\n`);
        return;
      }
      const lines = [
        `feeds        ${summary.feeds} (polled ${summary.polls.ok}, not modified ${summary.polls.notModified}, failed ${summary.polls.failed})`,
        `articles     ${summary.articles.discovered} discovered, ${summary.articles.extracted} extracted, ${summary.articles.duplicates} duplicates, ${summary.articles.failed} failed`,
        `claims       ${summary.claims}`,
        `failures     ${
          Object.entries(summary.failuresByReason)
            .map(([r, n]) => `${r}: ${n}`)
            .join(', ') || 'none'
        }`,
        `events       ${summary.events} appended in ${(summary.durationMs / 1000).toFixed(1)} s`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  });
