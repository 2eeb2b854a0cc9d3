import { createHash } from 'node:crypto';
import type { StreamAppend } from '@tally/event-store';
import { makeEvent, type NewEvent, type ReasonCode, streams } from '@tally/events';
import { EXTRACTOR_VERSION, ExtractError } from '@tally/extract';
import { FetchError } from '@tally/http-fetch';
import type { FetchArticle } from '@tally/queues';
import { planAnalysis } from './analyzer.ts';
import type { Runtime } from './runtime.ts';
import { timed } from './stageMetrics.ts';
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
   * a process that runs the analyzer too. It saves a queue hop, a read of the article's stream and
   * a transaction: extraction and analysis are appended together. An analysis that fails here
   * (Redis unreachable, …) is queued as a job, and the extraction is recorded all the same.
   * @defaultValue false
   */
  analyze?: boolean;
}

/** Queues the article's analysis. */
async function queueAnalysis(rt: Runtime, job: FetchArticle): Promise<void> {
  await rt.queues.enqueue('analyzeArticle', { articleId: job.articleId, runId: job.runId });
}

/**
 * The analysis of the article in `state`, when this job is to do it: its appends, or null (nothing
 * to analyse, or the analysis failed here and is left to the queue: `failed` says which).
 */
async function analysisHere(
  rt: Runtime,
  job: FetchArticle,
  state: ArticleState,
): Promise<{ appends: StreamAppend[] | null; failed: boolean }> {
  try {
    return { appends: await planAnalysis(rt, { articleId: job.articleId, runId: job.runId }, state), failed: false };
  } catch (err) {
    rt.log.warn({ articleId: job.articleId, err }, 'analysis after extraction failed; queued');
    return { appends: null, failed: true };
  }
}

/**
 * Fetches an article and extracts its text: `ArticleFetched` + `ArticleExtracted`, or a failure
 * event with a reason code. Permanent failures (404, 410, not-html, too-large, refused-address,
 * robots-disallowed) end the job; transient ones (robots-unavailable among them) are recorded and
 * rethrown so the queue retries them.
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
    if (state.extracted && state.analyzedVersion === null) {
      const here = options.analyze ? await analysisHere(rt, job, state) : null;
      if (here?.appends) await rt.store.appendMany(here.appends);
      else if (!here || here.failed) await queueAnalysis(rt, job);
    }
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
  const fetchEnd = rt.metrics.fetchSeconds.startTimer({ kind: 'article' });
  try {
    // robots.txt is checked on every hop, redirect targets included, before its request is sent.
    res = await rt.http.get({ url: job.url, accept: HTML_ACCEPT, beforeHop: rt.robots?.check });
    fetchEnd({ outcome: 'ok' });
  } catch (err) {
    fetchEnd({ outcome: err instanceof FetchError ? err.reason : 'error' });
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
    const a = await timed(
      rt.metrics.extractSeconds,
      () => rt.extractPool.extract({ bytes: res.body, contentType: res.contentType, url: res.url }),
      (r) => ('value' in r ? 'ok' : r.error instanceof ExtractError ? r.error.reason : 'error'),
    );
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
  // Analysed here, the article's extraction and analysis commit together in one transaction.
  const extracted = events[events.length - 1]!;
  const here =
    options.analyze && extracted.type === 'ArticleExtracted'
      ? await analysisHere(rt, job, { ...state, extracted: extracted.data, permanentFailure: null })
      : null;
  await rt.store.appendMany([{ streamId: stream, events }, ...(here?.appends ?? [])]);
  log.info({ bytes }, 'article extracted');
  if (!here || here.failed) await queueAnalysis(rt, job);
  return 'extracted';
}
