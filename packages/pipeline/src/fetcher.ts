import { createHash } from 'node:crypto';
import { makeEvent, type NewEvent, type ReasonCode, streams } from '@tally/events';
import { EXTRACTOR_VERSION, ExtractError } from '@tally/extract';
import { FetchError } from '@tally/http-fetch';
import type { FetchArticle } from '@tally/queues';
import { analyzeArticle } from './analyzer.ts';
import type { Runtime } from './runtime.ts';
import { type ArticleState, foldArticle } from './state.ts';

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** A transient failure, recorded and thrown so the queue retries it with backoff. */
export class TransientFetchError extends Error {
  override readonly name = 'TransientFetchError';
  constructor(
    readonly reason: ReasonCode,
    message: string,
  ) {
    super(message);
  }
}

function isHtml(contentType: string | null, body: Buffer): boolean {
  if (contentType) {
    const ct = contentType.toLowerCase();
    if (ct.includes('html') || ct.includes('xml')) return true;
    if (!ct.startsWith('text/plain') && !ct.startsWith('application/octet-stream')) return false;
  }
  const head = body.subarray(0, 1024).toString('latin1').toLowerCase();
  return head.includes('<html') || head.includes('<!doctype html') || head.includes('<body');
}

export type FetchOutcome = 'extracted' | 'skipped' | 'failed';

export interface FetchArticleOptions {
  /**
   * Analyse the article in this job once it is extracted, instead of queueing an analysis job: for
   * a process that runs the analyzer too (it saves a queue hop and a read of the article's stream).
   * An analysis that fails here is queued as a job, so the fetch itself stays done.
   * @defaultValue false
   */
  analyze?: boolean;
}

/** Analyses now when asked to (falling back to the queue on failure), else queues the analysis. */
async function analyzeNext(
  rt: Runtime,
  job: FetchArticle,
  state: ArticleState,
  options: FetchArticleOptions,
): Promise<void> {
  if (options.analyze) {
    try {
      await analyzeArticle(rt, { articleId: job.articleId, runId: job.runId }, state);
      return;
    } catch (err) {
      rt.log.warn(
        { articleId: job.articleId, err: (err as Error).message },
        'analysis after extraction failed; queued instead',
      );
    }
  }
  await rt.queues.enqueue('analyzeArticle', { articleId: job.articleId, runId: job.runId });
}

/**
 * Fetches an article and extracts its text: `ArticleFetched` + `ArticleExtracted`, or a failure
 * event with a reason code. Permanent failures (404, 410, not-html, too-large, refused-address)
 * end the job; transient ones are recorded and rethrown so the queue retries them.
 */
export async function fetchArticle(
  rt: Runtime,
  job: FetchArticle,
  attempt: number,
  finalAttempt: boolean,
  options: FetchArticleOptions = {},
): Promise<FetchOutcome> {
  const stream = streams.article(job.articleId);
  const state = foldArticle(job.articleId, await rt.store.readStream(stream));
  const log = rt.log.child({ articleId: job.articleId, url: job.url });
  if (state.extracted?.extractorVersion === EXTRACTOR_VERSION || state.permanentFailure) {
    if (state.extracted && state.analyzedVersion === null) await analyzeNext(rt, job, state, options);
    return 'skipped';
  }
  const failed = async (reason: ReasonCode, message: string, httpStatus: number | null, permanent: boolean) => {
    const perm = permanent || finalAttempt;
    await rt.store.append(stream, [
      makeEvent(
        'ArticleFetchFailed',
        { articleId: job.articleId, url: job.url, reason, message, httpStatus, permanent: perm, attempt },
        [job.articleId, 'fetch', attempt],
      ),
    ]);
    log.warn({ reason, message, attempt, permanent: perm }, 'article fetch failed');
    if (!perm) throw new TransientFetchError(reason, message);
    return 'failed' as const;
  };
  let res: Awaited<ReturnType<Runtime['http']['get']>>;
  try {
    res = await rt.http.get({ url: job.url, accept: HTML_ACCEPT });
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    return failed(err.reason, err.message, err.httpStatus, err.permanent);
  }
  if (!isHtml(res.contentType, res.body)) {
    return failed('not-html', `content type ${res.contentType ?? 'unknown'} is not a page`, res.status, true);
  }
  const contentHash = createHash('sha256').update(res.body).digest('hex');
  const bytes = res.body.length;
  const fetched = makeEvent(
    'ArticleFetched',
    {
      articleId: job.articleId,
      url: job.url,
      finalUrl: res.url,
      httpStatus: res.status,
      contentType: res.contentType,
      charset: null,
      bytes,
      contentHash,
      etag: res.etag,
      lastModified: res.lastModified,
      durationMs: res.durationMs,
    },
    [job.articleId, contentHash],
  );
  const events: NewEvent[] = [];
  try {
    // The body is handed over to the extraction thread (moved, not copied): not used after this.
    const a = await rt.extractPool.extract({ bytes: res.body, contentType: res.contentType, url: res.url });
    events.push({ ...fetched, data: { ...fetched.data, charset: a.charset ?? null } } as NewEvent);
    const publishedAt = a.publishedAt ?? state.feedPublishedAt;
    const textHash = createHash('sha256').update(a.text).digest('hex');
    events.push(
      makeEvent(
        'ArticleExtracted',
        {
          articleId: job.articleId,
          url: res.url,
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
      ),
    );
  } catch (err) {
    if (!(err instanceof ExtractError)) throw err;
    events.push(fetched);
    events.push(
      makeEvent(
        'ArticleExtractionFailed',
        {
          articleId: job.articleId,
          url: res.url,
          reason: err.reason as ReasonCode,
          message: err.message,
          extractorVersion: EXTRACTOR_VERSION,
        },
        [job.articleId, EXTRACTOR_VERSION, 'extract'],
      ),
    );
    await rt.store.append(stream, events);
    log.warn({ reason: err.reason, message: err.message }, 'article extraction failed');
    return 'failed';
  }
  await rt.store.append(stream, events);
  log.info({ bytes }, 'article extracted');
  const extracted = events[events.length - 1]!;
  if (extracted.type === 'ArticleExtracted') {
    await analyzeNext(rt, job, { ...state, extracted: extracted.data, permanentFailure: null }, options);
  }
  return 'extracted';
}
