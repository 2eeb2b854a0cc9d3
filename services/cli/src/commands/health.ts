import { Command } from 'commander';
import { cliConfig } from '../context.ts';
import { HEARTBEAT_STALE_MS, readHeartbeats } from '../heartbeat.ts';

export default new Command('health')
  // The description is also in commandList.ts (what --help lists without loading the command).
  .description('Exit 0 when the tally services running here are healthy (a container HEALTHCHECK).')
  .option('--json', 'one JSON line per process')
  .addHelpText(
    'after',
    `\nEvery \`tally worker\`, \`tally api\` and \`tally newsroom\` checks what it depends on (Redis, the log) every 10 s\nand records the time in TALLY_DATA_DIR/health/. Healthy: at least one such process runs, and each passed\nits checks within the last ${HEARTBEAT_STALE_MS / 1000} s. Exit 1 otherwise.`,
  )
  .action((opts: { json?: boolean }) => {
    const beats = readHeartbeats(cliConfig().TALLY_DATA_DIR);
    for (const b of beats) {
      process.stdout.write(
        opts.json
          ? `${JSON.stringify(b)}\n`
          : `${b.command} (pid ${b.pid}): ${b.fresh ? 'healthy' : 'unhealthy'}, checked ${Math.round(b.ageMs / 1000)} s ago\n`,
      );
    }
    if (beats.length === 0) process.stderr.write('tally health: no tally service runs here\n');
    process.exitCode = beats.length > 0 && beats.every((b) => b.fresh) ? 0 : 1;
  });
