import { changeKey } from './changes.ts';
import { conflictsOf, quantityKey } from './conflicts.ts';
import { outletOf } from './expandStatement.ts';
import { hedgeKind } from './hedges.ts';
import { periodDays } from './periods.ts';
import { qualifierOf } from './qualifiers.ts';
import { repetitionAnchors } from './repetitions.ts';
import {
  type ArticleRefs,
  DEFAULT_STATEMENT_WINDOW_DAYS,
  type FigureClaim,
  type StatementFields,
  type StatementOptions,
  type StoredSource,
  type StoredStatement,
} from './Statement.ts';
import { dayString, instantMs } from './statedDate.ts';
import { bucketOf, cmp, type Item, itemOf, itemOrder, originOf, sameStatement } from './statementItems.ts';

function outletKey(outlet: string): string {
  return outlet.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

class UnionFind {
  readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** The most frequent value by `keyOf` among `items` (ties: the first one in order). */
function majority<T extends object>(items: readonly T[], keyOf: (t: T) => string): T {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  let best = items[0]!;
  let bestCount = 0;
  for (const t of items) {
    const n = counts.get(keyOf(t))!;
    if (n > bestCount) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

function buildStatement(items: Item[], articles: ArticleRefs): StoredStatement {
  // Repetitions go where their article's own statement goes; they never name, date or identify it.
  const primary = items.filter((i) => !i.repetition);
  const first = primary[0] ?? items[0]!;
  const byOrigin = new Map<string, Item[]>();
  for (const i of items) {
    const list = byOrigin.get(i.origin);
    if (list) list.push(i);
    else byOrigin.set(i.origin, [i]);
  }
  const representatives = new Map<string, Item>();
  for (const [origin, list] of byOrigin) {
    representatives.set(
      origin,
      list.find((i) => i.claim.articleId === origin && !i.repetition) ??
        list.find((i) => !i.repetition) ??
        list.find((i) => i.claim.articleId === origin) ??
        list[0]!,
    );
  }
  const published = new Map<string, number>();
  for (const origin of byOrigin.keys()) {
    published.set(
      origin,
      instantMs(articles.get(origin)?.publishedAt) ??
        representatives.get(origin)!.published ??
        Number.NEGATIVE_INFINITY,
    );
  }
  const origins = [...byOrigin.keys()].sort((a, b) => cmp(published.get(a)!, published.get(b)!) || cmp(a, b));

  const claimOf = new Map<string, string>();
  for (const i of [...primary, ...items]) {
    if (!claimOf.has(i.claim.articleId)) claimOf.set(i.claim.articleId, i.claim.claimId);
  }
  const outlets = new Set<string>();
  const sources: StoredSource[] = origins.map((origin) => {
    const c = representatives.get(origin)!.claim;
    const ref = articles.get(origin);
    const own = c.articleId === origin;
    outlets.add(outletKey(outletOf(ref?.siteName ?? (own ? c.siteName : null), ref?.url ?? (own ? c.url : null))));
    return {
      articleId: origin,
      claimId: c.claimId,
      mentions: byOrigin.get(origin)!.length,
      copies: (ref?.copyIds ?? []).map((copyId) => ({ articleId: copyId, claimId: claimOf.get(copyId) ?? null })),
    };
  });

  const reps = origins.map((o) => representatives.get(o)!);
  const byBound = majority(reps, (i) => i.claim.bound).claim;
  const byValue = majority(reps, (i) => quantityKey(i.claim)).claim;

  const statementDated = primary.filter((i) => i.datedBy === 'statement');
  const precisionRank = { day: 0, month: 1, year: 2 } as const;
  const dated = [...(statementDated.length > 0 ? statementDated : primary.filter((i) => i.date))].sort(
    (a, b) => precisionRank[a.date!.precision] - precisionRank[b.date!.precision] || a.date!.from - b.date!.from,
  )[0];

  const named = primary.filter((i) => i.claim.speaker);
  const speakerItem = [...named].sort((a, b) => b.speaker!.length - a.speaker!.length)[0];
  const role = named.find((i) => i.claim.speaker?.role)?.claim.speaker?.role ?? null;

  let firstPublished: number | null = null;
  let lastPublished: number | null = null;
  for (const i of items) {
    if (i.published === null) continue;
    if (firstPublished === null || i.published < firstPublished) firstPublished = i.published;
    if (lastPublished === null || i.published > lastPublished) lastPublished = i.published;
  }

  // The move and the period: from the sources giving the statement's value, the one that says most.
  const valueKey = quantityKey(byValue);
  const sameValue = reps.filter((i) => quantityKey(i.claim) === valueKey).map((i) => i.claim);
  const moved = sameValue.find((c) => changeKey(c) !== null) ?? sameValue.find((c) => c.change !== null) ?? byValue;
  const periodItems = primary.some((i) => i.period !== null) ? primary : items;
  const withPeriod = periodItems.filter((i) => i.period !== null);
  const period = withPeriod.length > 0 ? majority(withPeriod, (i) => i.period!).claim.period : null;
  const hedged = reps.every((i) => i.claim.hedged);

  return {
    statementId: first.claim.claimId,
    statedAt: dated && dated.datedBy === 'statement' ? dated.claim.statedAt : null,
    statedFrom: dated ? dayString(dated.date!.from) : null,
    statedTo: dated ? dayString(dated.date!.to) : null,
    speaker: speakerItem ? { name: speakerItem.claim.speaker!.name, role } : null,
    subject: first.claim.subject,
    predicate: first.claim.predicate,
    recipient: first.claim.recipient,
    concept: first.claim.concept,
    value: byValue.value,
    range: byValue.range,
    bound: byBound.bound,
    qualifier: qualifierOf[byBound.bound],
    unit: first.claim.unit,
    measure: first.claim.measure,
    valueIs: first.meaning,
    change: moved.change,
    changeBy: moved.changeBy,
    changeUnit: moved.changeUnit,
    previous: moved.previous,
    period,
    negated: reps.every((i) => i.claim.negated),
    hedged,
    hedge: hedged
      ? majority(
          reps.map((i) => ({ kind: hedgeKind(i.claim.sentence) })),
          (h) => h.kind,
        ).kind
      : null,
    firstPublishedAt: isoOf(firstPublished),
    lastPublishedAt: isoOf(lastPublished),
    sources,
    independentSources: sources.length,
    independentOutlets: outlets.size,
    claimIds: items.map((i) => i.claim.claimId),
    conflicts: conflictsOf(items, byValue.value, byValue.range),
  };
}

/**
 * Where a statement stands in its figure's timeline: at the period it is about when a source gives
 * one (the series of a recurring measure: Q3, then Q4), else at its statement date. A period open at
 * its end ("since the end of last year") is a running total as of its statement: one said in May
 * stands after one said in December.
 */
function timelineKey(s: StatementFields): { from: string; to: string } {
  const openEnded = s.period?.from && !s.period.to && s.statedFrom;
  const days = openEnded ? null : periodDays(s.period);
  return days ?? { from: s.statedFrom ?? '', to: '' };
}

function statementOrder(
  a: StatementFields,
  b: StatementFields,
  keys: Map<StatementFields, { from: string; to: string }>,
): number {
  const ka = keys.get(a)!;
  const kb = keys.get(b)!;
  return (
    cmp(ka.from, kb.from) ||
    cmp(ka.to, kb.to) ||
    cmp(a.statedFrom ?? '', b.statedFrom ?? '') ||
    cmp(a.firstPublishedAt ?? '', b.firstPublishedAt ?? '') ||
    cmp(a.statementId, b.statementId)
  );
}

/**
 * The connected groups of the same-statement relation, each in item order. Repetitions (see
 * `repetitionAnchors`) take no part in the relation: each joins its anchor's group, so a loosely
 * dated caption cannot bridge two statements of the same speaker.
 */
function groupItems(items: Item[], window: number): Item[][] {
  items.sort(itemOrder);
  const anchors = repetitionAnchors(items, window);
  const buckets = new Map<string, number[]>();
  items.forEach((i, n) => {
    i.repetition = anchors[n]! >= 0;
    if (i.repetition) return;
    const key = bucketOf(i);
    const list = buckets.get(key);
    if (list) list.push(n);
    else buckets.set(key, [n]);
  });
  const uf = new UnionFind(items.length);
  for (const list of buckets.values()) {
    // `list` is in date order: a later claim starting past this one's window cannot match it.
    for (let x = 0; x < list.length; x++) {
      const a = items[list[x]!]!;
      for (let y = x + 1; y < list.length; y++) {
        const b = items[list[y]!]!;
        if (a.date && b.date && b.date.from - a.date.to > window) break;
        if (sameStatement(a, b, window)) uf.union(list[x]!, list[y]!);
      }
    }
  }
  anchors.forEach((anchor, n) => {
    if (anchor >= 0) uf.union(n, anchor);
  });
  const groups = new Map<number, Item[]>();
  items.forEach((i, n) => {
    const r = uf.find(n);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()];
}

function timeline(statements: StoredStatement[]): { history: StoredStatement[]; current: StoredStatement | null } {
  const keys = new Map(statements.map((s) => [s as StatementFields, timelineKey(s)]));
  const history = statements.sort((a, b) => statementOrder(a, b, keys));
  // A forecast or a denial is not the figure while a statement of it stands.
  const current =
    history.findLast((s) => !s.negated && !s.hedged) ?? history.findLast((s) => !s.negated) ?? history.at(-1) ?? null;
  return { history, current };
}

/**
 * Groups a figure's claims into statements and orders them into a timeline.
 *
 * Two claims are one statement when they have the same unit, the same meaning of their value (a
 * level, or a change in one direction: a level stated with its move is the same level stated
 * without it), a compatible value (the same number, or overlapping ranges — the qualifier may
 * differ, which is a conflict, not another statement), the same period or one of them unstated
 * (two periods in one statement are a conflict), the same speaker (see `sameSpeaker`; or both
 * unattributed), and statement dates at most `statementWindowDays` apart (a claim without a
 * statement date is dated by its publication; a claim with neither only joins others with
 * neither). Statements are the connected groups of that relation, so the result does not depend
 * on the order claims arrived in. Within one article, an unattributed or collectively attributed
 * repetition of a named speaker's figure joins that speaker's statement (see `repetitionAnchors`).
 *
 * The timeline runs by the period a statement is about where one is given, else by statement date,
 * then first publication; the current statement is the latest one that is neither a denial nor
 * hedged (a forecast, a target), else the latest that is not a denial.
 */
export function deriveStatements(
  claims: readonly FigureClaim[],
  refs: ArticleRefs,
  options: StatementOptions = {},
): { history: StoredStatement[]; current: StoredStatement | null } {
  const window = options.statementWindowDays ?? DEFAULT_STATEMENT_WINDOW_DAYS;
  const groups = groupItems(
    claims.map((c) => itemOf(c, refs)),
    window,
  );
  return timeline(groups.map((g) => buildStatement(g, refs)));
}

/** What changed in a figure since its statements were derived. */
export interface StatementDelta {
  /** Claims added (or replaced) since. */
  addedClaimIds: readonly string[];
  /** Claims removed (superseded) since. */
  removedClaimIds: readonly string[];
  /** Articles whose references changed (duplicate verdicts, feeds, outlet names). */
  articleIds: readonly string[];
}

/**
 * The same result as `deriveStatements`, computed from the previous statements and what changed:
 * only statements holding a removed claim, a claim of a changed article, or a claim that an added
 * claim joins are regrouped. Adding a claim can only merge the groups it touches, and removing one
 * can only split its own group, so the untouched statements stand as they were. Keeps the cost of
 * a batch in proportion to what it changed, not to the size of the figure.
 */
export function updateStatements(
  previous: readonly StoredStatement[],
  claims: readonly FigureClaim[],
  refs: ArticleRefs,
  delta: StatementDelta,
  options: StatementOptions = {},
): { history: StoredStatement[]; current: StoredStatement | null } {
  const window = options.statementWindowDays ?? DEFAULT_STATEMENT_WINDOW_DAYS;
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  const added = new Set(delta.addedClaimIds.filter((id) => byId.has(id)));
  const removed = new Set(delta.removedClaimIds);
  const changed = new Set(delta.articleIds);
  const before = new Set(previous.flatMap((s) => s.claimIds));
  const consistent =
    claims.every((c) => added.has(c.claimId) || before.has(c.claimId)) &&
    [...before].every((id) => byId.has(id) || removed.has(id));
  if (!consistent) return deriveStatements(claims, refs, options);

  const articleChanged = (articleId: string) => {
    if (changed.has(articleId)) return true;
    const origin = originOf(refs, articleId);
    return changed.has(origin) || (refs.get(origin)?.copyIds.some((id) => changed.has(id)) ?? false);
  };
  const addedItems = [...added].map((id) => itemOf(byId.get(id)!, refs));
  const addedBuckets = new Set(addedItems.map(bucketOf));
  // Repetitions are found among the claims of one article, so every statement holding a claim of
  // an article with an added claim is regrouped. (A claim is only ever removed when its article is
  // re-analysed, that is, together with an added claim of the same article.)
  const addedArticles = new Set(addedItems.map((i) => i.claim.articleId));
  const keep: StoredStatement[] = [];
  const pool: Item[] = [...addedItems];
  for (const s of previous) {
    let affected = s.claimIds.some((id) => removed.has(id) || added.has(id) || !byId.has(id));
    if (!affected) affected = s.claimIds.some((id) => addedArticles.has(byId.get(id)!.articleId));
    if (!affected) affected = s.claimIds.some((id) => articleChanged(byId.get(id)!.articleId));
    if (!affected) {
      affected = s.sources.some(
        (src) => changed.has(src.articleId) || src.copies.some((c) => changed.has(c.articleId)),
      );
    }
    let items: Item[] | null = null;
    if (!affected && addedItems.length > 0) {
      // The statement's own claims (its id is one of them) share one bucket; repetitions may not.
      const first = itemOf(byId.get(s.statementId) ?? byId.get(s.claimIds[0]!)!, refs);
      if (addedBuckets.has(bucketOf(first)) || !byId.has(s.statementId)) {
        items = s.claimIds.map((id) => itemOf(byId.get(id)!, refs));
        affected = items.some((i) =>
          addedItems.some((a) => bucketOf(a) === bucketOf(i) && sameStatement(a, i, window)),
        );
      }
    }
    if (!affected) {
      keep.push(s);
      continue;
    }
    for (const id of s.claimIds) {
      if (removed.has(id) || added.has(id) || !byId.has(id)) continue;
      pool.push(items?.find((i) => i.claim.claimId === id) ?? itemOf(byId.get(id)!, refs));
    }
  }
  const rebuilt = groupItems(pool, window).map((g) => buildStatement(g, refs));
  return timeline([...keep, ...rebuilt]);
}
