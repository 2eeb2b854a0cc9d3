import type { Speaker } from '@tally/events';
import { type ValueMeaning, valueMeaning } from './changes.ts';
import { periodKey, periodsCompatible } from './periods.ts';
import type { ArticleRefs, FigureClaim } from './Statement.ts';
import { affiliationsOf, type SpeakerKind, speakerKind } from './speakerKind.ts';
import { sameSpeaker, speakerSurname, speakerTokens } from './speakerName.ts';
import { type DayInterval, dayInterval, daysApart, instantMs } from './statedDate.ts';

/** A claim as statements are grouped: what the grouping compares, read once. */
export interface Item {
  claim: FigureClaim;
  date: DayInterval | null;
  datedBy: 'statement' | 'publication' | null;
  published: number | null;
  speaker: string[] | null;
  speakerKind: SpeakerKind | null;
  /**
   * The state or organisation a collective speaker speaks for, when it names exactly one ("US
   * officials", "White House" → US): two such speakers for the same one are one voice.
   */
  voice: string | null;
  value: [number, number] | null;
  /** Whether the value is the figure's level or a change of it (see `valueMeaning`). */
  meaning: ValueMeaning;
  /** The period the figure is about (`periodKey`), null when unstated. */
  period: string | null;
  origin: string;
  /**
   * Set by `groupItems`: the claim repeats, in the same article, the statement of another claim
   * (see `repetitionAnchors`) and belongs to that claim's statement.
   */
  repetition: boolean;
}

export function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function itemOrder(a: Item, b: Item): number {
  return (
    cmp(a.date?.from ?? Number.NEGATIVE_INFINITY, b.date?.from ?? Number.NEGATIVE_INFINITY) ||
    cmp(a.published ?? Number.NEGATIVE_INFINITY, b.published ?? Number.NEGATIVE_INFINITY) ||
    cmp(a.claim.articleId, b.claim.articleId) ||
    a.claim.span[0] - b.claim.span[0] ||
    cmp(a.claim.claimId, b.claim.claimId)
  );
}

function valueInterval(c: FigureClaim): [number, number] | null {
  if (c.value !== null) return [c.value, c.value];
  if (c.range) return c.range[0] <= c.range[1] ? [c.range[0], c.range[1]] : [c.range[1], c.range[0]];
  return null;
}

function valuesOverlap(a: [number, number] | null, b: [number, number] | null): boolean {
  if (a === null || b === null) return a === b;
  const eps = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]));
  return a[0] <= b[1] + eps && b[0] <= a[1] + eps;
}

export function originOf(refs: ArticleRefs, articleId: string): string {
  return refs.get(articleId)?.duplicateOf?.originalId ?? articleId;
}

export function itemOf(claim: FigureClaim, refs: ArticleRefs): Item {
  const stated = dayInterval(claim.statedAt);
  const date = stated ?? dayInterval(claim.publishedAt);
  return {
    claim,
    date,
    datedBy: stated ? 'statement' : date ? 'publication' : null,
    published: instantMs(claim.publishedAt),
    speaker: claim.speaker ? speakerTokens(claim.speaker.name) : null,
    speakerKind: claim.speaker ? speakerKind(claim.speaker) : null,
    voice: claim.speaker ? voiceOf(claim.speaker) : null,
    value: valueInterval(claim),
    meaning: valueMeaning(claim),
    period: periodKey(claim.period),
    origin: originOf(refs, claim.articleId),
    repetition: false,
  };
}

/** The one state or organisation a collective speaker names, if it names exactly one. */
function voiceOf(speaker: Speaker): string | null {
  if (speakerKind(speaker) !== 'collective') return null;
  const named = affiliationsOf(speaker.name);
  return named.length === 1 ? named[0]! : null;
}

/** The direction of a value that is itself a change; null for a level, whatever move it states beside it. */
function changeOfValue(i: Item): string {
  return i.meaning === 'change' ? (i.claim.change ?? '') : '';
}

/** Claims in different buckets are never one statement. */
export function bucketOf(i: Item): string {
  return `${i.claim.unit?.toLowerCase() ?? ''}\u0000${changeOfValue(i)}\u0000${
    i.voice ? `v:${i.voice}` : i.speaker ? `s:${speakerSurname(i.speaker)}` : 'unattributed'
  }\u0000${i.date ? 'dated' : 'undated'}`;
}

/** Whether two claims (of one bucket) state the same thing: speaker, value, period and date within the window. */
export function sameStatement(a: Item, b: Item, window: number): boolean {
  if (a.date && b.date && daysApart(a.date, b.date) > window) return false;
  if (a.speaker && b.speaker && !(a.voice && a.voice === b.voice) && !sameSpeaker(a.speaker, b.speaker)) return false;
  if (!periodsCompatible(a.period, b.period)) return false;
  return valuesOverlap(a.value, b.value);
}

/** Whether claim `x` can repeat, in its article, what claim `a` states: same unit, change, denial, value, period and date. */
export function canRepeat(x: Item, a: Item, window: number): boolean {
  if ((x.claim.unit?.toLowerCase() ?? '') !== (a.claim.unit?.toLowerCase() ?? '')) return false;
  if (x.meaning !== a.meaning || changeOfValue(x) !== changeOfValue(a) || x.claim.negated !== a.claim.negated) {
    return false;
  }
  if (x.date && a.date ? daysApart(x.date, a.date) > window : x.date !== a.date) return false;
  if (!periodsCompatible(x.period, a.period)) return false;
  return valuesOverlap(x.value, a.value);
}
