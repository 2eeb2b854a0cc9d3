import {
  createProjectionSet,
  type ProjectionName,
  type ProjectionRow,
  type ProjectionSetOptions,
} from '@tally/projections';
import { type SerializedRow, serializeRow } from './projectionTables.ts';

/**
 * Finalizes and serializes rows given as the JSON of `[key, row]` pairs (rows as folded, not yet
 * finalized), in order: what `ProjectionTables.write` does to each row before sending it.
 */
export function rowSerializer(options: ProjectionSetOptions) {
  const projections = createProjectionSet(options);
  return (name: ProjectionName, json: string): SerializedRow[] => {
    const projection = projections.get(name);
    const pairs = JSON.parse(json) as [string, ProjectionRow][];
    return pairs.map(([key, row]) => serializeRow(name, key, projection.finalize(row)));
  };
}
