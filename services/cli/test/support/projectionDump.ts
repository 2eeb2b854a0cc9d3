import type { EventStore } from '@tally/event-store';
import { ProjectionTables, tableSpecs } from '@tally/projection-store';

/** Every row of the live projection tables, by table and key (documents as stored). */
export async function dumpProjections(store: EventStore): Promise<Record<string, Record<string, unknown>>> {
  const tables = new ProjectionTables(store.schema);
  const out: Record<string, Record<string, unknown>> = {};
  await store.transaction(async (tx) => {
    for (const spec of tableSpecs) {
      const { rows } = await tx.query<{ key: string; doc: unknown }>(
        `SELECT key, doc FROM ${tables.table(spec.name, 'live')} ORDER BY key`,
      );
      out[spec.name] = Object.fromEntries(rows.map((r) => [r.key, r.doc]));
    }
  });
  return out;
}
