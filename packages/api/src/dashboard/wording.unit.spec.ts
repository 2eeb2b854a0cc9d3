import type { Statement } from '@tally/projections';
import { describe, expect, it } from 'vitest';
import { figureTitle, hedgeMark, readableDate, sourceWording, statementPeriod, statementWording } from './wording.ts';

describe('figure wording', () => {
  it('dates statements at the precision they were given', () => {
    expect(readableDate('2023-10-13')).toBe('13 Oct 2023');
    expect(readableDate('2024-05')).toBe('May 2024');
    expect(readableDate('2023')).toBe('2023');
    expect(readableDate(null)).toBe('undated');
  });

  it('titles a figure from its parties and counted thing', () => {
    expect(
      figureTitle({
        figureKey: 'transfer:KP>RU:container',
        subject: 'North Korea',
        recipient: 'Russia',
        concept: 'container',
        unit: null,
        predicate: 'transfer',
      }),
    ).toBe('North Korea → Russia: containers (transfer)');
    // As the claims package writes it: the unit is the counted noun, the concept qualifies it.
    expect(
      figureTitle({
        figureKey: 'stock:RU:artillery shell',
        subject: 'Russia',
        recipient: null,
        concept: 'ammunition',
        unit: 'artillery shell',
        predicate: 'stock',
      }),
    ).toBe('Russia: artillery shells (stock)');
  });
});

describe('figure wording: figures of any beat', () => {
  const heading = { recipient: null, concept: null, predicate: 'rise' };

  it('titles a figure by its entity and measure, with the unit of its row, not of its key', () => {
    expect(
      figureTitle({
        ...heading,
        figureKey: 'level:acme-hardware:revenue:USD',
        subject: 'Acme Hardware',
        unit: 'USD',
        measure: 'revenue',
      }),
    ).toBe('Acme Hardware: revenue (USD)');
    expect(
      figureTitle({
        ...heading,
        figureKey: 'sell:local-auto-dealers:car sale:car',
        subject: 'Local auto dealers',
        unit: 'car',
        measure: 'car sales',
        predicate: 'sell',
      }),
    ).toBe('Local auto dealers: car sales (cars, sell)');
    // A key with a scope after its unit: the unit is the row's.
    expect(
      figureTitle({
        ...heading,
        figureKey: 'transfer:KP>RU:container:shipment',
        subject: 'North Korea',
        recipient: 'Russia',
        unit: 'container',
        predicate: 'transfer',
      }),
    ).toBe('North Korea → Russia: containers (transfer)');
    // A change's measure says it is one; a level needs no family.
    expect(
      figureTitle({
        ...heading,
        figureKey: 'change:acme-hardware:sales growth:%',
        subject: 'Acme Hardware',
        unit: '%',
        measure: 'sales growth',
      }),
    ).toBe('Acme Hardware: sales growth (%)');
    expect(figureTitle({ ...heading, figureKey: 'level:dow-jones:%', subject: 'Dow Jones', unit: '%' })).toBe(
      'Dow Jones: %',
    );
  });

  it('names a party by the id of its key when no statement named it, and none when the key does not know it', () => {
    expect(
      figureTitle({
        ...heading,
        figureKey: 'level:acme-hardware:revenue:USD',
        subject: null,
        unit: 'USD',
        measure: 'revenue',
      }),
    ).toBe('acme hardware: revenue (USD)');
    expect(
      figureTitle({
        ...heading,
        figureKey: 'kill:?:death toll:person',
        subject: null,
        unit: 'person',
        measure: 'death toll',
        predicate: 'kill',
      }),
    ).toBe('death toll (people, kill)');
  });

  const statement = (over: Partial<Statement>): Statement =>
    ({
      value: 27.2e9,
      range: null,
      bound: '=',
      qualifier: null,
      unit: 'USD',
      valueIs: 'level',
      change: null,
      changeBy: null,
      changeUnit: null,
      previous: null,
      period: null,
      hedged: false,
      hedge: null,
      sources: [],
      ...over,
    }) as Statement;

  it('words a statement with its change, its period and its hedge', () => {
    const s = statement({
      change: 'up',
      changeBy: 3.5,
      changeUnit: '%',
      period: { from: '2019-07', to: '2019-09', text: 'the third quarter', label: 'Q3 2019' },
    });
    expect(statementWording(s, null)).toBe('$27.2 billion, up 3.5%');
    expect(statementPeriod(s)).toBe('Q3 2019');
    expect(hedgeMark(s)).toBeNull();
    expect(hedgeMark(statement({ hedged: true, hedge: 'target' }))).toBe('target');
    // A source without the change words its own figure.
    const src = {
      value: 27.2e9,
      range: null,
      bound: '=',
      qualifier: null,
      change: null,
      changeBy: null,
      changeUnit: null,
      previous: null,
    } as unknown as Statement['sources'][number];
    expect(sourceWording(src, s, null)).toBe('$27.2 billion');
  });

  it('words statements of rows made before figures of any beat, which lack the new fields', () => {
    const old = {
      value: 1000,
      range: null,
      bound: '>',
      qualifier: 'more than',
      unit: 'container',
      change: null,
      hedged: false,
      sources: [],
    } as unknown as Statement;
    expect(statementWording(old, null)).toBe('more than 1,000 containers');
    expect(statementPeriod(old)).toBeNull();
    expect(hedgeMark({ hedged: true } as Statement)).toBe('hedged');
  });
});
