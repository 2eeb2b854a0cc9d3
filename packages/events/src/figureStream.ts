import type { StoredEvent, TallyEvent } from './envelope.ts';

/** The event types of a figure's stream (`figure-<figureKey>`): the claims stated about it. */
export const figureEventTypes = ['ClaimExtracted'] as const;
export type FigureEventType = (typeof figureEventTypes)[number];

/** One event of a figure's stream. */
export type FigureEvent = Extract<TallyEvent, { type: FigureEventType }>;
/** One event of a figure's stream as the log hands it back. */
export type StoredFigureEvent = Extract<StoredEvent, { type: FigureEventType }>;
