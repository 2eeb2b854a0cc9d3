import { Command, CommanderError } from 'commander';
import { commandList } from './commandList.ts';
import { installSignalHandlers, shutdownIsHandledHere, stopRequested } from './shutdown.ts';
import { UsageError } from './usageError.ts';

// npm sets npm_lifecycle_event for what it runs (`npm start`, `npx tally`): see shutdown.ts.
installSignalHandlers({ stopWhenOrphaned: process.env.npm_lifecycle_event !== undefined });

const program = new Command('tally')
  .description('Tally: news feeds in, current figures out. Every stage appends events to one log.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)');

// Only the command being run (or asked about: `tally help <command>`) is imported; the others are
// listed from the table, so `tally --help` and every start stay light.
const args = process.argv.slice(2);
const named = args[0] === 'help' ? args[1] : args[0];
const terms = new Map<Command, string>();
for (const entry of commandList) {
  if (entry.name === named) {
    program.addCommand((await entry.load()).default);
  } else {
    const listed = program.command(entry.name).description(entry.description);
    terms.set(listed, entry.term);
  }
}
program.configureHelp({
  sortSubcommands: false,
  subcommandTerm: (cmd) => terms.get(cmd) ?? new Command().createHelp().subcommandTerm(cmd),
});
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
  } else if (stopRequested() && !shutdownIsHandledHere()) {
    // A signal closed what the command was using under it: the shutdown exits, nothing failed.
  } else {
    const e = err as Error & { code?: unknown };
    const code = typeof e.code === 'string' && /^[a-z][a-z-]+$/.test(e.code) ? ` [${e.code}]` : '';
    process.stderr.write(`tally: ${e.name}: ${e.message}${code}\n`);
    if (e.name === 'EmbeddedLogDamagedError') {
      process.stderr.write('tally: `tally doctor` reports what is there; the README says how to recover\n');
    }
    if (process.env.TALLY_DEBUG) process.stderr.write(`${e.stack}\n`);
    // A failed command exits even if a connection or timer is still open: a worker that could not
    // start must not linger doing nothing where a supervisor would restart it.
    process.exit(1);
  }
}
