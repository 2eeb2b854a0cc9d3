import { join } from 'node:path';
import type { Config } from '@tally/config';
import { type EmbeddedLogReport, inspectEmbeddedLog, logCensus, openEventStore, type SqlTx } from '@tally/event-store';
import { isAlive, isRedisServer, readOwnerRecord } from '@tally/local-services';
import { Command } from 'commander';
import { cliConfig } from '../context.ts';

/** Damage an operator may accept (the log is read whole, it just holds less); unreadable logs may not. */
const ACCEPTABLE = new Set(['log-behind-manifest', 'log-holes', 'log-vanished', 'manifest-unreadable']);

const RECOVERY: Record<string, string> = {
  'log-behind-manifest':
    'the log lost its last events (a file truncated or rolled back). Put back a copy of the whole log folder that is not behind, or accept the loss: `tally doctor --accept-loss`, then `tally replay`.',
  'log-holes':
    'events are missing inside the log. Put back a whole copy of the log folder, or accept the loss: `tally doctor --accept-loss`, then `tally replay`.',
  'log-vanished':
    'the database folder is empty or gone. Put it back from a copy, or start a new log on purpose: `tally doctor --accept-loss`.',
  'manifest-unreadable':
    'the manifest is damaged, so nothing says what the log held. If the log is known good, `tally doctor --accept-loss` writes a new manifest from it.',
  'log-unreadable':
    'PGlite cannot read the log. Stop Tally, move the log folder aside and put back a copy; nothing can be appended to this one.',
};

interface RedisReport {
  kind: 'url' | 'private';
  dataDir?: string;
  server?: { pid: number; port: number; running: boolean; ownerPid: number; ownerRunning: boolean };
}

function redisReport(config: Config): RedisReport {
  if (config.REDIS_URL) return { kind: 'url' };
  if (config.DATABASE_URL) return { kind: 'private' };
  const dataDir = join(config.TALLY_DATA_DIR, 'redis');
  const record = readOwnerRecord(dataDir);
  return {
    kind: 'private',
    dataDir,
    ...(record
      ? {
          server: {
            pid: record.serverPid,
            port: record.port,
            running: isRedisServer(record.serverPid),
            ownerPid: record.ownerPid,
            ownerRunning: isAlive(record.ownerPid),
          },
        }
      : {}),
  };
}

async function postgresReport(config: Config): Promise<Pick<EmbeddedLogReport, 'census' | 'checkpoints'>> {
  const store = await openEventStore({ databaseUrl: config.DATABASE_URL });
  try {
    const tx = <T>(fn: (t: SqlTx) => Promise<T>) => store.transaction(fn);
    const census = await logCensus(tx, store.schema);
    const { rows } = await tx((t) =>
      t.query<{ name: string; position: number | string }>(
        `SELECT name, position FROM "${store.schema}".checkpoints ORDER BY name`,
      ),
    );
    return { census, checkpoints: rows.map((r) => ({ name: r.name, position: Number(r.position) })) };
  } finally {
    await store.close();
  }
}

function printEmbedded(report: EmbeddedLogReport, out: string[]): void {
  const m = report.manifest;
  out.push(`log            embedded, ${report.dataDir}`);
  out.push(
    `  held by      ${report.holders.length > 0 ? `process ${report.holders.join(', ')} (not opened)` : 'nobody'}`,
  );
  out.push(
    `  manifest     ${
      m === null
        ? 'none'
        : 'unreadable' in m
          ? `unreadable: ${m.unreadable}`
          : `${Object.entries(m.heads)
              .map(([schema, head]) => `${schema}: ${head} event${head === 1 ? '' : 's'}`)
              .join(', ')} (written ${m.writtenAt})`
    }`,
  );
  out.push(`  database     ${report.database ? 'present' : 'none'}`);
}

function printCommon(
  census: EmbeddedLogReport['census'],
  checkpoints: EmbeddedLogReport['checkpoints'],
  out: string[],
): void {
  if (census) out.push(`  events       ${census.events} up to position ${census.head}`);
  if (checkpoints.length > 0) {
    out.push(`  checkpoints  ${checkpoints.map((c) => `${c.name} ${c.position}`).join(', ')}`);
    const ahead = checkpoints.filter((c) => census && c.position > census.head);
    if (ahead.length > 0) {
      out.push('  note         projections are past the head: they hold facts the log lost; run `tally replay`');
    }
  }
}

function printRedis(r: RedisReport, out: string[]): void {
  if (r.kind === 'url') {
    out.push('redis          REDIS_URL');
    return;
  }
  if (!r.dataDir) {
    out.push('redis          private, keeps nothing (the log is on PostgreSQL)');
    return;
  }
  const s = r.server;
  const owner = s?.ownerRunning
    ? `owned by running process ${s.ownerPid}`
    : `its owner ${s?.ownerPid} is gone: the next start stops it`;
  out.push(
    `redis          private, ${r.dataDir}: ${s?.running ? `redis-server ${s.pid} on port ${s.port}, ${owner}` : 'not running'}`,
  );
}

export default new Command('doctor')
  .description('Report what is in the data directory: the log, its lock and manifest, checkpoints, the private Redis.')
  .option('--accept-loss', 'open a log that lost events as it is now and record it as whole (then run `tally replay`)')
  .option('--json', 'print the report as JSON')
  .addHelpText(
    'after',
    '\nExit status: 0 when the log opens (or is in use by another process), 1 when it is refused.\nExamples:\n  tally doctor\n  tally doctor --accept-loss',
  )
  .action(async (opts: { acceptLoss?: boolean; json?: boolean }) => {
    const config = cliConfig();
    const out: string[] = [`data directory ${config.TALLY_DATA_DIR}`];
    const redis = redisReport(config);
    if (config.DATABASE_URL) {
      const pg = await postgresReport(config);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ log: { kind: 'postgres', ...pg }, redis })}\n`);
        return;
      }
      out.push('log            PostgreSQL (DATABASE_URL)');
      printCommon(pg.census, pg.checkpoints, out);
      if (pg.census && pg.census.events !== pg.census.head) {
        out.push(`  verdict      ${pg.census.head - pg.census.events} positions missing (log-holes)`);
        process.exitCode = 1;
      } else out.push('  verdict      ok');
      printRedis(redis, out);
      process.stdout.write(`${out.join('\n')}\n`);
      return;
    }
    const logDir = join(config.TALLY_DATA_DIR, 'log');
    let report = await inspectEmbeddedLog(logDir);
    let accepted = false;
    if (opts.acceptLoss && report.damage && ACCEPTABLE.has(report.damage.code)) {
      const store = await openEventStore({ dataDir: logDir, acceptLoss: true });
      await store.close();
      accepted = true;
      report = await inspectEmbeddedLog(logDir);
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ log: { kind: 'embedded', ...report, accepted }, redis })}\n`);
    } else {
      printEmbedded(report, out);
      printCommon(report.census, report.checkpoints, out);
      if (report.holders.length > 0) out.push('  verdict      in use: stop that process to look inside');
      else if (report.damage) {
        out.push(`  verdict      refused (${report.damage.code}): ${report.damage.message}`);
        out.push(`  recovery     ${RECOVERY[report.damage.code] ?? ''}`);
      } else out.push(`  verdict      ${accepted ? 'accepted as it is now; run `tally replay`' : 'ok'}`);
      printRedis(redis, out);
      process.stdout.write(`${out.join('\n')}\n`);
    }
    if (report.damage && report.holders.length === 0) process.exitCode = 1;
  });
