import { describe, expect, it } from 'vitest';
import { extractQuantities } from './extractQuantities.ts';

/** The one quantity of a sentence, as [value, range, bound, unit]. */
function one(sentence: string) {
  const qs = extractQuantities(sentence);
  expect(qs, sentence).toHaveLength(1);
  const q = qs[0]!;
  expect(sentence.slice(q.span[0], q.span[1])).toBe(q.text);
  return q;
}

describe('extractQuantities: numbers', () => {
  it.each([
    ['North Korea sent 11,000 containers.', 11000],
    ['The rate was 1.5 percent.', 1.5],
    ['It sent a thousand containers.', 1000],
    ['Russia has four million artillery shells.', 4_000_000],
    ['North Korea sent 1 million artillery shells.', 1_000_000],
    ['The US halted $6 billion in aid.', 6e9],
    ['Half a million people fled.', 500_000],
    ['WH claims DPRK sent 1K containers of military assistance.', 1000],
    ['Britain committed £12.5bn in total.', 12.5e9],
    ['Twenty-five countries joined.', 25],
    ['Five hundred and fifty prisoners were freed.', 550],
    ['One and a half million children are out of school.', 1_500_000],
    ['A quarter of a million soldiers were mobilised.', 250_000],
    ['A dozen drones were intercepted.', 12],
    ['Over 2m people have crossed into Poland.', 2_000_000],
  ])('%s → %d', (sentence, value) => {
    expect(one(sentence).value).toBe(value);
  });

  it.each([
    ['dozens of ballistic missiles', [12, 120]],
    ['hundreds of soldiers', [100, 1000]],
    ['thousands of ammunition containers', [1000, 10000]],
    ['tens of thousands of people', [10_000, 100_000]],
    ['hundreds of thousands of residents', [100_000, 1_000_000]],
    ['millions of people', [1e6, 1e7]],
    ['several hundred soldiers', [300, 900]],
    ['a few hundred volunteers', [200, 500]],
  ])('vague plural "%s" is a range with no point value', (phrase, range) => {
    const q = one(`Officials said ${phrase} were involved.`);
    expect(q.value).toBeNull();
    expect(q.range).toEqual(range);
    expect(q.bound).toBe('~');
  });

  it.each([
    ['between 300 and 500 troops', [300, 500], 'troop'],
    ['300-500 troops', [300, 500], 'troop'],
    ['300 to 500 troops', [300, 500], 'troop'],
    ['two to three brigades', [2, 3], 'brigade'],
    ['$5-6 billion', [5e9, 6e9], 'USD'],
    ['between 3% and 4%', [3, 4], '%'],
  ])('range "%s"', (phrase, range, unit) => {
    const q = one(`The plan covers ${phrase}, officials said.`);
    expect(q.value).toBeNull();
    expect(q.range).toEqual(range);
    expect(q.unit).toBe(unit);
  });
});

describe('extractQuantities: qualifiers and bounds', () => {
  it.each([
    ['more than', '>'],
    ['over', '>'],
    ['above', '>'],
    ['exceeding', '>'],
    ['at least', '>='],
    ['no fewer than', '>='],
    ['up to', '<='],
    ['as many as', '<='],
    ['at most', '<='],
    ['fewer than', '<'],
    ['less than', '<'],
    ['under', '<'],
    ['nearly', '~<'],
    ['almost', '~<'],
    ['close to', '~<'],
    ['about', '~'],
    ['around', '~'],
    ['roughly', '~'],
    ['some', '~'],
    ['approximately', '~'],
    ['an estimated', '~'],
  ])('"%s 1,000 containers" → %s', (qualifier, bound) => {
    const q = one(`Pyongyang has delivered ${qualifier} 1,000 containers to Russia.`);
    expect(q.bound).toBe(bound);
    expect(q.value).toBe(1000);
    expect(q.text).toBe(`${qualifier} 1,000 containers`);
  });

  it('no qualifier is an exact figure', () => {
    expect(one('Pyongyang has delivered 1,000 containers to Russia.').bound).toBe('=');
  });

  it.each([
    ['1,000 or more troops', '>='],
    ['300 or so troops', '~'],
    ['1,000-plus mercenaries', '>'],
  ])('suffix qualifier "%s" → %s', (phrase, bound) => {
    expect(one(`They counted ${phrase} in the region.`).bound).toBe(bound);
  });
});

describe('extractQuantities: change', () => {
  it.each([
    ['Inflation rose by 5% in March.', 'up'],
    ['The economy grew 5.3% last year.', 'up'],
    ['Support was down 3 points.', 'down'],
    ['Shares fell 2.3% on Friday.', 'down'],
    ['Approval dropped five points in a month.', 'down'],
    ['Prices saw an increase of 4% this year.', 'up'],
  ])('%s → %s', (sentence, change) => {
    expect(one(sentence).change).toBe(change);
  });

  it('a level reached is no change: "rose to 7.4%"', () => {
    const q = one("Russia's annual inflation rose to 7.4% in November.");
    expect(q.change).toBeNull();
    expect(q.concept).toBe('annual inflation');
  });

  it('a change and a level in one sentence', () => {
    const qs = extractQuantities('Unemployment fell 0.3 percentage points to 3.9 percent.');
    expect(qs.map((q) => [q.value, q.unit, q.change, q.concept])).toEqual([
      [0.3, 'percentage point', 'down', 'unemployment'],
      [3.9, '%', null, 'unemployment'],
    ]);
  });

  it('losing equipment is a count, not a change', () => {
    expect(one('Russia lost 1,030 soldiers in the past day.').change).toBeNull();
  });
});

describe('extractQuantities: units and concepts', () => {
  it('containers of military equipment and ammunition → unit container, concept the contents', () => {
    const q = one(
      'The DPRK has transferred more than a thousand containers of military equipment and ammunition to Russia.',
    );
    expect(q.unit).toBe('container');
    expect(q.concept).toBe('military equipment and ammunition');
    expect(q.kind).toBe('count');
  });

  it('a compound counted noun is singularised: "artillery shells" → "artillery shell"', () => {
    expect(one('Russia has four million artillery shells.').unit).toBe('artillery shell');
  });

  it('"ammunition containers" counts containers of ammunition', () => {
    const q = one('Russian forces received thousands of ammunition containers from North Korea.');
    expect([q.unit, q.concept]).toEqual(['container', 'ammunition']);
  });

  it('nationalities and evaluative adjectives stay out of the unit', () => {
    expect(one('Hundreds of North Korean soldiers were deployed.').unit).toBe('soldier');
    expect(one('The DPRK supplied 300 additional weapons.').unit).toBe('weapon');
  });

  it('model names go to the concept, not the unit', () => {
    const q = one('Germany will deliver 14 Leopard 2 tanks to Ukraine.');
    expect([q.value, q.unit, q.concept]).toEqual([14, 'tank', 'Leopard 2 tank']);
    const f = one('The first batch of 12 F-16 fighter jets arrived.');
    expect([f.value, f.unit, f.concept]).toEqual([12, 'fighter jet', 'F-16 fighter jet']);
  });

  it('"dozens of such missiles" takes the missiles named earlier', () => {
    const qs = extractQuantities('Pyongyang shipped ballistic missile launchers and dozens of such missiles.');
    expect(qs[0]!.unit).toBe('ballistic missile');
  });

  it('"over a thousand of them" counts what was counted before', () => {
    const qs = extractQuantities(
      'One load was to contain 300 containers, but Pyongyang was to deliver over a thousand of them.',
    );
    expect(qs.at(-1)!.unit).toBe('container');
  });

  it.each([
    ['The US halted $6 billion in military aid.', 6e9, 'USD', 'military aid'],
    ['The EU agreed a €50 billion support facility.', 5e10, 'EUR', 'support facility'],
    ['Britain pledged £2.5bn.', 2.5e9, 'GBP', null],
    ['Ukraine received ₴38 billion in grants.', 3.8e10, 'UAH', 'grant'],
    ['Russia earned 1.2 trillion roubles from oil.', 1.2e12, 'RUB', null],
    ['Gazprom lost ₽300 billion.', 3e11, 'RUB', null],
    ['Germany will provide 7 billion euros in military aid.', 7e9, 'EUR', 'military aid'],
    ['Norway pledged 6 billion crowns for air defence.', 6e9, 'NOK', 'air defence'],
  ])('money: %s', (sentence, value, currency, concept) => {
    const q = one(sentence);
    expect([q.kind, q.value, q.unit, q.currency, q.concept]).toEqual(['money', value, currency, currency, concept]);
  });

  it('percentages and their concept', () => {
    const q = one('Some 35% of respondents said they would vote for the ruling party.');
    expect([q.kind, q.value, q.unit, q.bound, q.concept]).toEqual(['percent', 35, '%', '~', 'respondent']);
  });

  it('"180 miles (290 kilometers)": both measures, linked to each other', () => {
    const qs = extractQuantities('The depot is approximately 180 miles (290 kilometers) from the Ukrainian border.');
    expect(qs.map((q) => [q.value, q.unit, q.bound, q.kind, q.linkedTo])).toEqual([
      [180, 'mile', '~', 'measure', 1],
      [290, 'km', '~', 'measure', 0],
    ]);
  });

  it.each([
    ['A 500-pound bomb hit the building.', 500, 'lb', 'bomb'],
    ['The ship carried 25,000 tonnes of grain.', 25000, 'tonne', 'grain'],
    ['Oil exports slipped to 3.1 million barrels per day.', 3.1e6, 'barrel/day', 'oil export'],
    ['Temperatures dropped to minus 15 degrees Celsius.', -15, '°C', 'temperature'],
    ['The 10-day truce expired on Sunday.', 10, 'day', 'truce'],
    ['The shipment included 155mm shells.', 155, 'mm', 'shell'],
  ])('measure: %s', (sentence, value, unit, concept) => {
    const q = one(sentence);
    expect([q.kind, q.value, q.unit, q.concept]).toEqual(['measure', value, unit, concept]);
  });

  it.each([
    ['A 45-year-old man was detained.', 45],
    ['The man, aged 54, was detained.', 54],
    ['He is 60 years old.', 60],
    ['Kim Jong Un, 40, inspected the site.', 40],
  ])('age: %s', (sentence, value) => {
    const q = one(sentence);
    expect([q.kind, q.value, q.unit]).toEqual(['age', value, 'year']);
  });
});

describe('extractQuantities: not quantities', () => {
  it.each([
    ['years', 'Russia invaded Ukraine in February 2022 and annexed Crimea in 2014.'],
    ['a year range', 'Between 2014 and 2021, the conflict simmered.'],
    ['dates', 'The deliveries occurred between September 7 and October 1.'],
    ['a dated line', 'May 3, 2024 - 06:04'],
    ['clock times', 'The briefing began at 10:30 a.m. local time.'],
    ['a clock time and date', '17:24 21 Dec 2023'],
    ['phone numbers', 'For more information call +44 20 7946 0958 or (202) 555-0100.'],
    ['ordinals', 'The 3rd Assault Brigade and the 47th Brigade held the first line.'],
    ['ordinal words', 'The second round of talks opened on Monday.'],
    ['model names', 'Ukraine flies the F-16 while Russia fields the T-72, the Su-35 and the S-400.'],
    ['model names with letters', 'The T-90M and the Kh-101 were seen near Kupiansk.'],
    ['identifiers', 'UN Security Council Resolution 2231 and Article 5 apply, as does decree No. 347.'],
    ['decades', 'The 1990s were hard for the army.'],
    ['multipliers', 'Russia fires three times more shells than Ukraine.'],
    ['a period, not a share', 'Exports fell in the first half of the year.'],
    ['an ordinal, not a share', 'A third soldier died of his wounds.'],
    ['idiomatic one', 'Only one of the drones reached its target, and no one was hurt.'],
    ['the Ctrl+Enter footer', 'If you have found a spelling error, please notify us by pressing Ctrl+Enter.'],
    ['a weather widget', '7.3 C'],
    ['a date widget', 'Monday, December 4, 2023'],
    ['a comment counter', 'Share this article: 0 comments'],
    ['a read-time label', 'Listen to this article, 4 min'],
  ])('%s', (_what, sentence) => {
    expect(extractQuantities(sentence)).toEqual([]);
  });

  it('a model number inside a counted phrase is not a second quantity', () => {
    expect(
      extractQuantities('Canada donated eight Leopard 2A4 tanks and 14 Challenger 2 tanks.').map((q) => q.value),
    ).toEqual([8, 14]);
  });

  it('a year followed by a counted noun is a count', () => {
    expect(one('The alliance sent 2000 troops.').value).toBe(2000);
  });

  it('a name followed by a number is no count, a country is', () => {
    expect(extractQuantities('The UN adopted Resolution 2231.')).toEqual([]);
    expect(one('Washington sent Ukraine 31 Abrams tanks.').value).toBe(31);
  });
});
