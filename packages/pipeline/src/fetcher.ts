import type { EventStore, StreamAppend } from '@tally/event-store';
import { type ReasonCode, streams } from '@tally/events';
import { ExtractError } from '@tally/extract';
import type { ExtractPool } from '@tally/extract-pool';
import { FetchError, type HttpClient, type HttpResponse, type RobotsRules } from '@tally/http-fetch';
import {
  type ArticleState,
  contentHashOf,
  decideExtracted,
  decideExtractionFailed,
  decideFetchFailed,
  type FetchAttempt,
  type FetchedPage,
  fetchNeeded,
  foldArticle,
  isHtml,
} from '@tally/ingest';
import type { FetchArticle, QueueSet } from '@tally/queues';
import { type AnalyzerPorts, planAnalysis } from './analyzer.ts';
import { type StageMetrics, timed } from './stageMetrics.ts';

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

/**
 * What a fetch uses: the log, the analysis queue, HTTP with robots.txt, the extraction threads, and
 * what an analysis uses (for `analyze`).
 */
export interface FetcherPorts extends AnalyzerPorts {
  store: EventStore;
  queues: Pick<QueueSet, 'enqueue'>;
  http: Pick<HttpClient, 'get'>;
  /** null when robots.txt is not obeyed (`ROBOTS_TXT` off). */
  robots: Pick<RobotsRules, 'check'> | null;
  extractPool: Pick<ExtractPool, 'extract'>;
  metrics: Pick<StageMetrics, 'fetchSeconds' | 'extractSeconds' | 'analyzeSeconds'>;
}

/** Queues the article's analysis. */
async function queueAnalysis(ports: FetcherPorts, job: FetchArticle): Promise<void> {
  await ports.queues.enqueue('analyzeArticle', { articleId: job.articleId, runId: job.runId });
}

/**
 * The analysis of the article in `state`, when this job is to do it: its appends, or null (nothing
 * to analyse, or the analysis failed here and is left to the queue: `failed` says which).
 */
async function analysisHere(
  ports: FetcherPorts,
  job: FetchArticle,
  state: ArticleState,
): Promise<{ appends: StreamAppend[] | null; failed: boolean }> {
  try {
    return { appends: await planAnalysis(ports, { articleId: job.articleId, runId: job.runId }, state), failed: false };
  } catch (err) {
    ports.log.warn({ articleId: job.articleId, err }, 'analysis after extraction failed; queued');
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
  ports: FetcherPorts,
  job: FetchArticle,
  attempt: number,
  finalAttempt: boolean,
  options: FetchArticleOptions = {},
): Promise<FetchOutcome> {
  const { store } = ports;
  const stream = streams.article(job.articleId);
  const state = foldArticle(job.articleId, await store.readStream(stream));
  const log = ports.log.child({ articleId: job.articleId, url: job.url });
  const needed = fetchNeeded(state);
  if (!needed.fetch) {
    if (needed.analyze) {
      const here = options.analyze ? await analysisHere(ports, job, state) : null;
      if (here?.appends) await store.appendMany(here.appends);
      else if (!here || here.failed) await queueAnalysis(ports, job);
    }
    return 'skipped';
  }
  const fetch: FetchAttempt = { articleId: job.articleId, url: job.url, attempt, finalAttempt };
  const failed = async (reason: ReasonCode, message: string, httpStatus: number | null, permanent: boolean) => {
    const decided = decideFetchFailed(fetch, { reason, message, httpStatus, permanent });
    await store.append(stream, decided.events);
    log.warn({ reason, message, attempt, permanent: decided.permanent }, 'article fetch failed');
    if (!decided.permanent) throw new TransientFetchError(reason, message);
    return 'failed' as const;
  };
  let res: HttpResponse;
  const fetchEnd = ports.metrics.fetchSeconds.startTimer({ kind: 'article' });
  try {
    // robots.txt is checked on every hop, redirect targets included, before its request is sent.
    res = await ports.http.get({ url: job.url, accept: HTML_ACCEPT, beforeHop: ports.robots?.check });
    fetchEnd({ outcome: 'ok' });
  } catch (err) {
    fetchEnd({ outcome: err instanceof FetchError ? err.reason : 'error' });
    if (!(err instanceof FetchError)) throw err;
    return failed(err.reason, err.message, err.httpStatus, err.permanent);
  }
  if (!isHtml(res.contentType, res.body)) {
    return failed('not-html', `content type ${res.contentType ?? 'unknown'} is not a page`, res.status, true);
  }
  const page: FetchedPage = {
    finalUrl: res.url,
    httpStatus: res.status,
    contentType: res.contentType,
    bytes: res.body.length,
    contentHash: contentHashOf(res.body),
    etag: res.etag,
    lastModified: res.lastModified,
    durationMs: res.durationMs,
  };
  let extraction: ReturnType<typeof decideExtracted>;
  try {
    // The body is handed over to the extraction thread (moved, not copied): not used after this.
    const a = await timed(
      ports.metrics.extractSeconds,
      () => ports.extractPool.extract({ bytes: res.body, contentType: res.contentType, url: res.url }),
      (r) => ('value' in r ? 'ok' : r.error instanceof ExtractError ? r.error.reason : 'error'),
    );
    extraction = decideExtracted(state, fetch, page, a);
  } catch (err) {
    if (!(err instanceof ExtractError)) throw err;
    await store.append(
      stream,
      decideExtractionFailed(fetch, page, { reason: err.reason as ReasonCode, message: err.message }),
    );
    log.warn({ reason: err.reason, message: err.message }, 'article extraction failed');
    return 'failed';
  }
  // Analysed here, the article's extraction and analysis commit together in one transaction.
  const { events, extracted } = extraction;
  const here = options.analyze ? await analysisHere(ports, job, { ...state, extracted, permanentFailure: null }) : null;
  await store.appendMany([{ streamId: stream, events }, ...(here?.appends ?? [])]);
  log.info({ bytes: page.bytes }, 'article extracted');
  if (!here || here.failed) await queueAnalysis(ports, job);
  return 'extracted';
}
