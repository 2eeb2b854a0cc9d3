import { listFeeds, registerFeed, removeFeed } from '@tally/pipeline';
import { Command } from 'commander';
import { cliConfig, UsageError, withStore } from '../context.ts';
import { readFeedsFile } from '../feedsFile.ts';

const add = new Command('add')
  .description('Register feeds by URL, or every feed of a feeds file (--file).')
  .argument('[urls...]', 'feed URLs')
  .option('--file <path>', 'YAML feeds file: a list of URLs or {url, title}')
  .option('--title <title>', 'title for a single feed')
  .action(async (urls: string[], opts: { file?: string; title?: string }) => {
    const regs = [
      ...urls.map((url) => ({ url, title: opts.title ?? null })),
      ...(opts.file ? readFeedsFile(opts.file) : []),
    ];
    if (regs.length === 0) throw new UsageError('give at least one feed URL or --file');
    await withStore(cliConfig(), async (store) => {
      for (const r of regs) {
        const { feedId, created } = await registerFeed(store, r, 'cli');
        process.stdout.write(`${created ? 'added' : 'exists'}\t${feedId}\t${r.url}\n`);
      }
    });
  });

const list = new Command('list')
  .description('List registered feeds with their health.')
  .option('--json', 'one JSON object per line')
  .option('--all', 'include removed feeds')
  .action(async (opts: { json?: boolean; all?: boolean }) => {
    await withStore(cliConfig(), async (store) => {
      for (const f of await listFeeds(store)) {
        if (f.removed && !opts.all) continue;
        if (opts.json) process.stdout.write(`${JSON.stringify(f)}\n`);
        else
          process.stdout.write(
            `${f.feedId}\t${f.removed ? 'removed' : f.consecutiveErrors ? `failing(${f.consecutiveErrors}, ${f.lastReason})` : 'ok'}\t${f.url}\t${f.title ?? ''}\n`,
          );
      }
    });
  });

const remove = new Command('remove')
  .description('Remove feeds by id (see `tally feeds list`).')
  .argument('<feedIds...>')
  .action(async (ids: string[]) => {
    await withStore(cliConfig(), async (store) => {
      for (const id of ids) {
        const removed = await removeFeed(store, id, 'removed from the command line');
        process.stdout.write(`${removed ? 'removed' : 'unknown'}\t${id}\n`);
        if (!removed) process.exitCode = 1;
      }
    });
  });

export default new Command('feeds')
  .description('Register, list and remove feeds (registration is an event in the log).')
  .addCommand(add)
  .addCommand(list)
  .addCommand(remove);
