import { Command } from 'commander';
import { cliConfig, parseIntOption } from '../context.ts';
import { withLogReads } from '../logReads.ts';

function summary(data: Record<string, unknown>): string {
  const keys = ['feedId', 'articleId', 'figureKey', 'url', 'reason', 'value', 'title'];
  return keys
    .filter((k) => data[k] !== undefined && data[k] !== null)
    .map((k) => `${k}=${String(data[k]).slice(0, 80)}`)
    .join(' ');
}

export default new Command('events')
  .description('Print the event log in order of position.')
  .option('--after <position>', 'only events after this position', parseIntOption('--after'), 0)
  .option('--limit <n>', 'at most this many events (0 = all)', parseIntOption('--limit'), 100)
  .option('--type <types>', 'only these event types (comma-separated)')
  .option('--json', 'one JSON object per line instead of a table')
  .addHelpText('after', '\nExamples:\n  tally events --limit 20\n  tally events --after 1500 --json | jq .type')
  .action(async (opts: { after: number; limit: number; type?: string; json?: boolean }) => {
    const config = cliConfig();
    // While `tally start` holds the embedded log, through its API (see logReads.ts).
    await withLogReads(config, async (reads) => {
      const types = opts.type ? opts.type.split(',').map((t) => t.trim()) : undefined;
      let left = opts.limit === 0 ? Number.POSITIVE_INFINITY : opts.limit;
      for await (const page of reads.eventPages({ after: opts.after, types, limit: Math.min(1000, left) })) {
        for (const e of page) {
          if (left-- <= 0) return;
          if (opts.json) process.stdout.write(`${JSON.stringify(e)}\n`);
          else
            process.stdout.write(
              `${String(e.position).padStart(8)}  ${e.recordedAt}  ${e.type.padEnd(24)}  ${summary(e.data as Record<string, unknown>)}\n`,
            );
        }
        if (left <= 0) return;
      }
    });
  });
