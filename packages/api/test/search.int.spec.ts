import { seedArticleIds, seedFigureKeys } from '@tally/projections/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrors } from '../src/index.ts';
import { type Harness, startSeededHarness } from './harness.ts';

interface Found {
  kind: string;
  figures?: { figureKey: string; rank: number }[];
  articles?: { articleId: string; title: string | null; siteName: string | null; rank: number }[];
  next: string | null;
}

function expectError(res: { statusCode: number; json(): unknown }, code: keyof typeof apiErrors) {
  expect(res.json()).toMatchObject({ code, statusCode: apiErrors[code].status });
  expect(res.statusCode).toBe(apiErrors[code].status);
}

describe.each(['embedded', 'postgres'] as const)('GET /search on the %s log', (log) => {
  let h: Harness;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ h, app } = await startSeededHarness({}, { log }));
  });
  afterAll(async () => {
    await h?.close();
  });

  const search = async (query: string) => {
    const res = await app.inject({ url: `/search?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Found;
  };

  it('finds figures by speaker and entity, and articles by outlet and title words, best first', async () => {
    const bySpeaker = await search('q=Kirby');
    expect(bySpeaker.kind).toBe('figures');
    expect(bySpeaker.figures!.map((f) => f.figureKey)).toContain(seedFigureKeys.containers);
    expect(typeof bySpeaker.figures![0]!.rank).toBe('number');
    const byEntity = await search(`q=${encodeURIComponent('"north korea" russia')}`);
    expect(byEntity.figures!.map((f) => f.figureKey)).toEqual(expect.arrayContaining([seedFigureKeys.containers]));

    const byOutlet = await search('q=pacific+ledger&kind=articles');
    expect(byOutlet.articles!.map((a) => a.articleId)).toEqual([seedArticleIds.r001]);
    expect(byOutlet.articles![0]).toMatchObject({ siteName: 'Pacific Ledger' });
    // "Pyongyang" is in one title; the reports that say it only in their text come after it.
    const byTitle = await search('q=pyongyang&kind=articles');
    expect(byTitle.articles!.length).toBeGreaterThan(1);
    expect(byTitle.articles![0]!.articleId).toBe(seedArticleIds.copyA);
    expect(byTitle.articles![0]!.rank).toBeGreaterThan(byTitle.articles![1]!.rank);
    expect(byTitle).not.toHaveProperty('figures');
  });

  it('pages with Link headers, every article once, in rank order', async () => {
    const all = (await search('q=containers&kind=articles&limit=100')).articles!;
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let url: string | null = '/search?q=containers&kind=articles&limit=2';
    for (let pages = 0; url && pages < 20; pages++) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      const body = res.json() as Found;
      seen.push(...body.articles!.map((a) => a.articleId));
      const link = res.headers.link as string | undefined;
      if (body.next) expect(link).toMatch(/^<\/search\?q=containers&kind=articles&limit=2&after=[^>]+>; rel="next"$/);
      else expect(link).toBeUndefined();
      url = link ? link.slice(1, link.indexOf('>')) : null;
    }
    expect(seen).toEqual(all.map((a) => a.articleId));
  });

  it('takes punctuation and operators as text, and refuses what cannot be searched with a code', async () => {
    for (const q of [`'&|!:*()<->"\\`, 'containers:*', 'kirby & (', '-', 'the']) {
      const res = await app.inject({ url: `/search?q=${encodeURIComponent(q)}&kind=articles` });
      expect(res.statusCode, q).toBe(200);
    }
    expect((await search(`q=${encodeURIComponent('kirby & (')}`)).figures!.map((f) => f.figureKey)).toContain(
      seedFigureKeys.containers,
    );
    expect((await search('q=the')).figures).toEqual([]);
    for (const q of ['', '%20%20', 'kirby%00', 'a'.repeat(201), 'kirby%01']) {
      expectError(await app.inject({ url: `/search?q=${q}` }), 'TALLY_ERR_VALIDATION');
    }
    expectError(await app.inject({ url: '/search' }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: '/search?q=kirby&kind=feeds' }), 'TALLY_ERR_VALIDATION');
    expectError(await app.inject({ url: '/search?q=kirby&after=nonsense' }), 'TALLY_ERR_VALIDATION');
  });
});

describe('the search box on the dashboard', () => {
  let h: Harness;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ h, app } = await startSeededHarness());
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is on the figures page and shows figures and articles found, linked to their pages and events', async () => {
    const index = await app.inject({ url: '/' });
    expect(index.body).toContain('<form class="search" role="search" action="/search/page" method="get">');

    const figures = await app.inject({ url: '/search/page?q=kirby' });
    expect(figures.statusCode).toBe(200);
    expect(figures.headers['content-type']).toMatch(/^text\/html/);
    expect(figures.body).toContain(`href="/figures/${encodeURIComponent(seedFigureKeys.containers)}/page"`);
    expect(figures.body).toContain('value="kirby"');

    const articles = await app.inject({ url: '/search/page?q=pacific+ledger&kind=articles' });
    expect(articles.body).toContain(`data-article-id="${seedArticleIds.r001}"`);
    expect(articles.body).toContain(`href="/streams/article-${seedArticleIds.r001}/page"`);

    const none = await app.inject({ url: `/search/page?q=${encodeURIComponent('<script>zzz</script>')}` });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('id="no-results"');
    expect(none.body).not.toContain('<script>zzz');
    expect(none.body).toContain('&lt;script&gt;zzz');

    const empty = await app.inject({ url: '/search/page?q=' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('id="no-results"');
  });
});
