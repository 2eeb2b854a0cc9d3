import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../extractQuantities.ts';

/** The quantities of a sentence as [value or range, bound, unit, change]. */
function read(sentence: string) {
  return extractQuantities(sentence).map((q) => [q.range ?? q.value, q.bound, q.unit, q.change]);
}

describe('quantities: units written against the number', () => {
  it.each([
    ['The phone has 256GB of storage.', 256, 'GB'],
    ['Broadband runs at 30Mbps in the town.', 30, 'Mbps'],
    ['Prices rose 24pc last year.', 24, '%'],
    ['The chip runs at 2.4Ghz.', 2.4, 'GHz'],
    ['The screen refreshes at 120Hz.', 120, 'Hz'],
    ['The 640bhp engine is new.', 640, 'bhp'],
    ['A 15kHz tone was heard.', 15, 'kHz'],
    ['The battery holds 5000mAh.', 5000, 'mAh'],
    ['It is 40 degrees celsius outside.', 40, '°C'],
    ['Three seconds later it exploded.', 3, 'second'],
  ])('%s', (sentence, value, unit) => {
    const [q] = extractQuantities(sentence);
    expect(q?.value).toBe(value);
    expect(q?.unit).toBe(unit);
  });
});

describe('quantities: money as the wire services and northern Europe abbreviate it', () => {
  it.each([
    ['Net profit rose to 50 mln dlrs.', 50e6, 'USD'],
    ['The dividend is 25 cts a share.', 0.25, 'USD/share'],
    ['It paid 5 mln stg for the stake.', 5e6, 'GBP'],
    ['It paid 3 mln Canadian dlrs.', 3e6, 'CAD'],
    ['Losses exceeded 30 MUSD.', 30e6, 'USD'],
    ['Revenue was 120 MEUR.', 120e6, 'EUR'],
    ['The fee is 800 kSEK.', 800e3, 'SEK'],
  ])('%s', (sentence, value, unit) => {
    expect(extractQuantities(sentence)[0]).toMatchObject({ value, unit, kind: 'money' });
  });
});

describe('quantities: thousands grouped by spaces', () => {
  it.each([
    ['About 40 000 people attended.', 40_000],
    ['The population is 1 414 021 100.', 1_414_021_100],
    ['It weighs 1 234 567.89 kg.', 1_234_567.89],
  ])('%s', (sentence, value) => {
    expect(extractQuantities(sentence)[0]?.value).toBe(value);
  });

  it('a year and a count apart, or a model number, are no group', () => {
    expect(read('In 2019 100 people came.')).toEqual([[100, '=', 'person', null]]);
    expect(extractQuantities('It ordered 20 787-9 jets.')[0]).toMatchObject({ value: 20, unit: 'jet' });
  });
});

describe('quantities: money in its main unit', () => {
  it.each([
    ['Its shares were down 8.51% to 10.75p.', 0.1075, 'GBP'],
    ['Shares closed at 548p.', 5.48, 'GBP'],
    ['The bid is 470 pence a share.', 4.7, 'GBP/share'],
    ['The dividend rose to 8.5 cents.', 0.085, 'USD'],
    ['The fine was 323 million Turkish liras.', 323e6, 'TRY'],
    ['The bank paid CHF 5 million.', 5e6, 'CHF'],
    ['Tickets cost 10 € each.', 10, 'EUR'],
    ['A 12-cent dividend will be paid.', 0.12, 'USD'],
    ['It offers a 60GB data cap for RM79 a month.', 79, 'MYR/month'],
    ['We paid USD115.5 for it.', 115.5, 'USD'],
  ])('%s', (sentence, value, unit) => {
    const money = extractQuantities(sentence).filter((q) => q.kind === 'money');
    expect(money.map((q) => [q.value, q.unit])).toContainEqual([value, unit]);
  });

  it('cents of the currency named before are that currency', () => {
    expect(read('The stock closed at A$1.20, up 5 cents.').at(-1)).toEqual([0.05, '=', 'AUD', 'up']);
  });

  it('a video resolution is no pence', () => {
    expect(extractQuantities('The camera records 1080p video.').filter((q) => q.kind === 'money')).toEqual([]);
  });
});

describe('quantities: moves and ranges', () => {
  it('a move keeps both ends as separate quantities', () => {
    expect(read('Unemployment fell from 4.8 percent to 4.7 percent.')).toEqual([
      [4.8, '=', '%', null],
      [4.7, '=', '%', null],
    ]);
    expect(read('Bitcoin plummeted from $36,040 to $34,935.').map((q) => q[0])).toEqual([36040, 34935]);
  });

  it('"from … to" after a change named earlier in the clause is a move, not a range', () => {
    const qs = extractQuantities('The plan will increase the number of sport colleges from 350 to 400.');
    expect(qs.map((q) => q.value)).toEqual([350, 400]);
    expect(qs[1]?.unit).toBe('sport college');
  });

  it('"from … to" without a change is a range', () => {
    expect(read('Prices range from $5 to $10.')).toEqual([[[5, 10], '=', 'USD', null]]);
  });

  it('a bare number after "to" takes the unit of the count before it', () => {
    expect(read('The bill passed by 235 votes to 190.').map((q) => q[2])).toEqual(['vote', 'vote']);
  });

  it('"killed one and wounded two" counts both', () => {
    expect(read('The attack killed one and wounded two.').map((q) => q[0])).toEqual([1, 2]);
  });

  it('"30 or 40 years" is a range', () => {
    expect(read('It was done 30 or 40 years ago.')).toEqual([[[30, 40], '=', 'year', null]]);
  });

  it('"eight or nine euros" is a range', () => {
    expect(read('It costs eight or nine euros.')).toEqual([[[8, 9], '=', 'EUR', null]]);
  });
});

describe('quantities: shares are percentages', () => {
  it.each([
    ['The company has more than a quarter of the market.', 25, '>', 'market'],
    ['Maruti accounts for half of India’s car sales.', 50, '=', 'car sale'],
    ['Nearly one in five Ukrainians has left home.', 20, '~<', 'Ukrainian'],
    ['A third of those screened had the disease.', 33.3, '=', null],
    ['Nearly two-thirds of Germans back sending more weapons.', 66.7, '~<', 'German'],
    ['Only 4 out of 10 respondents supported it.', 40, '=', 'respondent'],
  ])('%s', (sentence, value, bound, concept) => {
    const q = extractQuantities(sentence).find((x) => x.unit === '%');
    expect([q?.value, q?.bound, q?.concept]).toEqual([value, bound, concept]);
  });

  it('a share after "by" is the amount of a change', () => {
    expect(read('Chinese PC sales have risen by a fifth.')).toEqual([[20, '=', '%', 'up']]);
  });

  it('fractions after a number add to it', () => {
    expect(read('It stopped 6 ½ minutes after the launch.')).toEqual([[6.5, '=', 'minute', null]]);
    expect(read('He served two and a half years.')).toEqual([[2.5, '=', 'year', null]]);
  });

  it('"16 out of the top 20 titles" counts titles', () => {
    expect(extractQuantities('16 out of the top 20 titles were sequels.')[0]).toMatchObject({
      value: 16,
      unit: 'title',
    });
  });

  it('"one of its two factories" is one factory', () => {
    expect(extractQuantities('It announced the closure of one of its two factories.')[0]).toMatchObject({
      value: 1,
      unit: 'factory',
    });
  });
});

describe('quantities: numbers that are names', () => {
  it('an index name takes its number; the level after a change keeps no percent', () => {
    expect(read('The S&P 500 fell 0.9% to 27,934.02.')).toEqual([
      [0.9, '=', '%', 'down'],
      [27934.02, '=', null, null],
    ]);
  });

  it.each([
    ['a score', 'Arsenal beat Chelsea 2-1 on Sunday.'],
    ['a model number', 'Boeing delivered the 787 Dreamliner late.'],
    ['emergency numbers', 'Call 999 in an emergency or dial 911.'],
    ['a telephone number in groups', 'Ring 0800 123 4567 for help.'],
    ['a product', 'Apple sold the iPhone 11 to schools.'],
    ['an ordinal in words', 'The twenty-first century began.'],
    ['a channel', 'BBC Two’s share of the audience held.'],
    ['a number with a possessive', 'Five’s proportion remained steady.'],
    ['a console', 'Sony’s PlayStation 2 was the top seller.'],
    ['a place', 'The whales stranded on Ninety Mile Beach.'],
    ['a version', 'Versions as of 1.8.3 are affected.'],
    ['a pronoun after "the"', 'The combination of the two has been steady.'],
    ['"one" before a verb', 'It is what one needs.'],
    ['"one" as a pronoun', 'Contracts like the now-infamous one struck with the firm may change.'],
    ['a compound of number words', 'It was a one-two punch.'],
    ['an address in a link', 'Read more at https://example.com/report/2024/30%25.'],
  ])('%s', (_what, sentence) => {
    expect(extractQuantities(sentence)).toEqual([]);
  });
});

describe('quantities: a model number inside a counted phrase', () => {
  it('"20 787-9 jets" counts jets', () => {
    expect(extractQuantities('The airline ordered 20 787-9 jets.').map((q) => [q.value, q.unit])).toEqual([
      [20, 'jet'],
    ]);
  });
});

describe('quantities: markets', () => {
  it('"fell 350 points, or 1.1%, to 33,500": the same fall twice, then a level', () => {
    const qs = extractQuantities('The Dow Jones Industrial Average fell 350 points, or 1.1%, to 33,500.');
    expect(qs.map((q) => [q.value, q.unit, q.change])).toEqual([
      [350, 'point', 'down'],
      [1.1, '%', 'down'],
      [33500, null, null],
    ]);
    expect(qs[1]?.concept).toBe('Dow Jones Industrial Average');
  });

  it('"closed up 0.5%" is a rise of the index named with its number', () => {
    expect(extractQuantities('The FTSE 100 closed up 0.5% at 7,600.')[0]).toMatchObject({
      value: 0.5,
      change: 'up',
      concept: 'FTSE 100',
    });
  });

  it('an index opening the sentence is a name', () => {
    expect(read('Nikkei 225 index dropped 2%.')).toEqual([[2, '=', '%', 'down']]);
  });
});

describe('quantities: concepts', () => {
  it.each([
    ['Non-EU exports shot up 7.5%, with growth seen.', 'non-EU export', 'up'],
    ['Fiat sold half its finance arm.', 'finance arm', null],
    ['Ambev boosted its share of Brazil’s beer market to more than 68%.', 'beer market', null],
  ])('%s', (sentence, concept, change) => {
    expect(extractQuantities(sentence)[0]).toMatchObject({ concept, change });
  });

  it('a restatement in another kind of unit does not take the complement before it', () => {
    const [, roubles] = extractQuantities('Defence spending will rise to 6% of GDP, or about 10.8 trillion roubles.');
    expect(roubles?.concept).toBeNull();
  });

  it('superlatives do not classify what is counted', () => {
    expect(extractQuantities('Two of the largest airlines blamed fuel prices.')[0]?.unit).toBe('airline');
  });

  it('large sums stay whole numbers', () => {
    expect(extractQuantities('The UK exported £16.9bn worth of goods.')[0]?.value).toBe(16_900_000_000);
  });
});

describe('quantities: bounds, changes and ages', () => {
  it('a qualifier after "up" is the bound of a change', () => {
    expect(read('Shares were up about 19 per cent.')).toEqual([[19, '~', '%', 'up']]);
  });

  it.each([
    ['The firm reported a loss of $387m for the year.', 387e6, null],
    ['It compares with a $111m loss a year earlier.', 111e6, null],
    ['The shares suffered a loss of 5% on Monday.', 5, 'down'],
  ])('money lost is a level of loss, a share price that loses falls: %s', (sentence, value, change) => {
    expect(extractQuantities(sentence)[0]).toMatchObject({ value, change });
  });

  it.each([
    ['Drugs make up about 70 percent of the samples.', 70, null],
    ['Interest will eat up 13 percent of spending.', 13, null],
    ['The campaign helped lift the firm’s quarterly online sales volume by 12%.', 12, 'up'],
  ])('a particle is no change, a change reaches past its object: %s', (sentence, value, change) => {
    expect(extractQuantities(sentence)[0]).toMatchObject({ value, change });
  });

  it('an age as a statistic keeps kind age and names the statistic', () => {
    const [age, share] = extractQuantities('The average age of respondents was 29.6 years old and 92.8% were male.');
    expect(age).toMatchObject({ value: 29.6, kind: 'age', unit: 'year', concept: 'average age of respondent' });
    expect(share).toMatchObject({ value: 92.8, kind: 'percent', unit: '%' });
  });
});

describe('quantities: counts over time', () => {
  it.each([
    ['There are between 40 and 60 landslides a year on the coast road.', 'landslide/year'],
    ['The clinic sees 300 patients every week.', 'patient/week'],
    ['The plant shipped 300 cars a year ago.', 'car'],
  ])('%s', (sentence, unit) => {
    expect(extractQuantities(sentence)[0]?.unit).toBe(unit);
  });
});

describe('nouns only ever plural', () => {
  it('"1,240 new measles cases": a noun only ever plural modifies the plural noun after it', () => {
    expect(extractQuantities('The agency reported 1,240 new measles cases in October.').map((q) => q.unit)).toEqual([
      'measles case',
    ]);
  });
});
