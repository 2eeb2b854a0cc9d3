import type { SqlTx } from './EventStore.ts';
import type { LogSql } from './logSchema.ts';

// Consumers' positions in the log, one row per consumer name.

export async function readCheckpoint(sql: LogSql, name: string): Promise<number> {
  const rows = await sql.query<{ position: number | string }>(
    `SELECT position FROM ${sql.table.checkpoints} WHERE name = $1`,
    [name],
    'tally_checkpoint',
  );
  return Number(rows[0]?.position ?? 0);
}

/**
 * Moves the checkpoint `name` from `from` to `to` inside `tx`, after `run` ran there. Returns the
 * stored position instead (and runs nothing) when another consumer of that name moved it. The row
 * lock taken by the upsert makes two consumers of one name take turns.
 */
export async function advanceCheckpoint(
  sql: LogSql,
  tx: SqlTx,
  name: string,
  from: number,
  to: number,
  run: () => Promise<void>,
): Promise<number> {
  const { rows } = await tx.query<{ position: number | string }>(
    `INSERT INTO ${sql.table.checkpoints} (name, position) VALUES ($1, 0)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name
     RETURNING position`,
    [name],
  );
  const stored = Number(rows[0]?.position ?? 0);
  if (stored !== from) return stored;
  await run();
  await tx.query(`UPDATE ${sql.table.checkpoints} SET position = $2, updated_at = now() WHERE name = $1`, [name, to]);
  return to;
}
