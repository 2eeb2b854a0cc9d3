import { createHash } from 'node:crypto';
import { type ArticleExtracted, makeEvent, type NewEvent, type ReasonCode } from '@tally/events';
import { EXTRACTOR_VERSION, type ExtractedArticle } from '@tally/extract';
import type { ArticleState } from './articleState.ts';

/**
 * Whether an article is to be fetched: not when it is extracted by this extractor's version or
 * failed for good. `analyze` says that an extracted article still waits for its analysis.
 */
export function fetchNeeded(state: ArticleState): { fetch: true } | { fetch: false; analyze: boolean } {
  if (state.extracted?.extractorVersion === EXTRACTOR_VERSION || state.permanentFailure) {
    return { fetch: false, analyze: state.extracted !== null && state.analyzedVersion === null };
  }
  return { fetch: true };
}

/** One fetch attempt of an article. */
export interface FetchAttempt {
  articleId: string;
  /** The URL the feed gave. */
  url: string;
  attempt: number;
  /** The queue gives no more attempts after this one: a failure now is recorded as permanent. */
  finalAttempt: boolean;
}

/** A fetch that failed: `ArticleFetchFailed`, permanent when the failure is or when no attempt is left. */
export function decideFetchFailed(
  job: FetchAttempt,
  failure: { reason: ReasonCode; message: string; httpStatus: number | null; permanent: boolean },
): { events: NewEvent[]; permanent: boolean } {
  const permanent = failure.permanent || job.finalAttempt;
  const { articleId, url, attempt } = job;
  const { reason, message, httpStatus } = failure;
  return {
    events: [
      makeEvent('ArticleFetchFailed', { articleId, url, reason, message, httpStatus, permanent, attempt }, [
        articleId,
        'fetch',
        attempt,
      ]),
    ],
    permanent,
  };
}

/** Whether a fetched body is a page to extract (by its content type, else by its first bytes). */
export function isHtml(contentType: string | null, body: Uint8Array): boolean {
  if (contentType) {
    const ct = contentType.toLowerCase();
    if (ct.includes('html') || ct.includes('xml')) return true;
    if (!ct.startsWith('text/plain') && !ct.startsWith('application/octet-stream')) return false;
  }
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024))
    .toString('latin1')
    .toLowerCase();
  return head.includes('<html') || head.includes('<!doctype html') || head.includes('<body');
}

/** What the fetch answered, as the log records it. */
export interface FetchedPage {
  finalUrl: string;
  httpStatus: number;
  contentType: string | null;
  bytes: number;
  contentHash: string;
  etag: string | null;
  lastModified: string | null;
  durationMs: number;
}

export function contentHashOf(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** `ArticleFetched`, its charset filled once the page is decoded. */
export function fetchedEvent(job: FetchAttempt, page: FetchedPage, charset: string | null): NewEvent {
  return makeEvent(
    'ArticleFetched',
    {
      articleId: job.articleId,
      url: job.url,
      finalUrl: page.finalUrl,
      httpStatus: page.httpStatus,
      contentType: page.contentType,
      charset,
      bytes: page.bytes,
      contentHash: page.contentHash,
      etag: page.etag,
      lastModified: page.lastModified,
      durationMs: page.durationMs,
    },
    [job.articleId, page.contentHash],
  );
}

/**
 * A page extracted: `ArticleFetched` and `ArticleExtracted` (whose data `extracted` is). The feed's
 * title and date stand in for what the page does not say (`publishedAtSource` `feed`).
 */
export function decideExtracted(
  state: ArticleState,
  job: FetchAttempt,
  page: FetchedPage,
  a: ExtractedArticle & { charset?: string | null },
): { events: NewEvent[]; extracted: ArticleExtracted } {
  const publishedAt = a.publishedAt ?? state.feedPublishedAt;
  const textHash = createHash('sha256').update(a.text).digest('hex');
  const event = makeEvent(
    'ArticleExtracted',
    {
      articleId: job.articleId,
      url: page.finalUrl,
      canonicalUrl: a.canonicalUrl,
      title: a.title ?? state.title,
      byline: a.byline,
      siteName: a.siteName,
      lang: a.lang,
      publishedAt,
      publishedAtSource: a.publishedAt ? a.publishedAtSource : publishedAt ? 'feed' : 'none',
      modifiedAt: a.modifiedAt,
      text: a.text,
      textHash,
      length: a.text.length,
      extractorVersion: EXTRACTOR_VERSION,
    },
    [job.articleId, EXTRACTOR_VERSION, textHash],
  );
  return { events: [fetchedEvent(job, page, a.charset ?? null), event], extracted: event.data as ArticleExtracted };
}

/** A page the extractor could not read: `ArticleFetched` and `ArticleExtractionFailed` with its reason. */
export function decideExtractionFailed(
  job: FetchAttempt,
  page: FetchedPage,
  failure: { reason: ReasonCode; message: string },
): NewEvent[] {
  return [
    fetchedEvent(job, page, null),
    makeEvent(
      'ArticleExtractionFailed',
      {
        articleId: job.articleId,
        url: page.finalUrl,
        reason: failure.reason,
        message: failure.message,
        extractorVersion: EXTRACTOR_VERSION,
      },
      [job.articleId, EXTRACTOR_VERSION, 'extract'],
    ),
  ];
}
