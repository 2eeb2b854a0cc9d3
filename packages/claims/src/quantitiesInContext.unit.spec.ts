import { describe, expect, it } from 'vitest';
import { extractQuantities as readQuantities } from './extractQuantities.ts';
import { extractQuantities } from './index.ts';

describe('extractQuantities (public): the concept named from the whole sentence', () => {
  it('"earned $2.8 billion", "took 20bn yen": the amount is what the act measures, though no word names it', () => {
    for (const [sentence, concept] of [
      ['Corvan earned $2.8 billion last year.', 'earnings'],
      ['The film took 20bn yen at the box office.', 'takings'],
    ] as const) {
      expect(readQuantities(sentence).map((q) => q.concept)).toEqual([null]);
      expect(extractQuantities(sentence).map((q) => q.concept)).toEqual([concept]);
    }
  });

  it('keeps the concept the reader found itself, and every other field as the reader read it', () => {
    const sentence = 'The plant produces 1,200 tonnes of steel per day, and gunmen killed 19 people.';
    const alone = readQuantities(sentence);
    const inContext = extractQuantities(sentence);
    expect(inContext.map(({ concept, ...rest }) => rest)).toEqual(alone.map(({ concept, ...rest }) => rest));
    expect(inContext.map((q) => q.concept)).toEqual(['steel', 'death toll']);
  });
});
