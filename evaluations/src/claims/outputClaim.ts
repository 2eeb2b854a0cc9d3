/**
 * A system claim as the evaluation reads it, whatever version of `@tally/claims` made it: the fields
 * of the corpus README, with the speaker as one name and the change as direction, amount and unit.
 */
export interface OutputClaim {
  article: string;
  figureKey: string;
  value: number | null;
  range: [number, number] | null;
  bound: string;
  unit: string | null;
  measure: string | null;
  subject: string | null;
  recipient: string | null;
  predicate: string | null;
  change: { direction: 'up' | 'down'; by: number | null; unit: string | null } | null;
  period: string | null;
  hedged: boolean;
  negated: boolean;
  speaker: string | null;
  statedAt: string | null;
  sentence: string;
  sentenceSpan: [number, number];
}

interface AnyClaim {
  figureKey: string;
  value: number | null;
  range: [number, number] | null;
  bound: string;
  unit: string | null;
  measure?: string | null;
  concept?: string | null;
  subject: string | null;
  recipient: string | null;
  predicate: string;
  change: 'up' | 'down' | null;
  changeBy?: number | null;
  changeUnit?: string | null;
  period: { from: string | null; to: string | null; text: string; label?: string } | null;
  hedged: boolean;
  negated: boolean;
  speaker: { name: string; role: string | null } | null;
  statedAt: string | null;
  sentence: string;
  sentenceSpan: [number, number];
}

/** Reads a claim of the current or an earlier version of the package (earlier ones have no `measure`). */
export function toOutputClaim(article: string, c: AnyClaim): OutputClaim {
  return {
    article,
    figureKey: c.figureKey,
    value: c.value,
    range: c.range,
    bound: c.bound,
    unit: c.unit,
    measure: c.measure ?? c.concept ?? null,
    subject: c.subject,
    recipient: c.recipient,
    predicate: c.predicate,
    change: c.change ? { direction: c.change, by: c.changeBy ?? null, unit: c.changeUnit ?? null } : null,
    period: c.period
      ? c.period.label && c.period.label !== c.period.text
        ? `${c.period.label} (${c.period.text})`
        : c.period.text
      : null,
    hedged: c.hedged,
    negated: c.negated,
    speaker: c.speaker ? c.speaker.name : null,
    statedAt: c.statedAt,
    sentence: c.sentence,
    sentenceSpan: c.sentenceSpan,
  };
}
