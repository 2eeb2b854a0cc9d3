import { articleIdFor, feedIdFor, type Period, type ReasonCode } from '@tally/events';
import { LogBuilder, type LoggedEvent } from './LogBuilder.ts';

/** A small fast seeded PRNG (mulberry32), so a generated log is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateLogOptions {
  /** Stop once at least this many events were generated. */
  events: number;
  /** @defaultValue 1 */
  seed?: number;
  /** @defaultValue 200 */
  feeds?: number;
  /** Bytes of extracted text per article. @defaultValue 3000 */
  textBytes?: number;
  /** Share of articles that are copies of an earlier one. @defaultValue 0.1 */
  duplicateRate?: number;
  /**
   * Share of unusual orders: a verdict after the copy's claims, a copy of a copy, an original that
   * becomes a copy (cluster merge), a feed listing an article after its claims, a revision, a
   * self-referencing verdict. @defaultValue 0.02
   */
  oddities?: number;
  /** Figure keys of the long tail (70% of claims). @defaultValue 40000 */
  tailFigureKeys?: number;
  /** Figure keys of running stories (30% of claims, skewed toward the first). @defaultValue 1000 */
  storyFigureKeys?: number;
  /**
   * Share of claims repeated in the same article by the report itself, a collective ("US officials",
   * "White House"), a group or another named speaker; a third as many articles are then analysed
   * again by another extractor version, some speakers lost. @defaultValue 0 (none: the log is then
   * the same as before this option existed)
   */
  repetitionRate?: number;
  /**
   * Share of new statements about a period (a quarter), with a measure, a stated change (an amount
   * in %, or an earlier level) and some hedged (forecasts). Their retellings now and then leave out
   * the period or the change or state another change; a tenth of all claims are stored as extractors
   * before 2.0 stored them (no measure, change amount or earlier level). @defaultValue 0 (none: the
   * log is then the same as before this option existed)
   */
  figureDetailRate?: number;
}

/** What a statement of the figures of any beat says beyond its value. */
interface GenDetail {
  measure: string;
  period: Period | null;
  change: 'up' | 'down' | null;
  changeBy: number | null;
  changeUnit: string | null;
  previous: number | null;
  hedged: boolean;
}

const words =
  'the of and to in a said officials on that for with ministry report containers shells missiles russia ukraine korea north government according statement figures percent million thousand week month data agency sources military equipment border deliveries satellite images briefing council'.split(
    ' ',
  );
const outlets = ['Wire', 'Ledger', 'Monitor', 'Daily', 'Dispatch', 'Times', 'Gazette', 'Post', 'Herald', 'Courier'];
const reasons: ReasonCode[] = ['timeout', 'http-5xx', 'connection', 'http-429', 'dns'];
const permanentReasons: ReasonCode[] = ['http-404', 'http-410', 'not-html', 'too-large'];
const bounds = ['=', '>', '<=', '~', '~<'] as const;
const firstNames = ['Anna', 'John', 'Maria', 'Ivan', 'Li'];
const surnames = ['Smith', 'Kirby', 'Newell', 'Kovalenko', 'Chen'];
const repeaters = [null, null, 'officials', 'US officials', 'White House', 'analysts', 'Maria Chen'];

interface GenStatement {
  value: number;
  bound: (typeof bounds)[number];
  speaker: string | null;
  statedAt: string;
  detail: GenDetail | null;
}

interface GenArticle {
  articleId: string;
  feed: number;
  url: string;
  siteName: string;
  publishedAt: string;
  original: string | null;
  claims: number;
}

/**
 * A realistic, reproducible log for tests and benchmarks: feeds registered and polled (some
 * failing), articles discovered, fetched (some failing, some retried), extracted, some found to be
 * copies, claims about figures (a long tail of keys and a few running stories), analysed. Yields
 * units of events of one stream each, in log order, so a caller can append each unit in one call.
 */
export function* generateLog(options: GenerateLogOptions): Generator<LoggedEvent[]> {
  const rnd = seededRandom(options.seed ?? 1);
  const feedCount = options.feeds ?? 200;
  const textBytes = options.textBytes ?? 3000;
  const duplicateRate = options.duplicateRate ?? 0.1;
  const oddities = options.oddities ?? 0.02;
  const tailKeys = options.tailFigureKeys ?? 40_000;
  const storyKeys = options.storyFigureKeys ?? 1000;
  const repetitionRate = options.repetitionRate ?? 0;
  const detailRate = options.figureDetailRate ?? 0;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const detailOf = (value: number, publishedAt: string): GenDetail => {
    // The quarter of the publication or the one before.
    const at = new Date(publishedAt);
    let q = Math.floor(at.getUTCMonth() / 3) - (chance(0.5) ? 1 : 0);
    let year = at.getUTCFullYear();
    if (q < 0) {
      q = 3;
      year -= 1;
    }
    const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
    const period: Period = {
      from: month(q * 3 + 1),
      to: month(q * 3 + 3),
      text: chance(0.5) ? `the ${['first', 'second', 'third', 'fourth'][q]} quarter` : `Q${q + 1}`,
      label: `Q${q + 1} ${year}`,
    };
    const up = chance(0.5);
    const moved = chance(0.6) ? 'by' : chance(0.5) ? 'from' : null;
    return {
      measure: 'revenue',
      period,
      change: moved ? (up ? 'up' : 'down') : null,
      changeBy: moved === 'by' ? 1 + Math.floor(rnd() * 50) / 10 : null,
      changeUnit: moved === 'by' ? '%' : null,
      previous: moved === 'from' ? Math.round(value * (up ? 0.9 : 1.1)) : null,
      hedged: chance(0.15),
    };
  };
  /** A retelling of a statement: now and then without its period or its change, or with another change. */
  const retold = (d: GenDetail): GenDetail => {
    const period = chance(0.2) ? null : d.period;
    if (chance(0.3)) return { ...d, period, change: null, changeBy: null, changeUnit: null, previous: null };
    if (d.changeBy !== null && chance(0.1)) return { ...d, period, changeBy: d.changeBy + 0.1 };
    return { ...d, period };
  };
  /** As extractors before 2.0 stored a claim: without the fields they did not know. */
  const storedBefore2 = (entry: LoggedEvent) => {
    const data = entry.event.data as Record<string, unknown>;
    for (const field of ['measure', 'changeBy', 'changeUnit', 'previous']) delete data[field];
    const period = data.period as Period | null;
    if (period) data.period = { from: period.from, to: period.to, text: period.text };
  };
  // Story keys weighted by 1/sqrt(rank): a few stories get hundreds of claims, none gets most of them.
  const storyWeights: number[] = [];
  let storyTotal = 0;
  for (let k = 1; k <= storyKeys; k++) {
    storyTotal += 1 / Math.sqrt(k);
    storyWeights.push(storyTotal);
  }
  const figureKey = () => {
    if (chance(0.7)) return `tail:${Math.floor(rnd() * tailKeys)}`;
    const x = rnd() * storyTotal;
    let lo = 0;
    let hi = storyWeights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (storyWeights[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return `story:${lo}`;
  };
  const text = () => {
    const parts: string[] = [];
    let n = 0;
    while (n < textBytes) {
      const w = pick(words);
      parts.push(w);
      n += w.length + 1;
    }
    return parts.join(' ');
  };

  let emitted = 0;
  let clock = Date.UTC(2024, 0, 1);
  const iso = () => new Date(clock).toISOString();
  const flush = (log: LogBuilder): LoggedEvent[][] => {
    const units: LoggedEvent[][] = [];
    for (const e of log.entries) {
      const last = units.at(-1);
      if (last && last[0]!.streamId === e.streamId) last.push(e);
      else units.push([e]);
    }
    emitted += log.entries.length;
    return units;
  };

  const feeds = Array.from({ length: feedCount }, (_, i) => {
    const host = `outlet-${i}.example`;
    return {
      feedId: feedIdFor(`https://${host}/feed.xml`),
      url: `https://${host}/feed.xml`,
      host,
      siteName: `${pick(outlets)} ${i}`,
      errors: 0,
      removed: false,
    };
  });
  const setup = new LogBuilder();
  for (const f of feeds) setup.feedRegistered(f.feedId, f.url, f.siteName);
  yield* flush(setup);

  const recent: GenArticle[] = [];
  const statements = new Map<string, GenStatement[]>();
  let serial = 0;
  while (emitted < options.events) {
    const log = new LogBuilder();
    clock += 1000 + Math.floor(rnd() * 4000);

    // Roughly one poll per two articles.
    if (chance(0.5)) {
      const f = pick(feeds);
      if (!f.removed) {
        const slot = iso();
        const nextCheckAt = new Date(clock + 15 * 60_000).toISOString();
        if (chance(0.1)) {
          f.errors += 1;
          log.feedPollFailed(f.feedId, {
            url: f.url,
            slot,
            nextCheckAt,
            reason: pick(reasons),
            consecutiveErrors: f.errors,
          });
        } else {
          f.errors = 0;
          log.feedPolled(f.feedId, {
            url: f.url,
            slot,
            nextCheckAt,
            newItemCount: 1 + Math.floor(rnd() * 5),
            notModified: chance(0.2),
          });
        }
        if (chance(oddities / 10)) log.feedUrlChanged(f.feedId, f.url, `${f.url}?moved=${serial}`);
      }
    }

    serial += 1;
    const feed = pick(feeds);
    const url = `https://${feed.host}/news/${serial}`;
    const a: GenArticle = {
      articleId: articleIdFor(url),
      feed: feeds.indexOf(feed),
      url,
      siteName: feed.siteName,
      publishedAt: iso(),
      original: null,
      claims: 0,
    };
    log.articleDiscovered({
      articleId: a.articleId,
      feedId: feed.feedId,
      url,
      title: `Story ${serial}`,
      publishedAt: a.publishedAt,
    });
    if (chance(0.04)) {
      log.articleFetchFailed(a.articleId, url, pick(permanentReasons), true);
      yield* flush(log);
      continue;
    }
    if (chance(0.05)) log.articleFetchFailed(a.articleId, url, pick(reasons), false, 1);
    log.articleFetched(a.articleId, url);
    if (chance(0.02)) {
      log.articleExtractionFailed(a.articleId, url, 'empty');
      yield* flush(log);
      continue;
    }
    log.articleExtracted({
      articleId: a.articleId,
      url,
      siteName: a.siteName,
      title: `Story ${serial}`,
      publishedAt: a.publishedAt,
      text: text(),
    });

    let lateOriginal: string | null = null;
    if (recent.length > 0 && chance(duplicateRate)) {
      const original = pick(recent);
      const target = chance(oddities * 5) ? original.articleId : (original.original ?? original.articleId);
      if (chance(oddities * 5)) lateOriginal = target;
      else log.duplicateDetected(a.articleId, target, 0.85 + rnd() * 0.15, chance(0.2) ? 'canonical-url' : 'minhash');
      a.original = target;
    }
    yield* flush(log);

    // Claims: copies are analysed less often (the analyser may skip a known copy). Most claims retell
    // one of the latest statements about their figure (other outlets, same speaker and number, now
    // and then another qualifier or a day off); the rest are new statements.
    const claimLog = new LogBuilder();
    const logged: Parameters<LogBuilder['claim']>[0][] = [];
    const claimCount = a.original && chance(0.5) ? 0 : [0, 1, 1, 1, 2, 2, 3][Math.floor(rnd() * 7)]!;
    for (let c = 0; c < claimCount; c++) {
      const key = figureKey();
      const latest = statements.get(key) ?? [];
      let s = latest.length > 0 && chance(0.7) ? latest[Math.floor(rnd() * latest.length)]! : null;
      if (!s) {
        s = {
          value: chance(0.5) ? (1 + Math.floor(rnd() * 20)) * 100 : Math.floor(rnd() * 100_000),
          bound: pick(bounds),
          speaker: chance(0.3) ? null : `${pick(firstNames)} ${pick(surnames)}`,
          statedAt: a.publishedAt.slice(0, 10),
          detail: null,
        };
        if (detailRate > 0 && chance(detailRate)) s.detail = detailOf(s.value, a.publishedAt);
        latest.push(s);
        if (latest.length > 3) latest.shift();
        statements.set(key, latest);
      }
      const statedAt = chance(0.1)
        ? new Date(Date.parse(s.statedAt) + 86_400_000).toISOString().slice(0, 10)
        : s.statedAt;
      const detail = s.detail ? retold(s.detail) : null;
      const input = {
        ...(detail ?? {}),
        claimId: `${a.articleId}:${c}`,
        articleId: a.articleId,
        figureKey: key,
        value: s.value,
        bound: chance(0.1) ? pick(bounds) : s.bound,
        speaker: s.speaker && chance(0.1) ? (s.speaker.split(' ').at(-1) ?? null) : s.speaker,
        statedAt,
        sentence: detail
          ? `Revenue ${detail.hedged ? 'is expected to reach' : detail.change === 'down' ? 'fell to' : 'rose to'} ${s.value}${detail.period ? ` in ${detail.period.text}` : ''}, officials said in report ${serial}.`
          : `Officials said ${s.value} containers of equipment were delivered, according to a statement published in report ${serial}.`,
        span: [c * 200, c * 200 + 120] as [number, number],
        url,
        publishedAt: a.publishedAt,
        siteName: a.siteName,
      };
      claimLog.claim(input);
      if (detailRate > 0 && chance(0.1)) storedBefore2(claimLog.entries.at(-1)!);
      logged.push(input);
      if (repetitionRate > 0 && chance(repetitionRate)) {
        const repeated = {
          ...input,
          claimId: `${a.articleId}:${c}r`,
          bound: pick(bounds),
          speaker: pick(repeaters),
          statedAt: a.publishedAt.slice(0, 7),
          span: [c * 200 + 130, c * 200 + 190] as [number, number],
        };
        claimLog.claim(repeated);
        logged.push(repeated);
      }
    }
    a.claims = claimCount;
    yield* flush(claimLog);

    const tail = new LogBuilder();
    if (lateOriginal) tail.duplicateDetected(a.articleId, lateOriginal, 0.9, 'minhash');
    if (claimCount > 0 || !a.original) tail.articleAnalyzed(a.articleId, claimCount);
    if (repetitionRate > 0 && logged.length > 0 && chance(repetitionRate / 3)) {
      // Analysed again by another extractor version: new claim ids replace the old ones.
      for (const input of logged) {
        tail.claim({
          ...input,
          claimId: `${input.claimId}v2`,
          speaker: chance(0.4) ? null : input.speaker,
          extractorVersion: 'claims-2',
        });
      }
    }
    if (chance(oddities)) tail.articleRevised(a.articleId, feed.feedId, `Story ${serial} (updated)`, a.publishedAt);
    if (chance(oddities)) tail.articleListedByFeed(a.articleId, pick(feeds).feedId, url);
    if (chance(oddities / 4) && recent.length > 2) {
      // An original turning out to be a copy of another original: the clusters merge.
      const x = pick(recent);
      const y = pick(recent);
      if (!x.original && !y.original && x !== y) {
        tail.duplicateDetected(x.articleId, y.articleId, 0.88, 'simhash');
        x.original = y.articleId;
      }
    }
    if (chance(oddities / 4)) tail.duplicateDetected(a.articleId, a.articleId, 1, 'url');
    yield* flush(tail);

    if (!a.original) {
      recent.push(a);
      if (recent.length > 500) recent.shift();
    }
    if (chance(oddities / 20)) {
      const f = pick(feeds);
      if (!f.removed) {
        const l = new LogBuilder().feedRemoved(f.feedId, 'removed by operator');
        f.removed = true;
        yield* flush(l);
      }
    }
  }
}
