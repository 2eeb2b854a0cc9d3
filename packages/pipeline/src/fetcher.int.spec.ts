import { articleIdFor, makeEvent, type StoredEvent, streams } from '@tally/events';
import type {} from '@tally/local-services/vitest-setup';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { forSuite, openFeedRuntime } from './feedRuntime.ts';
import { fetchArticle, TransientFetchError } from './fetcher.ts';
import { sweepUnanalyzed, unanalyzedArticles } from './sweepUnanalyzed.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="Test Gazette"></head><body><nav>Home | World | Sport</nav><article><h1>${title}</h1>${body}</article><footer>© Test Gazette</footer></body></html>`;
const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: officials said the shipments continued through the autumn, and analysts counted the containers again in satellite images taken over several weeks.</p>`,
).join('');

/**
 * The fetcher against a local server: every outcome ends as an event with a reason code; permanent
 * failures are recorded once and not retried, transient ones are recorded and rethrown for a retry.
 */
describe('fetchArticle', () => {
  const h = forSuite(() => openFeedRuntime(inject('redisUrl'), { EXTRACT_THREADS: 1 }, { extract: true }));
  let flaky = 0;

  beforeAll(() => {
    const { server } = h;
    server.route('/ok', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Containers keep moving', paragraphs));
    });
    server.route('/cp1251', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      // "Контейнери" in windows-1251 bytes inside an otherwise ASCII page.
      const word = Buffer.from([0xca, 0xee, 0xed, 0xf2, 0xe5, 0xe9, 0xed, 0xe5, 0xf0, 0xe8]);
      const [before, after] = page('Cyrillic', `${paragraphs}<p>Slovo: @@</p>`).split('@@');
      res.end(Buffer.concat([Buffer.from(before!), word, Buffer.from(after!)]));
    });
    server.route('/gone', (_req, res) => res.writeHead(410).end());
    server.route('/pdf', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not a page'),
    );
    server.route('/flaky', (_req, res) => {
      flaky++;
      if (flaky < 2) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end(page('Back again', paragraphs));
    });
    server.route('/empty', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>'),
    );
  });

  async function discover(path: string): Promise<{ articleId: string; url: string }> {
    const url = `${h.server.origin}${path}`;
    const articleId = articleIdFor(url);
    await h.store.append(streams.article(articleId), [
      makeEvent(
        'ArticleDiscovered',
        {
          articleId,
          feedId: 'f_test',
          url,
          canonicalUrl: url,
          itemKey: url,
          title: null,
          publishedAt: null,
          summary: null,
        },
        [articleId],
      ),
    ]);
    return { articleId, url };
  }
  const eventsOf = async (articleId: string): Promise<StoredEvent[]> => h.store.readStream(streams.article(articleId));
  const types = async (articleId: string) => (await eventsOf(articleId)).map((e) => e.type);

  it('fetches and extracts a page, and enqueues its analysis', async () => {
    const a = await discover('/ok');
    expect(await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('extracted');
    expect(await types(a.articleId)).toEqual(['ArticleDiscovered', 'ArticleFetched', 'ArticleExtracted']);
    const extracted = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleExtracted');
    expect(extracted?.type === 'ArticleExtracted' && extracted.data.text).toContain('satellite images');
    expect(await h.rt.queues.queues.analyzeArticle.getJob(`analyze_${a.articleId}`)).toBeTruthy();
  });

  it('is idempotent: fetching a finished article again appends nothing', async () => {
    const a = await discover('/ok');
    expect(await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('skipped');
    expect(await types(a.articleId)).toEqual(['ArticleDiscovered', 'ArticleFetched', 'ArticleExtracted']);
  });

  it('decodes the page in the charset the server names', async () => {
    const a = await discover('/cp1251');
    await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 1, false);
    const extracted = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleExtracted');
    expect(extracted?.type === 'ArticleExtracted' && extracted.data.text).toContain('Контейнери');
  });

  it.each([
    ['/missing', 'http-404'],
    ['/gone', 'http-410'],
    ['/pdf', 'not-html'],
  ])('records %s as a permanent %s failure and does not retry', async (path, reason) => {
    const a = await discover(path);
    expect(await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('failed');
    const failed = (await eventsOf(a.articleId)).filter((e) => e.type === 'ArticleFetchFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ reason, permanent: true });
    // A later attempt sees the permanent failure and does nothing.
    expect(await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 2, false)).toBe('skipped');
    expect((await eventsOf(a.articleId)).filter((e) => e.type === 'ArticleFetchFailed')).toHaveLength(1);
  });

  it('records a 503 as transient and throws for a retry, then succeeds', async () => {
    const a = await discover('/flaky');
    await expect(fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).rejects.toBeInstanceOf(
      TransientFetchError,
    );
    expect(await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 2, false)).toBe('extracted');
    const failures = (await eventsOf(a.articleId)).filter((e) => e.type === 'ArticleFetchFailed');
    expect(failures.map((e) => e.data)).toMatchObject([{ reason: 'http-5xx', permanent: false, attempt: 1 }]);
  });

  it('records an empty page as an extraction failure with a reason', async () => {
    const a = await discover('/empty');
    expect(await fetchArticle(h.rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('failed');
    const failed = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleExtractionFailed');
    expect(failed?.data).toMatchObject({ reason: 'empty' });
  });

  it('refuses a private address that is not allowlisted', async () => {
    const guarded = await h.openRuntime({ HTTP_ALLOW: [] });
    const a = await discover('/ok?guarded');
    expect(await fetchArticle(guarded, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('failed');
    const failed = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleFetchFailed');
    expect(failed?.data).toMatchObject({ reason: 'refused-address', permanent: true });
  });

  it('analyses the article in the same job when asked to, queueing no analysis', async () => {
    const a = await discover('/ok?analyze=here');
    const job = { ...a, feedId: 'f_test', runId: null };
    expect(await fetchArticle(h.rt, job, 1, false, { analyze: true })).toBe('extracted');
    expect(await types(a.articleId)).toEqual([
      'ArticleDiscovered',
      'ArticleFetched',
      'ArticleExtracted',
      'ArticleAnalyzed',
    ]);
    expect(await h.rt.queues.queues.analyzeArticle.getJob(`analyze_${a.articleId}`)).toBeFalsy();
    expect(await fetchArticle(h.rt, job, 1, false, { analyze: true })).toBe('skipped');
    expect((await types(a.articleId)).length).toBe(4);
  });

  it('finds articles extracted but never analysed, and queues their analysis again', async () => {
    const extractedOnly = await discover('/ok?analyze=later');
    await fetchArticle(h.rt, { ...extractedOnly, feedId: 'f_test', runId: null }, 1, false);
    const analysed = await discover('/ok?analyze=now');
    await fetchArticle(h.rt, { ...analysed, feedId: 'f_test', runId: null }, 1, false, { analyze: true });
    const pending = await unanalyzedArticles(h.store);
    expect(pending).toContain(extractedOnly.articleId);
    expect(pending).not.toContain(analysed.articleId);
    // The process died before the analysis job was queued: the sweep queues it.
    const jobId = `analyze_${extractedOnly.articleId}`;
    await (await h.rt.queues.queues.analyzeArticle.getJob(jobId))?.remove();
    expect(await sweepUnanalyzed(h.rt)).toBe(pending.length);
    expect(await h.rt.queues.queues.analyzeArticle.getJob(jobId)).toBeTruthy();
  });
});
