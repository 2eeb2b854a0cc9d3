import { describe, expect, it } from 'vitest';
import { figureTitle, readableDate } from './wording.ts';

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
