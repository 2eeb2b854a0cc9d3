import type { EventStore } from '@tally/event-store';
import { createProjectionReader, createProjector, type ProjectionReader } from '@tally/projection-store';

/**
 * What the API reads from the projections: the live rows, as the projector last committed them,
 * and how far behind the log head the projector is.
 */
export interface ProjectionReads extends ProjectionReader {
  /** Events between the log head and the projector's position. */
  lag(): Promise<number>;
}

/** Reads the projection tables beside the log (the projector, `services/projector`, writes them). */
export function projectionStoreReads(store: EventStore): ProjectionReads {
  const reader = createProjectionReader(store);
  const projector = createProjector(store);
  return { ...reader, lag: () => projector.lag() };
}
