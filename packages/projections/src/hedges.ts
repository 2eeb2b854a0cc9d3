/**
 * What kind of hedged figure a statement is, as shown beside it: a forecast, a target, a plan, a
 * proposal, a possibility, an unconfirmed report, or just `hedged` when its sentence says no more.
 * The claims extractor marks a figure `hedged` but not why; the kind is read here from the words of
 * its sentence that mark such figures. A sentence can hold other hedged figures, so the kinds are
 * tried from the most specific to the least: "a target" says more than "would".
 */
export const hedgeKinds = ['target', 'forecast', 'plan', 'proposal', 'possible', 'unconfirmed', 'hedged'] as const;
export type HedgeKind = (typeof hedgeKinds)[number];

const cues: readonly [HedgeKind, RegExp][] = [
  ['target', /\b(?:target(?:s|ed|ing)?|goals?|aim(?:s|ed|ing)?|ambitions?)\b/i],
  ['proposal', /\b(?:propos(?:e|es|ed|ing|al|als)|suggest(?:s|ed|ing|ion|ions)?|offer(?:s|ed|ing)?|bids?)\b/i],
  [
    'forecast',
    /\b(?:forecast(?:s|ed|ing)?|expect(?:s|ed|ing|ation|ations)?|predict(?:s|ed|ing|ion|ions)?|project(?:s|ed|ing|ion|ions)|anticipat(?:e|es|ed|ing)|outlook|guidance|(?:set|due|poised|likely) to|on (?:course|track) to)\b/i,
  ],
  [
    'plan',
    /\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|budget(?:s|ed)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|seek(?:s|ing)?|sought|hop(?:e|es|ed|ing)|want(?:s|ed)?|consider(?:s|ed|ing)?)\b/i,
  ],
  // "may" lower-case only: "May" is also the month.
  ['possible', /\b(?:could|might|would|may|if|unless)\b|\b(?:[Pp]ossibl[ey]|[Pp]otential(?:ly)?|[Pp]robabl[ey])\b/],
  ['unconfirmed', /\b(?:reportedly|allegedly|unconfirmed)\b/i],
  ['forecast', /\b(?:will|shall|should)\b|'ll\b/i],
];

/** The kind of a hedged figure stated in `sentence` (see `HedgeKind`). */
export function hedgeKind(sentence: string): HedgeKind {
  for (const [kind, cue] of cues) if (cue.test(sentence)) return kind;
  return 'hedged';
}
