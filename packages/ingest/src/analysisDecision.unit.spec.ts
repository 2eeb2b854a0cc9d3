import { makeEvent, streams } from '@tally/events';
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, analysisNeeded, decideAnalysis, readArticleClaims } from './analysisDecision.ts';
import { articleDiscovered, givenArticle } from './testing/index.ts';

const articleId = 'a_one';
const url = 'https://news.example/a';
const discovered = articleDiscovered(articleId, url, { title: 'Feed title', publishedAt: null });
const text =
  'The ministry said on Tuesday that 1,200 households had been evacuated from the valley. ' +
  'Officials said 14 schools would stay closed until Friday.';
const extracted = makeEvent(
  'ArticleExtracted',
  {
    articleId,
    url,
    canonicalUrl: null,
    title: 'Evacuations in the valley',
    byline: null,
    siteName: 'News',
    lang: 'en',
    publishedAt: '2024-05-03T10:00:00.000Z',
    publishedAtSource: 'json-ld',
    modifiedAt: null,
    text,
    textHash: 'h',
    length: text.length,
    extractorVersion: 'test',
  },
  [articleId, 'test'],
);
const analyzed = makeEvent(
  'ArticleAnalyzed',
  { articleId, sentenceCount: 2, quantityCount: 2, claimCount: 0, analyzerVersion: ANALYZER_VERSION, skipped: [] },
  [articleId, ANALYZER_VERSION],
);

describe('whether an article is analysed', () => {
  it('analyses an extracted article once per analyzer version', () => {
    givenArticle(articleId, discovered)
      .when(analysisNeeded)
      .then((a) => expect(a).toBeNull());
    givenArticle(articleId, discovered, extracted)
      .when(analysisNeeded)
      .then((a) => expect(a?.text).toBe(text));
    givenArticle(articleId, discovered, extracted, analyzed)
      .when(analysisNeeded)
      .then((a) => expect(a).toBeNull());
  });
});

describe('what an analysis records', () => {
  const analysis = (
    s: Parameters<typeof decideAnalysis>[0],
    over: Partial<Parameters<typeof decideAnalysis>[1]> = {},
  ) =>
    decideAnalysis(s, {
      articleId,
      reading: readArticleClaims(s, analysisNeeded(s)!),
      duplicate: null,
      replaced: null,
      ...over,
    });

  it('puts each claim on its figure’s stream, with the article’s provenance, and ends with ArticleAnalyzed', () => {
    givenArticle(articleId, discovered, extracted)
      .when((s) => analysis(s))
      .then((appends) => {
        const last = appends.at(-1)!;
        expect(last.streamId).toBe(streams.article(articleId));
        expect(last.events).toMatchObject([{ type: 'ArticleAnalyzed', data: { analyzerVersion: ANALYZER_VERSION } }]);
        const claims = appends.slice(0, -1).flatMap((a) => a.events.map((e) => ({ streamId: a.streamId, e })));
        expect(claims.length).toBeGreaterThan(0);
        expect(claims.length).toBe((last.events[0]!.data as { claimCount: number }).claimCount);
        for (const { streamId, e } of claims) {
          expect(e.type).toBe('ClaimExtracted');
          const d = e.data as { figureKey: string; url: string; siteName: string | null };
          expect(streamId).toBe(streams.figure(d.figureKey));
          expect(d).toMatchObject({ url, siteName: 'News' });
        }
      });
  });

  it('records a copy’s verdict on its own stream first', () => {
    givenArticle(articleId, discovered, extracted)
      .when((s) => analysis(s, { duplicate: { originalId: 'a_zero', similarity: 0.93, method: 'minhash' } }))
      .then((appends) =>
        expect(appends[0]).toEqual({
          streamId: streams.article(articleId),
          events: [
            expect.objectContaining({
              type: 'ArticleDuplicateDetected',
              data: { articleId, originalId: 'a_zero', similarity: 0.93, method: 'minhash' },
            }),
          ],
        }),
      );
  });

  it('credits an article indexed earlier to this one when this one is its original', () => {
    givenArticle(articleId, discovered, extracted)
      .when((s) => analysis(s, { replaced: { id: 'a_two', similarity: 0.9, method: 'simhash' } }))
      .then((appends) =>
        expect(appends[0]).toEqual({
          streamId: streams.article('a_two'),
          events: [
            expect.objectContaining({
              data: { articleId: 'a_two', originalId: articleId, similarity: 0.9, method: 'simhash' },
            }),
          ],
        }),
      );
  });
});
