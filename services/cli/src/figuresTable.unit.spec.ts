import { type FigureRow, figureSummary, InMemoryProjections } from '@tally/projections';
import { LogBuilder, seedFigureKeys, seedScenario } from '@tally/projections/testing';
import { describe, expect, it } from 'vitest';
import { figureRows, figuresTable } from './figuresTable.ts';

function summaries(log: { stored(): ReturnType<LogBuilder['stored']> }) {
  const rows = new InMemoryProjections().apply(log.stored()).rows<FigureRow>('figures');
  return [...rows.values()].map(figureSummary);
}

const revenue = 'level:acme-hardware:revenue:USD';
const said = {
  figureKey: revenue,
  subject: 'Acme Hardware',
  bound: '=' as const,
  unit: 'USD',
  measure: 'revenue',
  speaker: { name: 'Acme Hardware', role: null },
};

describe('tally figures', () => {
  it('shows the measure, the period and the change of the current figure, and marks a forecast', () => {
    const log = new LogBuilder()
      .claim({
        ...said,
        articleId: 'a',
        value: 28.1e9,
        change: 'up',
        changeBy: 2.1,
        changeUnit: '%',
        period: { from: '2019-10', to: '2019-12', text: 'the fourth quarter', label: 'Q4 2019' },
        statedAt: '2020-02-25',
        sentence: 'Revenue rose 2.1% to $28.1bn in the fourth quarter.',
        url: 'https://a.example/1',
        publishedAt: '2020-02-25T12:00:00Z',
      })
      .claim({
        ...said,
        figureKey: 'level:acme-hardware:capital spending:USD',
        measure: 'capital spending',
        articleId: 'a',
        value: 3e9,
        hedged: true,
        period: { from: '2020', to: '2020', text: 'next year', label: '2020' },
        statedAt: '2020-02-25',
        sentence: 'Acme Hardware plans to spend $3bn next year.',
        url: 'https://a.example/1',
        publishedAt: '2020-02-25T12:00:00Z',
        span: [100, 150],
      });
    const rows = figureRows(summaries(log));
    expect(rows).toEqual([
      [
        'level:acme-hardware:capital spending:USD',
        'capital spending',
        '2020',
        '$3 billion [plan]',
        'Acme Hardware',
        '2020-02-25',
        '1 stmt / 1 src',
      ],
      [revenue, 'revenue', 'Q4 2019', '$28.1 billion, up 2.1%', 'Acme Hardware', '2020-02-25', '1 stmt / 1 src'],
    ]);
  });

  it('prints the seed figures under a header, as before', () => {
    const table = figuresTable(summaries(seedScenario()));
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^figure +measure +period +current +said by +stated +history$/);
    const containers = lines.find((l) => l.startsWith(seedFigureKeys.containers))!;
    expect(containers).toContain('nearly 11,000 containers');
    expect(containers).toContain('Tracey Newell');
    expect(containers).toContain('3 stmt / 5 src / 1 conflict');
  });
});
