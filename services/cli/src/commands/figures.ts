import { Command } from 'commander';
import { cliConfig, withStore } from '../context.ts';
import { printFigures } from '../figuresTable.ts';

export default new Command('figures')
  // The description is also in commandList.ts (what --help lists without loading the command).
  .description('Print the current figures: latest statement, who said it and when, statements and sources behind it.')
  .option(
    '--json',
    'one JSON object per figure per line, with the current statement (measure, period, change, hedge) and its sources',
  )
  .action(async (opts: { json?: boolean }) => {
    await withStore(cliConfig(), async (store) => {
      await printFigures(store, process.stdout, opts.json);
    });
  });
