import { Command } from 'commander';
import { cliConfig } from '../context.ts';
import { writeFigures } from '../figuresTable.ts';
import { withLogReads } from '../logReads.ts';

export default new Command('figures')
  // The description is also in commandList.ts (what --help lists without loading the command).
  .description('Print the current figures: latest statement, who said it and when, statements and sources behind it.')
  .option(
    '--json',
    'one JSON object per figure per line, with the current statement (measure, period, change, hedge) and its sources',
  )
  .action(async (opts: { json?: boolean }) => {
    // While `tally start` holds the embedded log, through its API (see logReads.ts).
    await withLogReads(cliConfig(), async (reads) => {
      writeFigures(await reads.listFigures(), process.stdout, opts.json);
    });
  });
