import { describe, expect, it } from 'vitest';
import type { ArticleRow } from './ArticleRow.ts';
import type { DuplicateClusterRow } from './duplicates.ts';
import { given } from './testing/index.ts';

const url = 'https://a.example/story';
const discovered = (log: import('./testing/index.ts').LogBuilder, id = 'a', feedId = 'f1') =>
  log.articleDiscovered({
    articleId: id,
    feedId,
    url: `https://${id}.example/story`,
    title: `Title ${id}`,
    publishedAt: '2024-01-02T10:00:00Z',
  });
const article = (p: import('./applyEvents.ts').InMemoryProjections, id = 'a') => p.row<ArticleRow>('articles', id)!;

describe('articles: status through each stage', () => {
  it('moves discovered → fetched → extracted → analyzed, keeping what each stage learnt', () => {
    given((log) => discovered(log))
      .when((log) =>
        log
          .articleFetched('a', url)
          .articleExtracted({ articleId: 'a', url, siteName: 'A Times', title: 'Better title' })
          .articleAnalyzed('a', 3),
      )
      .then((p) => {
        expect(article(p)).toMatchObject({
          status: 'analyzed',
          reason: null,
          title: 'Better title',
          siteName: 'A Times',
          publishedAt: '2024-01-02T10:00:00Z',
          feedIds: ['f1'],
          claimCount: 3,
          httpStatus: 200,
        });
      });
  });

  it('records a permanent fetch failure with its reason code', () => {
    given((log) => discovered(log))
      .when((log) => log.articleFetchFailed('a', url, 'http-404', true))
      .then((p) => {
        expect(article(p)).toMatchObject({ status: 'fetch-failed', reason: 'http-404', retrying: false });
        expect(article(p).failures).toMatchObject([{ stage: 'fetch', reason: 'http-404', permanent: true }]);
      });
  });

  it('shows a transient failure as retrying, and the later success replaces it', () => {
    given((log) => discovered(log).articleFetchFailed('a', url, 'timeout', false))
      .when((log) => log.articleFetched('a', url))
      .then((p) => {
        expect(article(p)).toMatchObject({ status: 'fetched', reason: null, retrying: false, fetchAttempts: 2 });
        expect(article(p).failures).toHaveLength(1);
      });
  });

  it('never moves back a stage: a late fetch failure after extraction is recorded, not shown as the status', () => {
    given((log) => discovered(log).articleFetched('a', url).articleExtracted({ articleId: 'a', url, siteName: null }))
      .when((log) => log.articleFetchFailed('a', url, 'timeout', false, 2))
      .then((p) => {
        expect(article(p).status).toBe('extracted');
        expect(article(p).failures).toHaveLength(1);
      });
  });

  it('records an extraction failure with its reason', () => {
    given((log) => discovered(log).articleFetched('a', url))
      .when((log) => log.articleExtractionFailed('a', url, 'empty'))
      .then((p) => expect(article(p)).toMatchObject({ status: 'extraction-failed', reason: 'empty' }));
  });

  it('lists every feed that lists the article, the discovering feed first', () => {
    given((log) => discovered(log, 'a', 'f1'))
      .when((log) => log.articleListedByFeed('a', 'f2', url).articleListedByFeed('a', 'f1', url))
      .then((p) => expect(article(p).feedIds).toEqual(['f1', 'f2']));
  });

  it('applies a revision of the feed item to title and date', () => {
    given((log) => discovered(log))
      .when((log) => log.articleRevised('a', 'f1', 'Corrected title', '2024-01-03T00:00:00Z'))
      .then((p) => expect(article(p)).toMatchObject({ title: 'Corrected title', publishedAt: '2024-01-03T00:00:00Z' }));
  });
});

describe('articles and duplicates: copies credited to originals', () => {
  const three = (log: import('./testing/index.ts').LogBuilder) => {
    for (const id of ['o', 'c1', 'c2']) discovered(log, id);
    return log;
  };

  it('marks a copy as duplicate of its original, lists it on the original and in a cluster', () => {
    given(three)
      .when((log) => log.duplicateDetected('c1', 'o', 0.95, 'minhash'))
      .then((p) => {
        expect(article(p, 'c1')).toMatchObject({
          status: 'duplicate',
          duplicateOf: { originalId: 'o', directOriginalId: 'o', similarity: 0.95, method: 'minhash' },
        });
        expect(article(p, 'o').copies.map((c) => c.articleId)).toEqual(['c1']);
        expect(p.row<DuplicateClusterRow>('duplicates', 'o')!.copies).toMatchObject([
          { articleId: 'c1', similarity: 0.95, method: 'minhash' },
        ]);
      });
  });

  it('credits a copy of a copy to the first original', () => {
    given((log) => three(log).duplicateDetected('c1', 'o'))
      .when((log) => log.duplicateDetected('c2', 'c1', 0.9, 'simhash'))
      .then((p) => {
        expect(article(p, 'c2').duplicateOf).toMatchObject({ originalId: 'o', directOriginalId: 'c1' });
        expect(p.row<DuplicateClusterRow>('duplicates', 'o')!.copies.map((c) => c.articleId)).toEqual(['c1', 'c2']);
      });
  });

  it('merges clusters when an original turns out to be a copy, and drops the merged cluster', () => {
    given((log) => three(log).duplicateDetected('c1', 'c2'))
      .when((log) => log.duplicateDetected('c2', 'o'))
      .then((p) => {
        expect(article(p, 'c1').duplicateOf!.originalId).toBe('o');
        expect(article(p, 'c2').copies).toEqual([]);
        expect([...p.rows('duplicates').keys()]).toEqual(['o']);
        expect(p.row<DuplicateClusterRow>('duplicates', 'o')!.copies.map((c) => c.articleId)).toEqual(['c1', 'c2']);
      });
  });

  it('ignores a verdict that would make an article a copy of itself or of its own copy', () => {
    given((log) => three(log).duplicateDetected('c1', 'o'))
      .when((log) => log.duplicateDetected('o', 'c1').duplicateDetected('c2', 'c2'))
      .then((p) => {
        expect(article(p, 'o').duplicateOf).toBeNull();
        expect(article(p, 'c2').status).toBe('discovered');
        expect([...p.rows('duplicates').keys()]).toEqual(['o']);
      });
  });

  it('keeps a duplicate a duplicate when it is analysed afterwards', () => {
    given((log) => three(log).duplicateDetected('c1', 'o'))
      .when((log) => log.articleAnalyzed('c1', 0))
      .then((p) => expect(article(p, 'c1').status).toBe('duplicate'));
  });
});
