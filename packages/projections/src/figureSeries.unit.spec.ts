import type { Period, StoredEvent } from '@tally/events';
import { describeFigure } from '@tally/figure-wording';
import { describe, expect, it } from 'vitest';
import { InMemoryProjections } from './applyEvents.ts';
import type { FigureRow } from './figures.ts';
import { type FigureView, figureSummary, figureView } from './figureView.ts';
import { type ClaimInput, LogBuilder, storedFrom } from './testing/index.ts';

const quarter = (n: number, year: number, text = `Q${n}`): Period => ({
  from: `${year}-${String(3 * n - 2).padStart(2, '0')}`,
  to: `${year}-${String(3 * n).padStart(2, '0')}`,
  text,
  label: `Q${n} ${year}`,
});
const year2020: Period = { from: '2020', to: '2020', text: 'next year', label: '2020' };

const revenue = 'level:acme-hardware:revenue:USD';
const company = { name: 'Acme Hardware', role: null };

function said(over: Partial<ClaimInput> & { articleId: string; value: number; publishedAt: string }): ClaimInput {
  return {
    figureKey: revenue,
    subject: 'Acme Hardware',
    predicate: 'report',
    bound: '=',
    unit: 'USD',
    measure: 'revenue',
    concept: 'revenue',
    speaker: company,
    statedAt: over.publishedAt.slice(0, 10),
    sentence: `Acme Hardware said its revenue was ${over.value}.`,
    url: `https://${over.articleId}.example/story`,
    siteName: `${over.articleId} news`,
    ...over,
  };
}

/** A company's quarterly revenue through four reports, and a forecast. */
function revenueLog(): LogBuilder {
  return (
    new LogBuilder()
      // Q3, with its change, and the same figure by another outlet without it.
      .claim(
        said({
          articleId: 'a1',
          value: 27.2e9,
          change: 'up',
          changeBy: 3.5,
          changeUnit: '%',
          period: quarter(3, 2019, 'the third quarter'),
          publishedAt: '2019-11-19T12:00:00Z',
          sentence: 'Acme Hardware said its revenue rose 3.5% to $27.2bn in the third quarter.',
        }),
      )
      .claim(
        said({
          articleId: 'a2',
          value: 27.2e9,
          period: quarter(3, 2019),
          publishedAt: '2019-11-19T15:00:00Z',
        }),
      )
      // Q4 and a forecast for the next year in one report.
      .claim(
        said({
          articleId: 'a3',
          value: 28.1e9,
          change: 'up',
          changeBy: 2.1,
          changeUnit: '%',
          period: quarter(4, 2019, 'the fourth quarter'),
          publishedAt: '2020-02-25T12:00:00Z',
          span: [0, 60],
        }),
      )
      .claim(
        said({
          articleId: 'a3',
          value: 30e9,
          hedged: true,
          period: year2020,
          publishedAt: '2020-02-25T12:00:00Z',
          span: [100, 160],
          sentence: 'Acme Hardware expects revenue to reach $30bn next year.',
        }),
      )
      // A later report recalling Q3: stated last, about an earlier period.
      .claim(
        said({
          articleId: 'a4',
          value: 27.2e9,
          speaker: null,
          period: quarter(3, 2019),
          publishedAt: '2020-03-10T12:00:00Z',
        }),
      )
  );
}

const fold = (events: readonly StoredEvent[]) => new InMemoryProjections().apply(events);
const view = (p: InMemoryProjections, key: string): FigureView => figureView(p.row<FigureRow>('figures', key)!);
const worded = (s: FigureView['history'][number]) => describeFigure(s, s.qualifier);

describe('figures of a recurring measure', () => {
  const p = fold(revenueLog().stored());
  const f = view(p, revenue);

  it('given four reports and a forecast, then the history is the series of periods, whenever each was stated', () => {
    expect(f.history.map((s) => [s.period?.label ?? null, s.value, s.sources.map((x) => x.articleId)])).toEqual([
      ['Q3 2019', 27.2e9, ['a1', 'a2']],
      ['Q3 2019', 27.2e9, ['a4']],
      ['Q4 2019', 28.1e9, ['a3']],
      ['2020', 30e9, ['a3']],
    ]);
  });

  it('makes the latest period stated as a fact the current figure: not the forecast, not the later recap', () => {
    expect(f.current).toMatchObject({ value: 28.1e9, period: { label: 'Q4 2019' }, hedged: false });
    expect(f.measure).toBe('revenue');
    expect(figureSummary(p.row<FigureRow>('figures', revenue)!).current?.statementId).toBe(f.current?.statementId);
  });

  it('marks the forecast as such', () => {
    const forecast = f.history.at(-1)!;
    expect(forecast).toMatchObject({ hedged: true, hedge: 'forecast' });
    expect(f.history.filter((s) => s.hedged)).toHaveLength(1);
    expect(f.history.every((s) => s.hedge === null || s.hedged)).toBe(true);
  });

  it('words a level with the change a source gives, even when another source of the statement leaves it out', () => {
    expect(f.history.map(worded)).toEqual([
      '$27.2 billion, up 3.5%',
      '$27.2 billion',
      '$28.1 billion, up 2.1%',
      '$30 billion',
    ]);
    const q3 = f.history[0]!;
    expect(q3.sources.map((s) => [s.articleId, s.changeBy])).toEqual([
      ['a1', 3.5],
      ['a2', null],
    ]);
    expect(q3.conflicts).toEqual([]);
  });

  it('does not depend on the order the claims arrived in', () => {
    const entries = revenueLog().entries;
    const reversed = view(fold(storedFrom([...entries].reverse())), revenue);
    const strip = (v: FigureView) => v.history.map(({ sources: _s, ...s }) => s);
    expect(strip(reversed)).toEqual(strip(f));
    expect(reversed.current?.statementId).toBe(f.current?.statementId);
  });

  it('falls back to statement dates when no period is known, and makes a forecast current only when nothing else stands', () => {
    const log = new LogBuilder()
      .claim(said({ articleId: 'b1', value: 1e9, publishedAt: '2020-01-10T00:00:00Z' }))
      .claim(said({ articleId: 'b2', value: 2e9, hedged: true, publishedAt: '2020-02-10T00:00:00Z' }));
    const g = view(fold(log.stored()), revenue);
    expect(g.history.map((s) => s.value)).toEqual([1e9, 2e9]);
    expect(g.current?.value).toBe(1e9);
    const only = view(
      fold(
        new LogBuilder()
          .claim(said({ articleId: 'c', value: 2e9, hedged: true, publishedAt: '2020-02-10T00:00:00Z' }))
          .stored(),
      ),
      revenue,
    );
    expect(only.current).toMatchObject({ value: 2e9, hedged: true, hedge: 'hedged' });
  });
});

describe('statements of one period', () => {
  it('given a source without a period, then it joins the statement of its period; two periods with one value stay two statements', () => {
    const log = new LogBuilder()
      .claim(
        said({
          articleId: 'a',
          value: 5e9,
          period: quarter(1, 2020),
          publishedAt: '2020-07-20T00:00:00Z',
          span: [0, 10],
        }),
      )
      .claim(
        said({
          articleId: 'a',
          value: 5e9,
          period: quarter(2, 2020),
          publishedAt: '2020-07-20T00:00:00Z',
          span: [20, 30],
        }),
      )
      .claim(said({ articleId: 'b', value: 5e9, period: quarter(2, 2020), publishedAt: '2020-07-20T00:00:00Z' }));
    const f = view(fold(log.stored()), revenue);
    expect(f.history.map((s) => [s.period?.label, s.sources.map((x) => x.articleId)])).toEqual([
      ['Q1 2020', ['a']],
      ['Q2 2020', ['a', 'b']],
    ]);
  });

  it('lists sources that state the change differently, or give two periods, as conflicts', () => {
    const log = new LogBuilder()
      .claim(
        said({
          articleId: 'a',
          value: 9e9,
          change: 'up',
          changeBy: 2.1,
          changeUnit: '%',
          publishedAt: '2020-02-25T00:00:00Z',
        }),
      )
      .claim(
        said({
          articleId: 'b',
          value: 9e9,
          change: 'up',
          changeBy: 2.2,
          changeUnit: '%',
          publishedAt: '2020-02-25T00:00:00Z',
        }),
      )
      .claim(said({ articleId: 'c', value: 9e9, publishedAt: '2020-02-25T00:00:00Z' }));
    const [s] = view(fold(log.stored()), revenue).history;
    expect(s!.conflicts).toEqual([
      {
        kind: 'change',
        detail: 'sources state the change differently: up 2.1% (1 source) vs up 2.2% (1 source)',
        sides: [
          { label: 'up 2.1%', bound: null, articleIds: ['a'] },
          { label: 'up 2.2%', bound: null, articleIds: ['b'] },
        ],
      },
    ]);
    // A source without a period bridges two: the disagreement shows.
    const bridged = new LogBuilder()
      .claim(said({ articleId: 'a', value: 7e9, period: quarter(1, 2020), publishedAt: '2020-07-20T00:00:00Z' }))
      .claim(said({ articleId: 'b', value: 7e9, publishedAt: '2020-07-20T00:00:00Z' }))
      .claim(said({ articleId: 'c', value: 7e9, period: quarter(2, 2020), publishedAt: '2020-07-20T00:00:00Z' }));
    const [t] = view(fold(bridged.stored()), revenue).history;
    expect(t!.conflicts.map((c) => c.detail)).toEqual([
      'sources give different periods: Q1 2020 (1 source) vs Q2 2020 (1 source)',
    ]);
  });
});

describe('changes and their levels', () => {
  it('words a level with the level it left: "£118 million, down from £138 million"', () => {
    const key = 'level:acme-hardware:pre-tax profit:GBP';
    const log = new LogBuilder().claim(
      said({
        figureKey: key,
        articleId: 'a',
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
        publishedAt: '2020-02-25T00:00:00Z',
      }),
    );
    const f = view(fold(log.stored()), key);
    expect(f.current).toMatchObject({ valueIs: 'level', previous: 138e6, measure: 'pre-tax profit' });
    expect(worded(f.current!)).toBe('£118 million, down from £138 million');
  });

  it('words a figure that is itself a change as one, and keeps it apart from a level', () => {
    const key = 'change:acme-hardware:sales growth:%';
    const log = new LogBuilder()
      .claim(
        said({
          figureKey: key,
          articleId: 'a',
          value: 5,
          unit: '%',
          measure: 'sales growth',
          change: 'up',
          changeBy: 5,
          changeUnit: '%',
          publishedAt: '2020-02-25T00:00:00Z',
        }),
      )
      .claim(
        said({
          figureKey: key,
          articleId: 'b',
          value: 5,
          unit: '%',
          measure: 'sales growth',
          publishedAt: '2020-02-25T00:00:00Z',
        }),
      );
    const f = view(fold(log.stored()), key);
    expect(f.history.map((s) => [s.valueIs, worded(s)])).toEqual([
      ['change', 'up 5%'],
      ['level', '5%'],
    ]);
  });
});

describe('running totals', () => {
  it('a total "since" a month, said later, stands after a total said in that month without a period', () => {
    const key = 'level:acme-hardware:stores:store';
    const log = new LogBuilder()
      .claim(
        said({
          figureKey: key,
          articleId: 'may',
          value: 140,
          unit: 'store',
          statedAt: '2024-05-03',
          publishedAt: '2024-05-03T00:00:00Z',
          period: { from: '2023-12', to: null, text: 'since the end of last year' },
        }),
      )
      .claim(
        said({
          figureKey: key,
          articleId: 'december',
          value: 100,
          unit: 'store',
          statedAt: '2023-12-20',
          publishedAt: '2023-12-21T00:00:00Z',
        }),
      );
    const f = view(fold(log.stored()), key);
    expect(f.history.map((s) => s.value)).toEqual([100, 140]);
    expect(f.current?.value).toBe(140);
  });
});

describe('claims stored before figures of any beat', () => {
  it('fold with the new fields null, and a change without a measure still reads as an amount of change', () => {
    const key = 'transfer:KP>RU:container';
    const log = new LogBuilder()
      .claim({
        figureKey: key,
        articleId: 'a',
        value: 300,
        bound: '=',
        unit: 'container',
        statedAt: '2023-10-13',
        sentence: 'Deliveries rose by 300 containers.',
        url: 'https://a.example/1',
        publishedAt: '2023-10-14T00:00:00Z',
        change: 'up',
      })
      .claim({
        figureKey: key,
        articleId: 'b',
        value: 1000,
        bound: '>',
        unit: 'container',
        statedAt: '2023-10-13',
        sentence: 'More than 1,000 containers.',
        url: 'https://b.example/1',
        publishedAt: '2023-10-14T00:00:00Z',
        period: { from: '2023-09', to: '2023-10', text: 'since September', label: 'x' },
      });
    for (const { event } of log.entries) {
      const data = event.data as Record<string, unknown>;
      for (const field of ['measure', 'changeBy', 'changeUnit', 'previous']) delete data[field];
      const period = data.period as Period | null;
      if (period) data.period = { from: period.from, to: period.to, text: period.text };
    }
    const row = fold(log.stored()).row<FigureRow>('figures', key)!;
    expect(row.claims.every((c) => c.measure === null && c.changeBy === null && c.previous === null)).toBe(true);
    const f = figureView(row);
    expect(f.measure).toBeNull();
    expect(f.history.map((s) => [s.valueIs, s.measure, s.changeBy, s.period?.text ?? null, worded(s)])).toEqual([
      // The period (from September) places it before the other, stated in October.
      ['level', null, null, 'since September', 'more than 1,000 containers'],
      ['change', null, null, null, 'up 300 containers'],
    ]);
  });
});
