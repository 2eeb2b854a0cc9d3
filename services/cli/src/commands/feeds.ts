import { createFeedCommands, type FeedSubscriptionSummary, openHubUnsubscriber } from '@tally/pipeline';
import { Command } from 'commander';
import { cliConfig, cliLogger, UsageError, withStore } from '../context.ts';
import { readFeedsFile } from '../feedsFile.ts';
import { feedManagementCommands } from './feedsManage.ts';
import { exportOpmlCommand, importOpmlCommand } from './feedsOpml.ts';

/** The URL with its user name and password (if any) replaced by `***`; anything unparsable as given. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (u.username === '' && u.password === '') return url;
    u.username = '***';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Feed URLs are recorded in the log and shown to anyone who reads the feeds (`GET /feeds`, the
 * dashboard), so a URL carrying credentials is refused, before any feed of the command is
 * registered; the message names it without them.
 */
function refuseCredentials(urls: readonly string[]): void {
  const carrying = urls.filter((url) => withoutCredentials(url) !== url);
  if (carrying.length === 0) return;
  throw new UsageError(
    `feed URLs must not carry credentials (user:password@): they are recorded in the log and shown to readers; refused ${carrying.map(withoutCredentials).join(', ')} (nothing registered)`,
    'feed-url-credentials',
  );
}

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
    refuseCredentials(regs.map((r) => r.url));
    await withStore(cliConfig(), async (store) => {
      for (const r of regs) {
        const { feedId, created } = await createFeedCommands({ store }).register(r, 'cli');
        process.stdout.write(`${created ? 'added' : 'exists'}\t${feedId}\t${r.url}\n`);
      }
    });
  });

/** A feed's WebSub subscription in one column: empty for none. */
function subscriptionText(s: FeedSubscriptionSummary): string {
  if (s.state === 'none') return '';
  if (s.state === 'live') return `websub live until ${s.expiresAt ?? '?'} (${s.hub})`;
  if (s.state === 'lapsed') return `websub lapsed: ${s.lapseReason ?? '?'} (${s.hub})`;
  return `websub pending (${s.hub})`;
}

const list = new Command('list')
  .description('List registered feeds with their health, tags and WebSub subscription.')
  .option('--json', 'one JSON object per line')
  .option('--all', 'include removed feeds')
  .action(async (opts: { json?: boolean; all?: boolean }) => {
    await withStore(cliConfig(), async (store) => {
      for (const f of await createFeedCommands({ store }).list()) {
        if (f.removed && !opts.all) continue;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...f, url: withoutCredentials(f.url) })}\n`);
        else
          process.stdout.write(
            `${f.feedId}\t${f.removed ? 'removed' : f.paused ? 'paused' : f.consecutiveErrors ? `failing(${f.consecutiveErrors}, ${f.lastReason})` : 'ok'}\t${withoutCredentials(f.url)}\t${f.title ?? ''}\t${f.tags.join(', ')}\t${subscriptionText(f.subscription)}\n`,
          );
      }
    });
  });

const remove = new Command('remove')
  .description('Remove feeds by id (see `tally feeds list`); a WebSub hub is asked to unsubscribe.')
  .argument('<feedIds...>')
  .action(async (ids: string[]) => {
    const config = cliConfig();
    // A feed subscribed through WebSub has its hub asked to unsubscribe (with WEBSUB_CALLBACK_URL).
    const hubs = openHubUnsubscriber(config, cliLogger(config));
    try {
      await withStore(config, async (store) => {
        for (const id of ids) {
          const removed = await createFeedCommands({ store, websub: hubs }).remove(id, 'removed from the command line');
          process.stdout.write(`${removed ? 'removed' : 'unknown'}\t${id}\n`);
          if (!removed) process.exitCode = 1;
        }
      });
    } finally {
      await hubs?.close();
    }
  });

const feeds = new Command('feeds')
  .description('Register, list, edit, pause, resume, poll and remove feeds (every change is an event in the log).')
  .addCommand(add)
  .addCommand(list)
  .addCommand(remove)
  .addCommand(importOpmlCommand)
  .addCommand(exportOpmlCommand);
for (const command of feedManagementCommands) feeds.addCommand(command);

export default feeds;
