import {
  type Bound,
  type DuplicateMethod,
  type EventData,
  type EventType,
  makeEvent,
  type NewEvent,
  type Period,
  type ReasonCode,
  type Speaker,
  type StoredEvent,
  streams,
} from '@tally/events';

/** An event ready to append, with the stream it belongs to. */
export interface LoggedEvent {
  streamId: string;
  event: NewEvent;
}

/** The time the first event of a built log is recorded at; each further event is one second later. */
export const LOG_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * The log as the store hands it back: positions 1…n in order, stream versions counted per stream,
 * and a recorded time per event.
 */
export function storedFrom(entries: readonly LoggedEvent[], firstPosition = 1): StoredEvent[] {
  const versions = new Map<string, number>();
  return entries.map(({ streamId, event }, i) => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    const position = firstPosition + i;
    return {
      ...event,
      streamId,
      streamVersion,
      position,
      recordedAt: new Date(LOG_EPOCH_MS + position * 1000).toISOString(),
    } as StoredEvent;
  });
}

export interface ClaimInput {
  claimId?: string;
  articleId: string;
  figureKey: string;
  value: number | null;
  range?: [number, number] | null;
  bound: Bound;
  unit?: string | null;
  speaker?: Speaker | string | null;
  statedAt: string | null;
  sentence: string;
  span?: [number, number];
  url: string;
  publishedAt: string | null;
  siteName?: string | null;
  subject?: string | null;
  predicate?: string;
  recipient?: string | null;
  concept?: string | null;
  measure?: string | null;
  change?: 'up' | 'down' | null;
  changeBy?: number | null;
  changeUnit?: string | null;
  previous?: number | null;
  period?: Period | null;
  negated?: boolean;
  hedged?: boolean;
  extractorVersion?: string;
}

/** Builds a log event by event, filling the catalog's defaults, for tests and benchmarks. */
export class LogBuilder {
  readonly entries: LoggedEvent[] = [];

  /** Event ids derive from the stream and the data, as the pipeline's do: the same fact logged twice is one event. */
  push<T extends EventType>(streamId: string, type: T, data: EventData<T>): this {
    this.entries.push({ streamId, event: makeEvent(type, data, [streamId, JSON.stringify(data)]) });
    return this;
  }

  stored(): StoredEvent[] {
    return storedFrom(this.entries);
  }

  feedRegistered(feedId: string, url: string, title: string | null = null): this {
    return this.push(streams.feed(feedId), 'FeedRegistered', {
      feedId,
      url,
      title,
      source: 'config',
      minIntervalSec: null,
      maxIntervalSec: null,
    });
  }

  feedRemoved(feedId: string, reason: string | null = null): this {
    return this.push(streams.feed(feedId), 'FeedRemoved', { feedId, reason });
  }

  feedUrlChanged(feedId: string, from: string, to: string): this {
    return this.push(streams.feed(feedId), 'FeedUrlChanged', { feedId, from, to, httpStatus: 301 });
  }

  feedPolled(
    feedId: string,
    p: {
      url: string;
      slot: string;
      nextCheckAt: string;
      itemCount?: number;
      newItemCount?: number;
      notModified?: boolean;
    },
  ): this {
    return this.push(streams.feed(feedId), 'FeedPolled', {
      feedId,
      url: p.url,
      slot: p.slot,
      httpStatus: p.notModified ? 304 : 200,
      notModified: p.notModified ?? false,
      feedTitle: null,
      itemCount: p.itemCount ?? p.newItemCount ?? 0,
      newItemCount: p.newItemCount ?? 0,
      etag: null,
      lastModified: null,
      nextCheckAt: p.nextCheckAt,
      durationMs: 12,
    });
  }

  feedPollFailed(
    feedId: string,
    p: {
      url: string;
      slot: string;
      nextCheckAt: string;
      reason: ReasonCode;
      consecutiveErrors: number;
      httpStatus?: number | null;
    },
  ): this {
    return this.push(streams.feed(feedId), 'FeedPollFailed', {
      feedId,
      url: p.url,
      slot: p.slot,
      reason: p.reason,
      message: `poll failed: ${p.reason}`,
      httpStatus: p.httpStatus ?? null,
      consecutiveErrors: p.consecutiveErrors,
      nextCheckAt: p.nextCheckAt,
      advertisedFeeds: [],
    });
  }

  articleDiscovered(a: {
    articleId: string;
    feedId: string;
    url: string;
    title?: string | null;
    publishedAt?: string | null;
  }): this {
    return this.push(streams.article(a.articleId), 'ArticleDiscovered', {
      articleId: a.articleId,
      feedId: a.feedId,
      url: a.url,
      canonicalUrl: a.url,
      itemKey: a.url,
      title: a.title ?? null,
      publishedAt: a.publishedAt ?? null,
      summary: null,
    });
  }

  articleListedByFeed(articleId: string, feedId: string, url: string): this {
    return this.push(streams.article(articleId), 'ArticleListedByFeed', { articleId, feedId, url });
  }

  articleRevised(articleId: string, feedId: string, title: string | null, publishedAt: string | null): this {
    return this.push(streams.article(articleId), 'ArticleRevised', { articleId, feedId, title, publishedAt });
  }

  articleFetched(articleId: string, url: string, bytes = 20_000): this {
    return this.push(streams.article(articleId), 'ArticleFetched', {
      articleId,
      url,
      finalUrl: url,
      httpStatus: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      bytes,
      contentHash: `h-${articleId}`,
      etag: null,
      lastModified: null,
      durationMs: 40,
    });
  }

  articleFetchFailed(articleId: string, url: string, reason: ReasonCode, permanent: boolean, attempt = 1): this {
    return this.push(streams.article(articleId), 'ArticleFetchFailed', {
      articleId,
      url,
      reason,
      message: `fetch failed: ${reason}`,
      httpStatus: reason === 'http-404' ? 404 : reason === 'http-5xx' ? 503 : null,
      permanent,
      attempt,
    });
  }

  articleExtracted(a: {
    articleId: string;
    url: string;
    siteName: string | null;
    title?: string | null;
    publishedAt?: string | null;
    text?: string;
  }): this {
    const text = a.text ?? `Text of ${a.articleId}.`;
    return this.push(streams.article(a.articleId), 'ArticleExtracted', {
      articleId: a.articleId,
      url: a.url,
      canonicalUrl: a.url,
      title: a.title ?? null,
      byline: null,
      siteName: a.siteName,
      lang: 'en',
      publishedAt: a.publishedAt ?? null,
      publishedAtSource: a.publishedAt ? 'json-ld' : 'none',
      modifiedAt: null,
      text,
      textHash: `t-${a.articleId}`,
      length: text.length,
      extractorVersion: 'extract-1',
    });
  }

  articleExtractionFailed(articleId: string, url: string, reason: ReasonCode): this {
    return this.push(streams.article(articleId), 'ArticleExtractionFailed', {
      articleId,
      url,
      reason,
      message: `extraction failed: ${reason}`,
      extractorVersion: 'extract-1',
    });
  }

  duplicateDetected(
    articleId: string,
    originalId: string,
    similarity = 0.92,
    method: DuplicateMethod = 'minhash',
  ): this {
    return this.push(streams.article(articleId), 'ArticleDuplicateDetected', {
      articleId,
      originalId,
      similarity,
      method,
    });
  }

  articleAnalyzed(articleId: string, claimCount: number, skipped: EventData<'ArticleAnalyzed'>['skipped'] = []): this {
    return this.push(streams.article(articleId), 'ArticleAnalyzed', {
      articleId,
      sentenceCount: 20,
      quantityCount: claimCount + 2,
      claimCount,
      analyzerVersion: 'claims-1',
      skipped,
    });
  }

  claim(c: ClaimInput): this {
    const speaker = typeof c.speaker === 'string' ? { name: c.speaker, role: null } : (c.speaker ?? null);
    const claimId = c.claimId ?? `c-${c.articleId}-${this.entries.length}`;
    return this.push(streams.figure(c.figureKey), 'ClaimExtracted', {
      claimId,
      articleId: c.articleId,
      figureKey: c.figureKey,
      subject: c.subject ?? null,
      predicate: c.predicate ?? 'transfer',
      recipient: c.recipient ?? null,
      value: c.value,
      range: c.range ?? null,
      bound: c.bound,
      unit: c.unit ?? null,
      concept: c.concept ?? null,
      measure: c.measure ?? null,
      change: c.change ?? null,
      changeBy: c.changeBy ?? null,
      changeUnit: c.changeUnit ?? null,
      previous: c.previous ?? null,
      negated: c.negated ?? false,
      hedged: c.hedged ?? false,
      speaker,
      statedAt: c.statedAt,
      period: c.period ?? null,
      sentence: c.sentence,
      span: c.span ?? [0, c.sentence.length],
      url: c.url,
      publishedAt: c.publishedAt,
      siteName: c.siteName ?? null,
      extractorVersion: c.extractorVersion ?? 'claims-1',
    });
  }
}
