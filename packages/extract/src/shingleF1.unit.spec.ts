import { describe, expect, it } from 'vitest';
import { shingleF1 } from './shingleF1.ts';

const A = 'North Korea has delivered more than 1,000 containers of military equipment to Russia, the White House said.';
const B = 'Officials did not say what the containers held, but analysts expect artillery shells and rockets.';

describe('shingleF1', () => {
  it('scores identical texts 1, whatever the punctuation and case', () => {
    expect(shingleF1(`${A}\n\n${B}`, `${A.toUpperCase()} ${B.replace(/,/g, '')}`).f1).toBe(1);
  });

  it('charges furniture to precision and a missing paragraph to recall', () => {
    const withFurniture = shingleF1(`${A}\n\nSpelling error report\n\n${B}`, `${A}\n\n${B}`);
    expect(withFurniture.recall).toBeLessThan(1);
    expect(withFurniture.precision).toBeLessThan(withFurniture.recall);
    const missing = shingleF1(A, `${A}\n\n${B}`);
    expect(missing.precision).toBe(1);
    expect(missing.recall).toBeLessThan(0.6);
  });

  it('scores disjoint texts 0 and two empty texts 1', () => {
    expect(shingleF1(A, B).f1).toBe(0);
    expect(shingleF1('', '').f1).toBe(1);
    expect(shingleF1('', A).f1).toBe(0);
  });

  it('scores texts shorter than a shingle on their words', () => {
    expect(shingleF1('Kyiv', 'Kyiv').f1).toBe(1);
    expect(shingleF1('Kyiv Odesa', 'Kyiv').recall).toBe(1);
  });
});
