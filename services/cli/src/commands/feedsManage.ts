import type { EditFeed } from '@tally/ingest';
import { type FeedChange, FeedCommandRefusedError } from '@tally/pipeline';
import { Command } from 'commander';
import { cliConfig, UsageError } from '../context.ts';
import { type FeedOperator, withFeedOperator } from '../feedOperator.ts';

/**
 * The operator's commands on registered feeds: each an event on the feed's stream, through the
 * running instance when one holds the embedded log. One line per feed on stdout:
 * `<what>\t<feedId>` (`unchanged` when nothing needed doing); an unknown feed or a refusal is said
 * on stderr and the exit status is 1.
 */
async function eachFeed(
  ids: readonly string[],
  done: string,
  run: (operator: FeedOperator, feedId: string) => Promise<FeedChange>,
): Promise<void> {
  await withFeedOperator(cliConfig(), async (operator) => {
    for (const id of ids) {
      try {
        const change = await run(operator, id);
        const f = change.feed;
        process.stdout.write(
          `${change.changed ? done : 'unchanged'}\t${id}\t${f.paused ? 'paused' : `next poll ${f.nextCheckAt ?? 'at start'}`}\n`,
        );
      } catch (err) {
        if (!(err instanceof FeedCommandRefusedError)) throw err;
        process.stderr.write(
          `${err.code === 'feed-not-found' ? 'unknown' : 'refused'}\t${id}\t${err.message} [${err.code}]\n`,
        );
        process.exitCode = 1;
      }
    }
  });
}

/** A number of seconds, or `default` for the deployment's bound. */
function intervalOption(name: string) {
  return (value: string): number | null => {
    if (value === 'default') return null;
    if (!/^\d+$/.test(value) || Number(value) < 60 || Number(value) > 2_592_000)
      throw new UsageError(`${name} must be whole seconds from 60 to 2592000, or "default", got "${value}"`);
    return Number(value);
  };
}

const edit = new Command('edit')
  .description('Edit a feed’s title, tags and polling bounds (FeedEdited, naming what changes).')
  .argument('<feedId>')
  .option('--title <title>', 'the title shown')
  .option('--feed-title', 'go back to the title the feed gives itself')
  .option('--tags <tags>', 'comma-separated labels, replacing the feed’s ("" for none)')
  .option('--min-interval <sec>', 'shortest interval between polls, or "default"', intervalOption('--min-interval'))
  .option('--max-interval <sec>', 'longest interval between polls, or "default"', intervalOption('--max-interval'))
  .addHelpText(
    'after',
    '\nExample:\n  tally feeds edit f_1a2b --title "Harbour news" --tags "Local, Ports" --max-interval 3600',
  )
  .action(
    async (
      feedId: string,
      opts: {
        title?: string;
        feedTitle?: boolean;
        tags?: string;
        minInterval?: number | null;
        maxInterval?: number | null;
      },
    ) => {
      if (opts.title !== undefined && opts.feedTitle) throw new UsageError('give --title or --feed-title, not both');
      const command: EditFeed = { feedId };
      if (opts.title !== undefined) command.title = opts.title;
      if (opts.feedTitle) command.title = null;
      if (opts.tags !== undefined)
        command.tags = opts.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
      if (opts.minInterval !== undefined) command.minIntervalSec = opts.minInterval;
      if (opts.maxInterval !== undefined) command.maxIntervalSec = opts.maxInterval;
      if (Object.keys(command).length === 1)
        throw new UsageError('give at least one of --title, --feed-title, --tags, --min-interval, --max-interval');
      if ((command.title?.length ?? 0) > 300) throw new UsageError('--title is at most 300 characters');
      if ((command.tags?.length ?? 0) > 20 || command.tags?.some((t) => t.length > 100))
        throw new UsageError('--tags takes at most 20 tags of at most 100 characters');
      await eachFeed([feedId], 'edited', (operator) => operator.edit(command));
    },
  );

const pause = new Command('pause')
  .description('Pause feeds: not polled until resumed (FeedPaused).')
  .argument('<feedIds...>')
  .option('--reason <text>', 'why, recorded with the pause')
  .action(async (ids: string[], opts: { reason?: string }) => {
    if ((opts.reason?.length ?? 0) > 300) throw new UsageError('--reason is at most 300 characters');
    await eachFeed(ids, 'paused', (operator, id) => operator.pause(id, opts.reason ?? 'paused from the command line'));
  });

const resume = new Command('resume')
  .description('Resume paused feeds, with the poll planned before the pause or at once (FeedResumed).')
  .argument('<feedIds...>')
  .action((ids: string[]) => eachFeed(ids, 'resumed', (operator, id) => operator.resume(id)));

const poll = new Command('poll')
  .description('Poll feeds now (FeedPollRequested); the poll planned before is superseded.')
  .argument('<feedIds...>')
  .action((ids: string[]) => eachFeed(ids, 'poll asked', (operator, id) => operator.pollNow(id)));

const clearErrors = new Command('clear-errors')
  .description('Clear feeds’ consecutive errors (and so their backoff) and poll them at once (FeedErrorsCleared).')
  .argument('<feedIds...>')
  .action((ids: string[]) => eachFeed(ids, 'cleared', (operator, id) => operator.clearErrors(id)));

export const feedManagementCommands = [edit, pause, resume, poll, clearErrors];
