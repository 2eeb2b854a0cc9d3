import type { EventType } from './catalog.ts';
import { eventSchemas, eventVersions } from './catalog.ts';
import type { StoredEvent } from './envelope.ts';

/**
 * Upcasters turn a stored event of an older schema version into the current one, step by step.
 * Keyed by event type, then by the version they upgrade from. None yet: every type is at version 1.
 */
export type Upcaster = (data: unknown) => unknown;
export const upcasters: Partial<Record<EventType, Record<number, Upcaster>>> = {};

/** Brings a stored event's data to the current schema version of its type and validates it. */
export function upcast(event: StoredEvent): StoredEvent {
  const target = eventVersions[event.type];
  let version = event.metadata.schemaVersion ?? 1;
  let data: unknown = event.data;
  while (version < target) {
    const step = upcasters[event.type]?.[version];
    if (!step) throw new Error(`no upcaster for ${event.type} v${version}`);
    data = step(data);
    version += 1;
  }
  if (version === event.metadata.schemaVersion) return event;
  return {
    ...event,
    data: eventSchemas[event.type].parse(data),
    metadata: { ...event.metadata, schemaVersion: version },
  } as StoredEvent;
}
