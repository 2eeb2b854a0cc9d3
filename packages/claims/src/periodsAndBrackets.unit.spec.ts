import { describe, expect, it } from 'vitest';
import { findDateExpressions } from './dateExpressions.ts';
import { extractClaims } from './extractClaims.ts';

/** Periods and bracketed restatements on news wording (invented sentences; the real measure is `npm run eval:claims`). */
const claims = (text: string) => extractClaims(text, { publishedAt: '2005-02-01T09:00:00Z' });

describe('periods', () => {
  it('a year after "In" opening a sentence, or after "for", is a date; "in 2004 cars" counts cars', () => {
    expect(findDateExpressions('In 2004, net income was $3.5bn.').map((d) => d.text)).toEqual(['2004']);
    expect(findDateExpressions('Net income for 2004 was $3.5bn.').map((d) => d.text)).toEqual(['2004']);
    expect(findDateExpressions('It sold in 2004 cars a year.').map((d) => d.text)).toEqual([]);
  });

  it('"net income for 2004 was", "the first eleven months of 2004", "the last three months of 2004"', () => {
    const [income] = claims('Net income for 2004 was $3.5bn.');
    expect(income?.period?.label).toBe('2004');
    const [deficit] = claims('The budget gap for the first eleven months of 2004 was £36.3bn.');
    expect([deficit?.period?.from, deficit?.period?.to]).toEqual(['2004-01', '2004-11']);
    const [profit] = claims('Net profit surged 70% to 2.39bn rupees in the last three months of 2004.');
    expect(profit?.period?.label).toBe('Q4 2004');
  });
});

describe('the date nearest the figure', () => {
  it('"rise to 85% by 2008 and 100% by 2010": each target its own date', () => {
    const found = claims('The ministry hopes the share will rise to 85% by 2008 and 100% by 2010.');
    expect(found.map((c) => [c.value, c.period?.label ?? null])).toEqual([
      [85, '2008'],
      [100, '2010'],
    ]);
  });
});

describe('brackets', () => {
  it('"2.39bn rupees ($54.98m; £29.32m) in the last three months": a semicolon in brackets ends no clause, and every restatement is none', () => {
    const found = claims('Net profit surged 70% to 2.39bn rupees ($54.98m; £29.32m) in the last three months of 2004.');
    expect(found.map((c) => [c.value, c.period?.label ?? null])).toEqual([[2_390_000_000, 'Q4 2004']]);
  });

  it('"HK$327m (US$42m; £22m), less than 1% up on the year before": the change after the brackets is the level\'s', () => {
    const found = claims(
      "Corvan's profit for the quarter was HK$327m (US$42m; £22m), less than 1% up on the year before.",
    );
    expect(found.map((c) => [c.value, c.change, c.changeBy])).toEqual([[327_000_000, 'up', 1]]);
  });
});
