import { describe, expect, it } from 'vitest';
import { hedgeKind } from './hedges.ts';
import { periodLabel } from './periods.ts';

describe('periods and hedges', () => {
  it('reads a period by its label, else as the report wrote it', () => {
    expect(periodLabel({ from: '2019-10', to: '2019-12', text: 'the fourth quarter', label: 'Q4 2019' })).toBe(
      'Q4 2019',
    );
    expect(periodLabel({ from: null, to: null, text: 'last season' })).toBe('last season');
    expect(periodLabel(null)).toBeNull();
  });

  it('names the kind of a hedged figure from the words that hedge it, the most specific first', () => {
    expect(hedgeKind('The company expects revenue of $30bn next year.')).toBe('forecast');
    expect(hedgeKind('Sales are set to rise to 2 million.')).toBe('forecast');
    expect(hedgeKind('The government would meet its target of 85% by 2025.')).toBe('target');
    expect(hedgeKind('The firm plans to cut 1,000 jobs.')).toBe('plan');
    expect(hedgeKind('He suggested buying around $20bn of goods.')).toBe('proposal');
    expect(hedgeKind('The toll could reach 500.')).toBe('possible');
    expect(hedgeKind('In May, 300 people were reportedly hurt.')).toBe('unconfirmed');
    expect(hedgeKind('The figure is 300.')).toBe('hedged');
  });
});
