import { describe, expect, it } from 'vitest';
import { countedThing, describeFigure, describeMove, describeQuantity, readableNumber } from './wording.ts';

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
    expect(describeQuantity({ value: 4_000_000, range: null, bound: '=', unit: null }, null, 'artillery-shell')).toBe(
      '4 million artillery shells',
    );
    expect(describeQuantity({ value: 6e9, range: null, bound: '=', unit: 'USD' }, null)).toBe('$6 billion');
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

const level = { range: null, bound: '=' as const, change: null, changeBy: null, changeUnit: null, previous: null };

describe('figure wording: changes with their level', () => {
  it('shows the change a level states beside it', () => {
    expect(
      describeFigure(
        { ...level, value: 27.2e9, unit: 'USD', valueIs: 'level', change: 'up', changeBy: 3.5, changeUnit: '%' },
        null,
      ),
    ).toBe('$27.2 billion, up 3.5%');
    expect(
      describeFigure(
        {
          ...level,
          value: 5.1,
          unit: '%',
          valueIs: 'level',
          change: 'up',
          changeBy: 0.2,
          changeUnit: 'percentage point',
        },
        null,
      ),
    ).toBe('5.1%, up 0.2 percentage points');
    expect(
      describeFigure(
        {
          ...level,
          value: 55.12,
          unit: 'USD/barrel',
          valueIs: 'level',
          change: 'down',
          changeBy: 3,
          changeUnit: 'USD',
        },
        null,
      ),
    ).toBe('$55.12 per barrel, down $3');
    expect(describeFigure({ ...level, value: 5.1, unit: '%', valueIs: 'level', change: 'up' }, null)).toBe('5.1%, up');
  });

  it('shows the level a figure left, with a relative change when one is stated', () => {
    const profit = {
      ...level,
      value: 118e6,
      unit: 'GBP',
      valueIs: 'level' as const,
      change: 'down' as const,
      previous: 138e6,
    };
    expect(describeFigure({ ...profit, changeBy: 20e6, changeUnit: 'GBP' }, null)).toBe(
      '£118 million, down from £138 million',
    );
    expect(describeFigure({ ...profit, changeBy: 14.5, changeUnit: '%' }, null)).toBe(
      '£118 million, down 14.5% from £138 million',
    );
    // The direction follows from the levels when none is stated.
    expect(describeMove({ value: 90, change: null, changeBy: null, changeUnit: null, previous: 120 }, 'person')).toBe(
      'down from 120 people',
    );
    expect(
      describeMove({ value: 90, change: null, changeBy: null, changeUnit: null, previous: null }, null),
    ).toBeNull();
  });

  it('words a figure that is itself a change as a change, with its qualifier', () => {
    expect(
      describeFigure(
        { ...level, value: 5, unit: '%', valueIs: 'change', change: 'up', changeBy: 5, changeUnit: '%' },
        null,
      ),
    ).toBe('up 5%');
    expect(
      describeFigure({ ...level, value: 2.1, unit: '%', bound: '>', valueIs: 'change', change: 'down' }, 'more than'),
    ).toBe('down more than 2.1%');
  });

  it('counts people as people, and names percentages and rates as written', () => {
    expect(describeQuantity({ value: 12, range: null, bound: '>=', unit: 'person' }, 'at least')).toBe(
      'at least 12 people',
    );
    expect(describeQuantity({ value: 1, range: null, bound: '=', unit: 'person' }, null)).toBe('1 person');
    expect(countedThing('%', null)).toBe('%');
    expect(countedThing('USD/barrel', null)).toBe('USD/barrel');
  });
});
