import type { SqlTx } from '@tally/event-store';

/** A projector's row in the state table: its live tables' version and position, and a rebuild under way. */
export interface StateRow {
  name: string;
  version: string;
  generation: number;
  position: number;
  build_generation: number | null;
  build_version: string | null;
  build_position: number | null;
  build_target: number | null;
}

function normalise(row: StateRow): StateRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...row,
    generation: Number(row.generation),
    position: Number(row.position),
    build_generation: n(row.build_generation),
    build_position: n(row.build_position),
    build_target: n(row.build_target),
  };
}

export class RebuildSupersededError extends Error {
  override readonly name = 'RebuildSupersededError';
  constructor(readonly generation: number) {
    super(`rebuild of generation ${generation} was superseded by another rebuild`);
  }
}

export class ProjectionVersionError extends Error {
  override readonly name = 'ProjectionVersionError';
  constructor(
    readonly stored: string,
    readonly version: string,
  ) {
    super(`projection tables are at version "${stored}", this projector folds "${version}": restart it to rebuild`);
  }
}

export type StateLock = '' | ' FOR UPDATE' | ' FOR SHARE';

/** The projector `name`'s state row, under `lock`; null before the projector first ran. */
export async function readState(
  tx: SqlTx,
  stateTable: string,
  name: string,
  lock: StateLock,
): Promise<StateRow | null> {
  const { rows } = await tx.query<StateRow>(`SELECT * FROM ${stateTable} WHERE name = $1${lock}`, [name]);
  return rows[0] ? normalise(rows[0]) : null;
}
