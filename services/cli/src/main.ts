import { Command, CommanderError } from 'commander';
import api from './commands/api.ts';
import claims from './commands/claims.ts';
import events from './commands/events.ts';
import extract from './commands/extract.ts';
import feeds from './commands/feeds.ts';
import figures from './commands/figures.ts';
import ingest from './commands/ingest.ts';
import parseFeed from './commands/parseFeed.ts';
import quantities from './commands/quantities.ts';
import replay from './commands/replay.ts';
import similar from './commands/similar.ts';
import start from './commands/start.ts';
import worker from './commands/worker.ts';
import { UsageError } from './context.ts';

const program = new Command('tally')
  .description('Tally: news feeds in, current figures out. Every stage appends events to one log.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .configureHelp({ sortSubcommands: false });

for (const cmd of [
  start,
  ingest,
  figures,
  feeds,
  events,
  replay,
  worker,
  api,
  parseFeed,
  extract,
  similar,
  quantities,
  claims,
]) {
  program.addCommand(cmd);
}
program.addHelpText(
  'after',
  '\nConfiguration comes from environment variables (REDIS_URL, DATABASE_URL, …): see the README.\nRun `tally <command> --help` for each command.',
);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`tally: ${err.message} [${err.code}]\n`);
    process.exitCode = 2;
  } else if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    const e = err as Error;
    process.stderr.write(`tally: ${e.name}: ${e.message}\n`);
    if (process.env.TALLY_DEBUG) process.stderr.write(`${e.stack}\n`);
    // A failed command exits even if a connection or timer is still open: a worker that could not
    // start must not linger doing nothing where a supervisor would restart it.
    process.exit(1);
  }
}
