import type { Period } from '@tally/events';
import { feedIdFor } from '@tally/events';
import type { ArticleView, FigureView } from '@tally/projection-store';
import { type ClaimInput, LogBuilder } from '@tally/projections/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FigureChange, FigureChangeFeed } from '../src/index.ts';
import { type Harness, startHarness } from './harness.ts';

// A business beat: a company's quarterly revenue with its changes, a forecast, a profit that fell
// from an earlier level, and a claim stored as extractors before 2.0 stored them.
const revenue = 'level:acme-hardware:revenue:USD';
const profit = 'level:acme-hardware:pre-tax profit:GBP';
const deaths = 'kill:?:death toll:person';
const feedUrl = 'https://business-wire.example/feed.xml';
const feedId = feedIdFor(feedUrl);

const quarter = (n: number, year: number): Period => ({
  from: `${year}-${String(3 * n - 2).padStart(2, '0')}`,
  to: `${year}-${String(3 * n).padStart(2, '0')}`,
  text: `the ${['first', 'second', 'third', 'fourth'][n - 1]} quarter`,
  label: `Q${n} ${year}`,
});

function report(
  log: LogBuilder,
  articleId: string,
  publishedAt: string,
  claims: Omit<ClaimInput, 'articleId' | 'url' | 'publishedAt' | 'statedAt'>[],
) {
  const url = `https://business-wire.example/news/${articleId}`;
  log.articleDiscovered({ articleId, feedId, url, title: `Report ${articleId}`, publishedAt });
  log.articleExtracted({ articleId, url, siteName: 'Business Wire', publishedAt });
  claims.forEach((c, i) => {
    log.claim({
      ...c,
      articleId,
      url,
      publishedAt,
      statedAt: publishedAt.slice(0, 10),
      siteName: 'Business Wire',
      span: [i * 100, i * 100 + 80],
    });
  });
  return url;
}

const company = { subject: 'Acme Hardware', speaker: { name: 'Acme Hardware', role: null }, bound: '=' as const };

let h: Harness;
let app: FastifyInstance;

beforeAll(async () => {
  h = await startHarness();
  const log = new LogBuilder().feedRegistered(feedId, feedUrl, 'Business Wire');
  report(log, 'q3', '2019-11-19T12:00:00.000Z', [
    {
      ...company,
      figureKey: revenue,
      predicate: 'rise',
      value: 27.2e9,
      unit: 'USD',
      measure: 'revenue',
      change: 'up',
      changeBy: 3.5,
      changeUnit: '%',
      period: quarter(3, 2019),
      sentence: 'Acme Hardware said revenue rose 3.5% to $27.2bn in the third quarter.',
    },
  ]);
  report(log, 'q4', '2020-02-25T12:00:00.000Z', [
    {
      ...company,
      figureKey: revenue,
      predicate: 'rise',
      value: 28.1e9,
      unit: 'USD',
      measure: 'revenue',
      change: 'up',
      changeBy: 2.1,
      changeUnit: '%',
      period: quarter(4, 2019),
      sentence: 'Revenue rose 2.1% to $28.1bn in the fourth quarter, Acme Hardware said.',
    },
    {
      ...company,
      figureKey: revenue,
      predicate: 'reach',
      value: 30e9,
      unit: 'USD',
      measure: 'revenue',
      hedged: true,
      period: { from: '2020', to: '2020', text: 'next year', label: '2020' },
      sentence: 'Acme Hardware expects revenue to reach $30bn next year.',
    },
    {
      ...company,
      figureKey: profit,
      predicate: 'fall',
      value: 118e6,
      unit: 'GBP',
      measure: 'pre-tax profit',
      change: 'down',
      changeBy: 20e6,
      changeUnit: 'GBP',
      previous: 138e6,
      period: {
        from: '2019-07',
        to: '2019-12',
        text: 'the six months to December',
        label: '6 months to December 2019',
      },
      sentence: 'Pre-tax profit at its UK arm fell from £138m to £118m in the six months to December.',
    },
  ]);
  log.articleAnalyzed('q4', 4, [{ reason: 'sentence-too-long', sentences: 2 }]);
  report(log, 'old', '2020-03-01T12:00:00.000Z', [
    {
      figureKey: deaths,
      predicate: 'kill',
      value: 12,
      bound: '>=',
      unit: 'person',
      speaker: 'police',
      sentence: 'At least 12 people were killed, police said.',
    },
  ]);
  // As extractors before 2.0 stored a claim: without the fields they did not know.
  const old = log.entries.at(-1)!.event.data as Record<string, unknown>;
  for (const field of ['measure', 'changeBy', 'changeUnit', 'previous']) delete old[field];
  await h.append(log.entries);
  await h.project();
  app = await h.app();
});
afterAll(async () => {
  await h?.close();
});

const figure = async (key: string) =>
  ((await app.inject({ url: `/figures/${encodeURIComponent(key)}` })).json() as { figure: FigureView }).figure;

describe('the figure JSON of figures of any beat', () => {
  it('gives the measure, the period, the change with its level, and marks the forecast', async () => {
    const f = await figure(revenue);
    expect(f.measure).toBe('revenue');
    expect(
      f.history.map((s) => [s.period?.label, s.value, s.valueIs, s.change, s.changeBy, s.hedged, s.hedge]),
    ).toEqual([
      ['Q3 2019', 27.2e9, 'level', 'up', 3.5, false, null],
      ['Q4 2019', 28.1e9, 'level', 'up', 2.1, false, null],
      ['2020', 30e9, 'level', null, null, true, 'forecast'],
    ]);
    // The latest period stated as a fact, not the forecast.
    expect(f.current).toMatchObject({ value: 28.1e9, changeUnit: '%', period: { label: 'Q4 2019' } });
    expect((await figure(profit)).current).toMatchObject({
      previous: 138e6,
      change: 'down',
      measure: 'pre-tax profit',
    });
  });

  it('lists figures with the same fields on their current statement', async () => {
    const { figures } = (await app.inject({ url: '/figures' })).json() as { figures: FigureView[] };
    const listed = figures.find((f) => f.figureKey === revenue)!;
    expect(listed.measure).toBe('revenue');
    expect(listed.current).toMatchObject({ value: 28.1e9, changeBy: 2.1, period: { label: 'Q4 2019' }, hedged: false });
  });

  it('reads a claim stored before these fields with them null', async () => {
    const f = await figure(deaths);
    expect(f.current).toMatchObject({
      value: 12,
      measure: null,
      changeBy: null,
      previous: null,
      period: null,
      valueIs: 'level',
    });
  });

  it("shows an article's skipped sentences", async () => {
    const { article } = (await app.inject({ url: '/articles/q4' })).json() as { article: ArticleView };
    expect(article.skipped).toEqual([{ reason: 'sentence-too-long', sentences: 2 }]);
  });

  it('streams claims with their measure, change, period and hedge', async () => {
    const feed = new FigureChangeFeed(h.store);
    try {
      await feed.advance();
      const { changes } = await feed.read(0, 100);
      const claims = changes.flatMap((c: FigureChange) => (c.claim ? [c.claim] : []));
      expect(claims.map((c) => [c.measure, c.changeBy, c.previous, c.period?.label ?? null, c.hedged])).toEqual([
        ['revenue', 3.5, null, 'Q3 2019', false],
        ['revenue', 2.1, null, 'Q4 2019', false],
        ['revenue', null, null, '2020', true],
        ['pre-tax profit', 20e6, 138e6, '6 months to December 2019', false],
        [null, null, null, null, false],
      ]);
    } finally {
      await feed.close();
    }
  });
});

describe('the figures pages of figures of any beat', () => {
  it('lists each figure with its entity, measure, period, change with its level, and the forecast marked', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Acme Hardware: revenue (USD)');
    expect(res.body).toContain('$28.1 billion, up 2.1%');
    expect(res.body).toContain('Q4 2019');
    expect(res.body).toContain('Acme Hardware: pre-tax profit (GBP)');
    expect(res.body).toContain('£118 million, down from £138 million');
    expect(res.body).toContain('people (kill)');
  });

  it("shows a figure's series with periods, changes and the forecast marked", async () => {
    const res = await app.inject({ url: `/figures/${encodeURIComponent(revenue)}/page` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('$27.2 billion, up 3.5%');
    expect(res.body).toContain('Q3 2019');
    expect(res.body).toContain('<span class="badge hedged" title="not a statement of fact">forecast</span>');
    expect(res.body.match(/<a class="point/g)).toHaveLength(3);
    const current = /id="current-figure">([^<]*)</.exec(res.body)?.[1];
    expect(current).toBe('$28.1 billion, up 2.1%');
  });
});
