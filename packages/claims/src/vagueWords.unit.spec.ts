import { describe, expect, it } from 'vitest';
import { extractQuantities } from './extractQuantities.ts';
import { vagueAmountWords } from './vagueWords.ts';

describe('vagueAmountWords', () => {
  it.each([
    ['dozens of ballistic missiles', 'dozens of'],
    ['hundreds of drones', 'hundreds of'],
    ['tens of thousands of shells', 'tens of thousands'],
    ['hundreds of thousands of rounds', 'hundreds of thousands'],
    ['several hundred containers', 'several hundred'],
    ['a few thousand troops', 'a few thousand'],
    ['several dozen launchers', 'several dozen'],
  ])('reads back the range the extractor gave "%s"', (text, words) => {
    const [q] = extractQuantities(text);

    expect(q?.value).toBeNull();
    expect(vagueAmountWords(q!.range!)).toBe(words);
  });

  it('leaves stated ranges to be read as numbers', () => {
    expect(vagueAmountWords([24, 99])).toBeNull();
    expect(vagueAmountWords([10, 100])).toBeNull();
  });
});
