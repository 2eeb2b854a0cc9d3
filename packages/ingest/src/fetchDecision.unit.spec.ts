import { EXTRACTOR_VERSION, type ExtractedArticle } from '@tally/extract';
import { describe, expect, it } from 'vitest';
import { foldArticle } from './articleState.ts';
import {
  decideExtracted,
  decideExtractionFailed,
  decideFetchFailed,
  type FetchAttempt,
  type FetchedPage,
  fetchNeeded,
  isHtml,
} from './fetchDecision.ts';
import { articleDiscovered, givenArticle, storedStream } from './testing/index.ts';

const articleId = 'a_one';
const url = 'https://news.example/a';
const discovered = articleDiscovered(articleId, url, { title: 'Feed title', publishedAt: '2024-05-03T10:00:00.000Z' });
const attempt = (n: number, finalAttempt = false): FetchAttempt => ({ articleId, url, attempt: n, finalAttempt });
const page: FetchedPage = {
  finalUrl: `${url}/`,
  httpStatus: 200,
  contentType: 'text/html',
  bytes: 1200,
  contentHash: 'h1',
  etag: null,
  lastModified: null,
  durationMs: 30,
};
const article = (over: Partial<ExtractedArticle> = {}): ExtractedArticle => ({
  title: null,
  byline: null,
  siteName: 'News',
  lang: 'en',
  canonicalUrl: null,
  publishedAt: null,
  publishedAtSource: 'none',
  modifiedAt: null,
  text: 'The text.',
  length: 9,
  ...over,
});

describe('whether an article is fetched', () => {
  it('fetches a discovered article, and no article extracted by this version or failed for good', () => {
    givenArticle(articleId, discovered)
      .when(fetchNeeded)
      .then((r) => expect(r).toEqual({ fetch: true }));
    givenArticle(
      articleId,
      discovered,
      decideExtracted(
        foldArticle(articleId, storedStream(`article-${articleId}`, [discovered])),
        attempt(1),
        page,
        article(),
      ).events,
    )
      .when(fetchNeeded)
      .then((r) => expect(r).toEqual({ fetch: false, analyze: true }));
    givenArticle(articleId, discovered, decideFetchFailed(attempt(3, true), failure).events)
      .when(fetchNeeded)
      .then((r) => expect(r).toEqual({ fetch: false, analyze: false }));
  });
});

const failure = { reason: 'http-5xx' as const, message: 'bad gateway', httpStatus: 502, permanent: false };
describe('a fetch that failed', () => {
  it('is retried while attempts are left, and permanent on the last', () => {
    expect(decideFetchFailed(attempt(1), failure)).toMatchObject({
      permanent: false,
      events: [{ type: 'ArticleFetchFailed', data: { attempt: 1, permanent: false, reason: 'http-5xx' } }],
    });
    expect(decideFetchFailed(attempt(3, true), failure).permanent).toBe(true);
    expect(decideFetchFailed(attempt(1), { ...failure, reason: 'http-404', permanent: true }).permanent).toBe(true);
  });

  it('is one event per attempt', () => {
    expect(decideFetchFailed(attempt(1), failure).events[0]!.id).not.toBe(
      decideFetchFailed(attempt(2), failure).events[0]!.id,
    );
  });
});

describe('a fetched page', () => {
  it('is a page by its content type, else by its first bytes', () => {
    expect(isHtml('text/html; charset=utf-8', Buffer.from(''))).toBe(true);
    expect(isHtml('application/pdf', Buffer.from('<html>'))).toBe(false);
    expect(isHtml('text/plain', Buffer.from('<!DOCTYPE html><html>'))).toBe(true);
    expect(isHtml(null, Buffer.from('plain words'))).toBe(false);
  });

  it('takes the feed’s title and date where the page says none', () => {
    givenArticle(articleId, discovered)
      .when((s) => decideExtracted(s, attempt(1), page, { ...article(), charset: 'utf-8' }).events)
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['ArticleFetched', 'ArticleExtracted']);
        expect(events[0]!.data).toMatchObject({ charset: 'utf-8', finalUrl: `${url}/` });
        expect(events[1]!.data).toMatchObject({
          url: `${url}/`,
          title: 'Feed title',
          publishedAt: '2024-05-03T10:00:00.000Z',
          publishedAtSource: 'feed',
          extractorVersion: EXTRACTOR_VERSION,
        });
      });
  });

  it('keeps the page’s own date and where it came from', () => {
    givenArticle(articleId, discovered)
      .when(
        (s) =>
          decideExtracted(
            s,
            attempt(1),
            page,
            article({ publishedAt: '2024-05-02T08:00:00.000Z', publishedAtSource: 'json-ld' }),
          ).events,
      )
      .then((events) =>
        expect(events[1]!.data).toMatchObject({
          publishedAt: '2024-05-02T08:00:00.000Z',
          publishedAtSource: 'json-ld',
        }),
      );
  });

  it('that the extractor cannot read is recorded fetched, with the reason it failed', () => {
    expect(decideExtractionFailed(attempt(1), page, { reason: 'empty', message: 'no text' })).toMatchObject([
      { type: 'ArticleFetched', data: { charset: null } },
      { type: 'ArticleExtractionFailed', data: { reason: 'empty', extractorVersion: EXTRACTOR_VERSION } },
    ]);
  });
});
