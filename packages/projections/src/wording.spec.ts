import { describe, expect, it } from 'vitest';
import { countedThing, describeQuantity, readableNumber } from './wording.ts';

describe('quantity wording', () => {
  it('words a figure with its qualifier as the reports do', () => {
    expect(describeQuantity({ value: 11_000, range: null, bound: '~<', unit: null }, 'nearly', 'container')).toBe(
      'nearly 11,000 containers',
    );
    expect(describeQuantity({ value: 1000, range: null, bound: '>', unit: null }, 'more than', 'container')).toBe(
      'more than 1,000 containers',
    );
    expect(describeQuantity({ value: 1000, range: null, bound: '<=', unit: 'containers' }, 'up to')).toBe(
      'up to 1,000 containers',
    );
  });

  it('needs no qualifier for an exact figure, and writes big round numbers in words', () => {
    expect(
      describeQuantity({ value: 4_000_000, range: null, bound: '=', unit: null }, 'exactly', 'artillery-shell'),
    ).toBe('4 million artillery shells');
    expect(describeQuantity({ value: 6e9, range: null, bound: '=', unit: 'USD' }, 'exactly')).toBe('$6 billion');
    expect(describeQuantity({ value: 1_250_000, range: null, bound: '>', unit: 'EUR' }, 'more than')).toBe(
      'more than €1.25 million',
    );
    expect(readableNumber(1_234_567)).toBe('1,234,567');
  });

  it('words a range', () => {
    expect(
      describeQuantity({ value: null, range: [24, 99], bound: '~', unit: null }, 'about', 'ballistic-missile'),
    ).toBe('about 24–99 ballistic missiles');
  });

  it('words a vague amount as the reports did, not as the range read into it', () => {
    expect(
      describeQuantity({ value: null, range: [12, 120], bound: '~', unit: null }, 'about', 'ballistic-missile'),
    ).toBe('dozens of ballistic missiles');
    expect(describeQuantity({ value: null, range: [300, 900], bound: '~', unit: 'containers' }, 'about')).toBe(
      'several hundred containers',
    );
    expect(describeQuantity({ value: null, range: [1e9, 1e10], bound: '~', unit: 'USD' }, 'about')).toBe(
      'billions of USD',
    );
    expect(describeQuantity({ value: null, range: [1e4, 1e5], bound: '~', unit: null }, 'about')).toBe(
      'tens of thousands',
    );
  });

  it('names the counted thing in the plural, currencies by their code', () => {
    expect(countedThing(null, 'artillery-shell')).toBe('artillery shells');
    expect(countedThing('USD', null)).toBe('USD');
    expect(countedThing(null, null)).toBeNull();
  });
});
