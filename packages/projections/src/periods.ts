import type { Period } from '@tally/events';
import { dayInterval, dayString } from './statedDate.ts';

/**
 * What makes two stated periods one: their dates when the claims extractor resolved them ("the
 * fourth quarter" and "Q4" of one year are one), else the normalised label, else the words as
 * written. Null for a figure without a period.
 */
export function periodKey(period: Period | null | undefined): string | null {
  if (!period) return null;
  if (period.from || period.to) return `${period.from ?? ''}/${period.to ?? ''}`;
  const words = (period.label ?? period.text).trim().toLowerCase().replace(/\s+/g, ' ');
  return words ? `"${words}` : null;
}

/** Whether two claims' periods can be one statement's: the same period, or one of them unstated. */
export function periodsCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * The days a period covers, as day numbers (`2019-10` to `2019-12` is 1 October to 31 December);
 * a period known only at one end covers that end. Null when no date is known.
 */
export function periodSpan(period: Period | null | undefined): { from: number; to: number } | null {
  if (!period) return null;
  const from = dayInterval(period.from ?? period.to);
  const to = dayInterval(period.to ?? period.from);
  if (!from || !to) return null;
  return from.from <= to.to ? { from: from.from, to: to.to } : { from: to.from, to: from.to };
}

/** How a period reads: its normalised label ("Q4 2019"), else as the report wrote it ("the fourth quarter"). */
export function periodLabel(period: Period | null | undefined): string | null {
  if (!period) return null;
  return period.label?.trim() || period.text.trim() || null;
}

/** The first and last day a period covers (YYYY-MM-DD), e.g. for a chart; null when no date is known. */
export function periodDays(period: Period | null | undefined): { from: string; to: string } | null {
  const span = periodSpan(period);
  return span ? { from: dayString(span.from), to: dayString(span.to) } : null;
}
