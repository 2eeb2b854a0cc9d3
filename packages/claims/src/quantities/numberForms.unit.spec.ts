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
    ['192.', 192],
    ['1,234,567', 1_234_567],
    ['-9.2321312', -9.2321312],
    ['.08', 0.08],
    ['- 1 4/5', -1.8],
    ['2  1/4', 2.25],
    ['10k', 10_000],
    ['2.33 k', 2330],
    ['1.2b', 1.2e9],
    ['1e10', 1e10],
    ['12.32e+14', 1.232e15],
    ['-12e-1', -1.2],
    ['two thirds', 2 / 3],
    ['a half', 0.5],
    ['three quarters', 0.75],
    ['one eighth', 0.125],
    ['a hundredth', 0.01],
    ['a trillionth', 1e-12],
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
    ['The answer is fifty - two.', 52],
    ['It was two hundred point zero three.', 200.03],
    ['It was two hundred point seventy-one.', 200.71],
    ['The reading was minus five point five.', -5.5],
    ['The reading was nought point five.', 0.5],
    ['They ordered three hundred and two dozens.', 324],
    ['They ordered 3 hundred and 21 yuan.', 321],
    ['They counted 4 thousand 3 hundred and 21 ballots.', 4321],
    ['The total is three lakh crore.', 3e12],
    ['The population is 3 million and a half.', 3.5e6],
    ['They have two million and one half.', 2.5e6],
    ['It costs one billion and a quarter million.', 1.00025e9],
    ['It raised 2 and a half million.', 2.5e6],
    ['It costs hundred thousand dollars.', 1e5],
    ['The answer is minus one.', -1],
    ['The answer is negative one.', -1],
    ['The total was 12,34,567.89 rupees.', 1_234_567.89],
    ['either 10 bln or 10 tln', 1e13],
    ['I can give you 10M.', 1e7],
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
    ['The measurement is forty two and a third.', 42 + 1 / 3],
    ['The result is twenty and three fifths.', 20.6],
    ['The result is one hundred and three quarters.', 100.75],
    ['It was two and fifty-four hundredths.', 2.54],
    ['It took three twenty-firsts.', 3 / 21],
    ['It weighs twenty-three fifths.', 4.6],
    ['It costs three quarters billion dollars.', 7.5e8],
    ['They counted two thirds of a million.', 2e6 / 3],
    ['They have six million and two thirds.', 6e6 + 2e6 / 3],
  ])('%s', (sentence, value) => {
    close(values(sentence).at(-1), value);
  });

  it('a fraction of something named is a share, as a percentage', () => {
    expect(extractQuantities('More than 3/4 of the voters came.')[0]).toMatchObject({ value: 75, unit: '%' });
    expect(extractQuantities('Only two out of five hundred sets failed.')[0]).toMatchObject({ value: 0.4 });
  });

  it('ordinals, periods and names stay what they are', () => {
    expect(values('A third soldier died of his wounds.')).toEqual([]);
    expect(values('Profits fell in the last three quarters.')).toEqual([]);
    expect(values('The two hundredth anniversary is near.')).toEqual([]);
    expect(values('The shop is open 24/7.')).toEqual([]);
    expect(values('He tested negative three times.')).toEqual([3]);
    expect(values('Shares of 3M rose.')).not.toContain(3e6);
  });

  it('"12 out of 10" is two numbers, not a proportion', () => {
    expect(values('there are 12 out of 10')).toEqual([12, 10]);
  });
});

describe('number forms: ranges written with two bounds, a tilde or "through"', () => {
  it.each([
    ['Sales were greater than 30 and less than or equal to 40.', [30, 40]],
    ['There were at most 100 and at least 20 apples.', [20, 100]],
    ['The number is above 1000 and below 1500.', [1000, 1500]],
    ['These apples are about 20~100.', [20, 100]],
    ['The number range is 20 through 100.', [20, 100]],
    ['He scores between negative ten and fifteen.', [-10, 15]],
  ])('%s', (sentence, range) => {
    expect(values(sentence)).toEqual([range]);
  });

  it('the scale of the upper bound applies to the lower', () => {
    expect(extractQuantities('Profits were more than 10 and less than 40 million dollars.')[0]).toMatchObject({
      range: [10e6, 40e6],
      unit: 'USD',
    });
  });

  it('two bounds of different things stay two quantities', () => {
    expect(values('More than 30 people died and at least 20 were hurt.')).toEqual([30, 20]);
  });

  it('a minus against a comparison sign is a sign; "<>" makes no bound', () => {
    expect(extractQuantities('Is it still the case when <-30')[0]).toMatchObject({ value: -30, bound: '<' });
    expect(extractQuantities('<>30')[0]).toMatchObject({ value: 30, bound: '=' });
  });
});

describe('number forms: amounts in two units', () => {
  it.each([
    ['It only cost 3 dollars 50 cents.', 3.5, 'USD'],
    ['It only cost thirteen dollars and forty-five cents.', 13.45, 'USD'],
    ['It costs 15 dollars 50.', 15.5, 'USD'],
    ['He is 5 feet 2 inches tall.', 5 + 2 / 12, 'ft'],
    ['The length is 12 ft 2 in more or less.', 12 + 2 / 12, 'ft'],
    ['The baby weighed 7 lb 4 oz.', 7.25, 'lb'],
    ['The weight is 20 (kg).', 20, 'kg'],
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
