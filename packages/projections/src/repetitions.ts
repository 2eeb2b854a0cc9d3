import { affiliationsOf, collectiveFits } from './speakerKind.ts';
import { sameSpeaker } from './speakerName.ts';
import { daysApart } from './statedDate.ts';
import { canRepeat, type Item } from './statementItems.ts';

/** The candidate closest in date, then in the text, then first in item order. */
function nearest(x: Item, candidates: readonly number[], items: readonly Item[]): number {
  let best = candidates[0]!;
  let bestDays = Number.POSITIVE_INFINITY;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const n of candidates) {
    const a = items[n]!;
    const days = x.date && a.date ? daysApart(x.date, a.date) : 0;
    const distance = Math.abs(a.claim.span[0] - x.claim.span[0]);
    if (days < bestDays || (days === bestDays && distance < bestDistance)) {
      best = n;
      bestDays = days;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Repetitions inside one article: a headline, caption, lead or re-statement of the figure that the
 * article also attributes to someone named. For each claim that is unattributed or spoken by a
 * collective voice (`speakerKind`), the anchor is the article's claim by a named speaker that it can
 * repeat (`canRepeat`: same unit, change and denial, overlapping value, compatible periods — the qualifier may differ,
 * which shows as a conflict — and dates within the window); a collective must also fit the named
 * speaker's affiliations as the article's roles for that speaker give them (`collectiveFits`).
 * Candidates by two different named speakers leave the claim where it is: the article does not say
 * whose figure it repeats. An unattributed claim without any named candidate repeats the article's
 * collective speaker, when exactly one collective has a claim it can repeat.
 *
 * Only claims of the same article are compared, so statements of different reports, dates or
 * speakers are never merged through a repetition, and a named speaker's claim is never an anchored one.
 * Returns, per item, the index of its anchor, or -1.
 */
export function repetitionAnchors(items: readonly Item[], window: number): Int32Array {
  const anchors = new Int32Array(items.length).fill(-1);
  const byArticle = new Map<string, number[]>();
  items.forEach((i, n) => {
    const list = byArticle.get(i.claim.articleId);
    if (list) list.push(n);
    else byArticle.set(i.claim.articleId, [n]);
  });
  for (const list of byArticle.values()) {
    if (list.length < 2) continue;
    const named = list.filter((n) => items[n]!.speakerKind === 'named');
    const collective = list.filter((n) => items[n]!.speakerKind === 'collective');
    if (named.length === 0 && collective.length === 0) continue;
    // The states and organisations each named speaker's roles in this article name.
    const affiliations = new Map<number, Set<string>>();
    const affiliationsOfNamed = (n: number): Set<string> => {
      let set = affiliations.get(n);
      if (!set) {
        set = new Set<string>();
        for (const m of named) {
          const other = items[m]!;
          if (sameSpeaker(other.speaker!, items[n]!.speaker!)) {
            for (const id of affiliationsOf(other.claim.speaker!.role)) set.add(id);
          }
        }
        affiliations.set(n, set);
      }
      return set;
    };
    const unanchored: number[] = [];
    for (const n of list) {
      const x = items[n]!;
      if (x.speakerKind === 'named' || x.speakerKind === 'group') continue;
      const candidates = named.filter((m) => {
        const a = items[m]!;
        if (!canRepeat(x, a, window)) return false;
        return x.speakerKind !== 'collective' || collectiveFits(x.claim.speaker!, affiliationsOfNamed(m));
      });
      if (candidates.length === 0) {
        if (x.speakerKind === null) unanchored.push(n);
        continue;
      }
      const who = items[candidates[0]!]!.speaker!;
      if (candidates.some((m) => !sameSpeaker(items[m]!.speaker!, who))) continue;
      anchors[n] = nearest(x, candidates, items);
    }
    for (const n of unanchored) {
      const x = items[n]!;
      const candidates = collective.filter((m) => anchors[m] === -1 && canRepeat(x, items[m]!, window));
      if (candidates.length === 0) continue;
      const who = items[candidates[0]!]!.speaker!.join(' ');
      if (candidates.some((m) => items[m]!.speaker!.join(' ') !== who)) continue;
      anchors[n] = nearest(x, candidates, items);
    }
  }
  return anchors;
}
