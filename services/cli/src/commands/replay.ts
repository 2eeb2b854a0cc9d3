import { createProjector } from '@tally/projection-store';
import { Command } from 'commander';
import { cliConfig, cliLogger, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';

export default new Command('replay')
  .description('Rebuild every projection from position 0 into fresh tables, then swap them in.')
  .addHelpText('after', '\nReaders keep the old projection until the rebuilt one has caught up.')
  .action(async () => {
    const config = cliConfig();
    const log = cliLogger(config);
    await withStore(config, async (store) => {
      const head = await store.head();
      const bar = progressBar('replay', head, 'events');
      const started = Date.now();
      const result = await createProjector(store, { logger: log }).rebuild((p: { position: number }) =>
        bar.update(p.position),
      );
      bar.stop();
      const secs = (Date.now() - started) / 1000;
      process.stdout.write(
        `replayed ${result.events} events in ${secs.toFixed(1)} s (${Math.round(result.events / Math.max(secs, 0.001))} events/s; the swap took ${(result.swapMs / 1000).toFixed(1)} s)\n`,
      );
    });
  });
