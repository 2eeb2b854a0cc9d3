import { makeEvent, streams } from '@tally/events';
import { MAX_SENTENCES_PER_ARTICLE } from '@tally/ingest';
import type {} from '@tally/local-services/vitest-setup';
import { describe, expect, inject, it } from 'vitest';
import { analyzeArticle } from './analyzer.ts';
import { forSuite, openTestRuntime } from './feedRuntime.ts';

const body = [
  'North Korea has delivered nearly 11,000 containers of ammunition to Russia since the end of last year, said Tracey Newell, a US diplomat, on Thursday.',
  'The deliveries also included ballistic missile launchers and dozens of ballistic missiles, she told the Organization for Security and Cooperation in Europe.',
  'Russia has repeatedly used this weaponry to strike Ukrainian infrastructure, according to the diplomat, who added that Pyongyang seeks fighter jets in return.',
  'Iran continues to supply Russia with drones as well as air-to-ground ammunition and artillery shells, Newell said.',
].join('\n\n');

/** The analyzer against a real dedupe index in Redis and a real log. */
describe('analyzeArticle', () => {
  const h = forSuite(() => openTestRuntime(inject('redisUrl')));

  async function extracted(articleId: string, text: string, publishedAt: string, url: string): Promise<void> {
    await h.store.append(streams.article(articleId), [
      makeEvent(
        'ArticleExtracted',
        {
          articleId,
          url,
          canonicalUrl: null,
          title: null,
          byline: null,
          siteName: new URL(url).hostname,
          lang: 'en',
          publishedAt,
          publishedAtSource: 'json-ld',
          modifiedAt: null,
          text,
          textHash: articleId,
          length: text.length,
          extractorVersion: 'test',
        },
        [articleId],
      ),
    ]);
  }

  it('credits a copy analysed first to the earlier-published original that arrives later', async () => {
    await extracted('a_copy', `${body}\n\nRead more on our site.`, '2024-05-04T09:00:00Z', 'http://copy.test/a');
    await extracted('a_orig', body, '2024-05-03T06:04:00Z', 'http://orig.test/a');
    await analyzeArticle(h.rt, { articleId: 'a_copy', runId: null });
    await analyzeArticle(h.rt, { articleId: 'a_orig', runId: null });
    const verdicts = (await h.store.readAll({ types: ['ArticleDuplicateDetected'] })).map((e) => e.data);
    expect(verdicts).toEqual([expect.objectContaining({ articleId: 'a_copy', originalId: 'a_orig' })]);
  });

  it('appends each claim to its figure stream once, and analyses an article once per version', async () => {
    await extracted('a_single', body.replace('11,000', '12,000'), '2024-06-01T10:00:00Z', 'http://single.test/a');
    expect(await analyzeArticle(h.rt, { articleId: 'a_single', runId: null })).toBe('analyzed');
    expect(await analyzeArticle(h.rt, { articleId: 'a_single', runId: null })).toBe('skipped');
    const claims = (await h.store.readAll({ types: ['ClaimExtracted'] })).filter(
      (e) => e.type === 'ClaimExtracted' && e.data.articleId === 'a_single',
    );
    const containers = claims.find((c) => c.type === 'ClaimExtracted' && c.data.unit === 'container');
    expect(containers?.streamId).toBe(streams.figure('transfer:KP>RU:container'));
    expect(containers?.data).toMatchObject({ value: 12_000, bound: '~<', speaker: { name: 'Tracey Newell' } });
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });

  it('credits the copy an article replaced although it died before recording that, and an earlier copy replaced it meanwhile', async () => {
    const story = [
      'The city council approved a budget of 4.2 billion euros for next year after a debate that lasted until past midnight, the mayor said on Tuesday.',
      'Spending on public transport rises by a fifth, with 300 new buses ordered and two tram lines extended to the northern suburbs by the end of 2027.',
      'Opposition members said the plan relied on optimistic tax forecasts and voted against it, while two independent members abstained in the final vote.',
      'Schools receive 120 million euros for repairs, and the housing office may build up to 1,500 flats on land the city already owns near the old port.',
    ].join('\n\n');
    await extracted('b_late', `${story}\n\nShare this article.`, '2024-07-03T09:00:00Z', 'http://late.test/b');
    await extracted('b_earlier', story, '2024-07-02T09:00:00Z', 'http://earlier.test/b');
    await extracted(
      'b_earliest',
      `${story}\n\nFirst published by the city desk.`,
      '2024-07-01T09:00:00Z',
      'http://earliest.test/b',
    );
    await analyzeArticle(h.rt, { articleId: 'b_late', runId: null });
    // b_earlier's job checks the index (it replaces b_late) and dies before appending anything
    const first = await h.rt.dedupe.checkAndInsert({
      id: 'b_earlier',
      text: story,
      publishedAt: '2024-07-02T09:00:00Z',
    });
    expect(first).toMatchObject({ verdict: 'original', replaced: { id: 'b_late' } });
    // meanwhile an even earlier copy arrives and replaces b_earlier
    await analyzeArticle(h.rt, { articleId: 'b_earliest', runId: null });
    // the retried job
    expect(await analyzeArticle(h.rt, { articleId: 'b_earlier', runId: null })).toBe('analyzed');
    const verdicts = (await h.store.readAll({ types: ['ArticleDuplicateDetected'] }))
      .map((e) => e.data)
      .filter((d) => 'articleId' in d && d.articleId.startsWith('b_'));
    expect(verdicts).toEqual([
      expect.objectContaining({ articleId: 'b_earlier', originalId: 'b_earliest' }),
      expect.objectContaining({ articleId: 'b_late', originalId: 'b_earlier' }),
    ]);
  });

  it('reads a page of thousands of sentences up to its cap, and records what it left unread and why', async () => {
    // A 4 MB repetition froze a worker for minutes when claims were quadratic in the article's length.
    const page = `${'Officials said 500 containers were shipped. '.repeat(5000)}\n\n${'12 '.repeat(600)}`;
    await extracted('c_huge', page, '2024-08-01T09:00:00Z', 'http://huge.test/c');
    expect(await analyzeArticle(h.rt, { articleId: 'c_huge', runId: null })).toBe('analyzed');
    const [done] = (await h.store.readAll({ types: ['ArticleAnalyzed'] }))
      .map((e) => e.data)
      .filter((d) => 'articleId' in d && d.articleId === 'c_huge');
    expect(done).toMatchObject({
      sentenceCount: MAX_SENTENCES_PER_ARTICLE,
      skipped: [
        { reason: 'sentence-too-long', sentences: 1 },
        { reason: 'article-too-long', sentences: 5000 - MAX_SENTENCES_PER_ARTICLE },
      ],
    });
  });

  it('skips an article with no extracted text', async () => {
    expect(await analyzeArticle(h.rt, { articleId: 'a_unknown', runId: null })).toBe('skipped');
  });
});
