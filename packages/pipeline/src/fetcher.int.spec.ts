import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@tally/config';
import { type EventStore, openEventStore } from '@tally/event-store';
import { articleIdFor, makeEvent, type StoredEvent, streams } from '@tally/events';
import type {} from '@tally/local-services/vitest-setup';
import { silentLogger } from '@tally/logger';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fetchArticle, TransientFetchError } from './fetcher.ts';
import { openRuntime, type Runtime } from './runtime.ts';
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
  let server: Server;
  let base: string;
  let store: EventStore;
  let rt: Runtime;
  let flaky = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/ok' || path.startsWith('/ok?')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('Containers keep moving', paragraphs));
      } else if (path === '/cp1251') {
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
        // "Контейнери" in windows-1251 bytes inside an otherwise ASCII page.
        const word = Buffer.from([0xca, 0xee, 0xed, 0xf2, 0xe5, 0xe9, 0xed, 0xe5, 0xf0, 0xe8]);
        const [before, after] = page('Cyrillic', `${paragraphs}<p>Slovo: @@</p>`).split('@@');
        res.end(Buffer.concat([Buffer.from(before!), word, Buffer.from(after!)]));
      } else if (path === '/gone') {
        res.writeHead(410).end();
      } else if (path === '/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not a page');
      } else if (path === '/flaky') {
        flaky++;
        if (flaky < 2) res.writeHead(503).end();
        else res.writeHead(200, { 'content-type': 'text/html' }).end(page('Back again', paragraphs));
      } else if (path === '/empty') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>');
      } else {
        res.writeHead(404).end('not here');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = await openEventStore({ dataDir: 'memory://' });
    const config = loadConfig(
      {
        REDIS_URL: inject('redisUrl'),
        QUEUE_PREFIX: `t${randomUUID().slice(0, 8)}`,
        HTTP_ALLOW: '127.0.0.1',
        HTTP_HOST_INTERVAL_MS: 0,
        LOG_LEVEL: 'silent',
        EXTRACT_THREADS: 1,
      },
      {},
    );
    rt = await openRuntime(config, silentLogger, { store });
  });

  afterAll(async () => {
    await rt?.close();
    await store?.close();
    await new Promise((r) => server?.close(r));
  });

  async function discover(path: string): Promise<{ articleId: string; url: string }> {
    const url = `${base}${path}`;
    const articleId = articleIdFor(url);
    await store.append(streams.article(articleId), [
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
  const eventsOf = async (articleId: string): Promise<StoredEvent[]> => store.readStream(streams.article(articleId));
  const types = async (articleId: string) => (await eventsOf(articleId)).map((e) => e.type);

  it('fetches and extracts a page, and enqueues its analysis', async () => {
    const a = await discover('/ok');
    expect(await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('extracted');
    expect(await types(a.articleId)).toEqual(['ArticleDiscovered', 'ArticleFetched', 'ArticleExtracted']);
    const extracted = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleExtracted');
    expect(extracted?.type === 'ArticleExtracted' && extracted.data.text).toContain('satellite images');
    expect(await rt.queues.queues.analyzeArticle.getJob(`analyze_${a.articleId}`)).toBeTruthy();
  });

  it('is idempotent: fetching a finished article again appends nothing', async () => {
    const a = await discover('/ok');
    expect(await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('skipped');
    expect(await types(a.articleId)).toEqual(['ArticleDiscovered', 'ArticleFetched', 'ArticleExtracted']);
  });

  it('decodes the page in the charset the server names', async () => {
    const a = await discover('/cp1251');
    await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 1, false);
    const extracted = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleExtracted');
    expect(extracted?.type === 'ArticleExtracted' && extracted.data.text).toContain('Контейнери');
  });

  it.each([
    ['/missing', 'http-404'],
    ['/gone', 'http-410'],
    ['/pdf', 'not-html'],
  ])('records %s as a permanent %s failure and does not retry', async (path, reason) => {
    const a = await discover(path);
    expect(await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('failed');
    const failed = (await eventsOf(a.articleId)).filter((e) => e.type === 'ArticleFetchFailed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ reason, permanent: true });
    // A later attempt sees the permanent failure and does nothing.
    expect(await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 2, false)).toBe('skipped');
    expect((await eventsOf(a.articleId)).filter((e) => e.type === 'ArticleFetchFailed')).toHaveLength(1);
  });

  it('records a 503 as transient and throws for a retry, then succeeds', async () => {
    const a = await discover('/flaky');
    await expect(fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).rejects.toBeInstanceOf(
      TransientFetchError,
    );
    expect(await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 2, false)).toBe('extracted');
    const failures = (await eventsOf(a.articleId)).filter((e) => e.type === 'ArticleFetchFailed');
    expect(failures.map((e) => e.data)).toMatchObject([{ reason: 'http-5xx', permanent: false, attempt: 1 }]);
  });

  it('records an empty page as an extraction failure with a reason', async () => {
    const a = await discover('/empty');
    expect(await fetchArticle(rt, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('failed');
    const failed = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleExtractionFailed');
    expect(failed?.data).toMatchObject({ reason: 'empty' });
  });

  it('refuses a private address that is not allowlisted', async () => {
    const config = loadConfig(
      { REDIS_URL: inject('redisUrl'), QUEUE_PREFIX: `t${randomUUID().slice(0, 8)}`, LOG_LEVEL: 'silent' },
      {},
    );
    const guarded = await openRuntime(config, silentLogger, { store, extractPool: false });
    try {
      const a = await discover('/ok?guarded');
      expect(await fetchArticle(guarded, { ...a, feedId: 'f_test', runId: null }, 1, false)).toBe('failed');
      const failed = (await eventsOf(a.articleId)).find((e) => e.type === 'ArticleFetchFailed');
      expect(failed?.data).toMatchObject({ reason: 'refused-address', permanent: true });
    } finally {
      await guarded.close();
    }
  });

  it('analyses the article in the same job when asked to, queueing no analysis', async () => {
    const a = await discover('/ok?analyze=here');
    const job = { ...a, feedId: 'f_test', runId: null };
    expect(await fetchArticle(rt, job, 1, false, { analyze: true })).toBe('extracted');
    expect(await types(a.articleId)).toEqual([
      'ArticleDiscovered',
      'ArticleFetched',
      'ArticleExtracted',
      'ArticleAnalyzed',
    ]);
    expect(await rt.queues.queues.analyzeArticle.getJob(`analyze_${a.articleId}`)).toBeFalsy();
    expect(await fetchArticle(rt, job, 1, false, { analyze: true })).toBe('skipped');
    expect((await types(a.articleId)).length).toBe(4);
  });

  it('finds articles extracted but never analysed, and queues their analysis again', async () => {
    const extractedOnly = await discover('/ok?analyze=later');
    await fetchArticle(rt, { ...extractedOnly, feedId: 'f_test', runId: null }, 1, false);
    const analysed = await discover('/ok?analyze=now');
    await fetchArticle(rt, { ...analysed, feedId: 'f_test', runId: null }, 1, false, { analyze: true });
    const pending = await unanalyzedArticles(store);
    expect(pending).toContain(extractedOnly.articleId);
    expect(pending).not.toContain(analysed.articleId);
    // The process died before the analysis job was queued: the sweep queues it.
    const jobId = `analyze_${extractedOnly.articleId}`;
    await (await rt.queues.queues.analyzeArticle.getJob(jobId))?.remove();
    expect(await sweepUnanalyzed(rt)).toBe(pending.length);
    expect(await rt.queues.queues.analyzeArticle.getJob(jobId)).toBeTruthy();
  });
});
