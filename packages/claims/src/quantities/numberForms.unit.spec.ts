import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../extractQuantities.ts';

/** The values (or ranges) read in a sentence, in order. */
function values(sentence: string) {
  return extractQuantities(sentence).map((q) => q.range ?? q.value);
}

function close(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('number forms: a line that is nothing but a number is read', () => {
  it.each([
    ['347.', 347],
    ['2,345,678', 2_345_678],
    ['-4.1723519', -4.1723519],
    ['.06', 0.06],
    ['- 2 3/5', -2.6],
    ['3  1/8', 3.125],
    ['25k', 25_000],
    ['4.75 k', 4750],
    ['3.4b', 3.4e9],
    ['1e9', 1e9],
    ['3.5e+12', 3.5e12],
    ['-15e-1', -1.5],
    ['four sevenths', 4 / 7],
    ['a half', 0.5],
    ['one quarter', 0.25],
    ['one sixth', 1 / 6],
    ['a thousandth', 0.001],
    ['a billionth', 1e-9],
  ])('%s', (line, value) => {
    const qs = values(line);
    expect(qs).toHaveLength(1);
    close(qs[0], value);
  });

  it('a weather widget or a label with a word is still furniture', () => {
    expect(extractQuantities('7.3 C')).toEqual([]);
  });
});

describe('number forms: numbers in words', () => {
  it.each([
    ['The total is sixty - three.', 63],
    ['It was four hundred point zero six.', 400.06],
    ['It was three hundred point sixty-two.', 300.62],
    ['The reading was minus seven point two.', -7.2],
    ['The reading was nought point four.', 0.4],
    ['They ordered two hundred and three dozen.', 236],
    ['They ordered 2 hundred and 45 crates.', 245],
    ['They counted 5 thousand 2 hundred and 40 ballots.', 5240],
    ['The budget is two lakh crore.', 2e12],
    ['The town grew to 7 million and a half.', 7.5e6],
    ['They hold four million and one half.', 4.5e6],
    ['It costs two billion and a quarter million.', 2.00025e9],
    ['It raised 6 and a half million.', 6.5e6],
    ['It costs hundred thousand euros.', 1e5],
    ['The balance is minus one.', -1],
    ['The balance is negative one.', -1],
    ['The total was 45,67,890.12 rupees.', 4_567_890.12],
    ['It owes 4 tln roubles', 4e12],
    ['The fund holds 40M.', 4e7],
  ])('%s', (sentence, value) => {
    close(values(sentence).at(-1), value);
  });

  it('"between two hundred and three hundred" is a range, not 20,300', () => {
    expect(values('There were between two hundred and three hundred people.')).toEqual([[200, 300]]);
  });

  it('"two hundred and fifty thousand" is one number', () => {
    expect(values('About two hundred and fifty thousand people came.')).toEqual([250_000]);
  });
});

describe('number forms: fractions and mixed numbers', () => {
  it.each([
    ['The reading is fifty one and a third.', 51 + 1 / 3],
    ['The result is thirty and two fifths.', 30.4],
    ['The result is two hundred and three quarters.', 200.75],
    ['It was two and thirty-six hundredths.', 2.36],
    ['It took four thirty-firsts.', 4 / 31],
    ['It weighs seventeen fifths.', 3.4],
    ['It costs three quarters million euros.', 7.5e5],
    ['They counted two thirds of a billion.', 2e9 / 3],
    ['They hold four million and two fifths.', 4.4e6],
  ])('%s', (sentence, value) => {
    close(values(sentence).at(-1), value);
  });

  it('a fraction of something named is a share, as a percentage', () => {
    expect(extractQuantities('More than 3/4 of the voters came.')[0]).toMatchObject({ value: 75, unit: '%' });
    expect(extractQuantities('Only three out of four hundred sets failed.')[0]).toMatchObject({ value: 0.8 });
  });

  it('ordinals, periods and names stay what they are', () => {
    expect(values('A third soldier died of his wounds.')).toEqual([]);
    expect(values('Profits fell in the last three quarters.')).toEqual([]);
    expect(values('The two hundredth anniversary is near.')).toEqual([]);
    expect(values('The shop is open 24/7.')).toEqual([]);
    expect(values('He tested negative three times.')).toEqual([3]);
    expect(values('Shares of 3M rose.')).not.toContain(3e6);
  });

  it('"15 out of 12" is two numbers, not a proportion', () => {
    expect(values('They scored 15 out of 12')).toEqual([15, 12]);
  });
});

describe('number forms: ranges written with two bounds, a tilde or "through"', () => {
  it.each([
    ['Sales were greater than 25 and less than or equal to 45.', [25, 45]],
    ['There were at most 90 and at least 30 boxes.', [30, 90]],
    ['The count is above 2000 and below 2500.', [2000, 2500]],
    ['Prices were 30~70.', [30, 70]],
    ['The pages are 30 through 70.', [30, 70]],
    ['The readings were between negative five and twelve.', [-5, 12]],
  ])('%s', (sentence, range) => {
    expect(values(sentence)).toEqual([range]);
  });

  it('the scale of the upper bound applies to the lower', () => {
    expect(extractQuantities('Profits were more than 15 and fewer than 30 million dollars.')[0]).toMatchObject({
      range: [15e6, 30e6],
      unit: 'USD',
    });
  });

  it('two bounds of different things stay two quantities', () => {
    expect(values('More than 30 people died and at least 20 were hurt.')).toEqual([30, 20]);
  });

  it('a minus against a comparison sign is a sign; "<>" makes no bound', () => {
    expect(extractQuantities('The reading fell to <-25')[0]).toMatchObject({ value: -25, bound: '<' });
    expect(extractQuantities('<>25')[0]).toMatchObject({ value: 25, bound: '=' });
  });
});

describe('number forms: amounts in two units', () => {
  it.each([
    ['The ticket cost 4 dollars 25 cents.', 4.25, 'USD'],
    ['The meal cost eleven dollars and thirty-five cents.', 11.35, 'USD'],
    ['The fare is 12 dollars 75.', 12.75, 'USD'],
    ['He is 6 feet 1 inch tall.', 6 + 1 / 12, 'ft'],
    ['The wall is 9 ft 4 in high.', 9 + 4 / 12, 'ft'],
    ['The baby weighed 8 lb 2 oz.', 8.125, 'lb'],
    ['The load is 35 (kg).', 35, 'kg'],
  ])('%s', (sentence, value, unit) => {
    const [q] = extractQuantities(sentence);
    expect(q?.unit).toBe(unit);
    expect(q?.value).toBeCloseTo(value, 5);
  });

  it('a number after a sum that is no part of it stays apart', () => {
    expect(values('He paid 15 dollars and 20 others paid nothing.')).toEqual([15, 20]);
    expect(values('He is 6 ft 2 in the morning.')).toEqual([6, 2]);
  });
});
