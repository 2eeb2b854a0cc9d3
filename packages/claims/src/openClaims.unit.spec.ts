import { describe, expect, it } from 'vitest';
import { extractClaims } from './extractClaims.ts';
import type { Claim } from './types.ts';

/**
 * The open rules on the wordings of every beat, one case per kind the rules must read (written here
 * to pin behaviour; the real measure is `npm run eval:claims` on articles nobody here wrote).
 */
const PUB = '2024-03-08T09:00:00Z'; // a Friday

function claims(text: string): Claim[] {
  return extractClaims(text, { publishedAt: PUB });
}

function only(text: string): Claim {
  const found = claims(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

describe('open predicates and any named subject', () => {
  it('a level with its change: "revenue rose 3.5% to $27.2 billion", the company speaking for it', () => {
    const c = only(
      "Home Depot's revenue rose 3.5% to $27.2 billion in the third quarter, the company said on Tuesday.",
    );
    expect(c).toMatchObject({
      figureKey: 'level:home-depot:revenue:USD',
      subject: 'Home Depot',
      predicate: 'rise',
      value: 27_200_000_000,
      unit: 'USD',
      measure: 'revenue',
      change: 'up',
      changeBy: 3.5,
      changeUnit: '%',
      speaker: { name: 'Home Depot' },
      statedAt: '2024-03-05',
    });
    expect(c.period?.label).toBe('Q3 2023');
  });

  it('a level with the one it came from: "fell from £138m to £118m"', () => {
    const c = only('Sales fell from £138m to £118m in the six months to December.');
    expect(c).toMatchObject({ value: 118_000_000, previous: 138_000_000, change: 'down', changeBy: 20_000_000 });
    expect(c.changeUnit).toBe('GBP');
  });

  it('a move between two percentages is in percentage points', () => {
    const c = only('Unemployment rose from 4.8 percent to 4.9 percent in May.');
    expect([c.value, c.changeBy, c.changeUnit]).toEqual([4.9, 0.1, 'percentage point']);
  });

  it('a change restated in another unit is one statement: "fell 102.2 points, or 0.36%, to 27,934.02"', () => {
    const c = only('The Dow fell 102.2 points, or 0.36%, to 27,934.02.');
    expect([c.value, c.changeBy, c.changeUnit, c.subject]).toEqual([27_934.02, 102.2, 'point', 'Dow']);
  });

  it('companies, groups of people and organisations act: sales, arrests, pledges with a recipient', () => {
    expect(only('Local auto dealers sold 30,154 new cars in October.')).toMatchObject({
      subject: 'Local auto dealers',
      predicate: 'sell',
      unit: 'car',
      measure: 'car sales',
    });
    expect(only('Police arrested six people after the march.')).toMatchObject({ predicate: 'arrest', value: 6 });
    expect(only('SoftBank committed a $9.5 billion lifeline to WeWork, the Japanese group said.')).toMatchObject({
      figureKey: 'pledge:softbank>wework:lifeline:USD',
      speaker: { name: 'SoftBank' },
    });
  });

  it('a verb outside the vocabulary is its own predicate; a price paid is the purchase price', () => {
    expect(only('The ministry distributed 5 million masks last week.')).toMatchObject({
      predicate: 'distribute',
      measure: 'masks distributed',
    });
    expect(only('Microsoft is acquiring the studio for $7.5 billion.')).toMatchObject({
      predicate: 'buy',
      subject: 'Microsoft',
      measure: 'purchase price',
    });
  });

  it('an event that acts is the subject: "the plague outbreak has killed 12 people"', () => {
    const [c] = claims('The plague outbreak has killed 12 people since June, the health ministry said on Monday.');
    expect(c).toMatchObject({ subject: 'plague outbreak', predicate: 'kill', value: 12, unit: 'person' });
    expect(c!.speaker?.name).toBe('health ministry');
    expect(c!.statedAt).toBe('2024-03-04');
  });

  it("a place in the speaker's name is the subject when nothing else is", () => {
    const c = only("Bolivia's public defender's office said another 30 people had been injured.");
    expect([c.subject, c.predicate, c.unit]).toEqual(['Bolivia', 'injure', 'person']);
  });
});

describe('modality', () => {
  it('plans, targets and "set to" are hedged; a denied figure is negated', () => {
    expect(only('The firm plans to cut up to 1,500 jobs by 2026.')).toMatchObject({ hedged: true, bound: '<=' });
    expect(only('The company is set to raise up to $12.9bn in its listing next month.').hedged).toBe(true);
    expect(only('Trump suggested that Beijing resume buying around $20 billion of farm goods a year.')).toMatchObject({
      hedged: true,
      subject: 'China',
    });
    expect(only('The company said it did not sell 500 vehicles in March.').negated).toBe(true);
  });
});

describe('speakers with open roles', () => {
  it('a role before the name, lower case: "finance ministry spokesman Jonas Weber said on Tuesday"', () => {
    const c = only(
      'The government will borrow an extra 12 billion euros next year, finance ministry spokesman Jonas Weber said on Tuesday.',
    );
    expect(c.speaker).toEqual({ name: 'Jonas Weber', role: 'finance ministry spokesman' });
    expect(c.statedAt).toBe('2024-03-05');
  });

  it('"chief executive Bob Iger said"', () => {
    const c = only('Disney is spending more than $3 billion on new parks, chief executive Bob Iger said.');
    expect([c.subject, c.bound, c.speaker?.name, c.speaker?.role]).toEqual([
      'Disney',
      '>',
      'Bob Iger',
      'chief executive',
    ]);
  });
});

describe('whose figure it is', () => {
  it('"its" and a bare measure go to the name before them in the sentence, not to the article\'s topic', () => {
    const found = claims(
      'Acme Corp reported record sales. Meanwhile, rival Globex saw its annual profits fall 12% to $40m.',
    );
    expect(found.find((c) => c.value === 40_000_000)?.subject).toBe('Globex');
  });

  it('a nationality qualifying a noun owns nothing: "Initech\'s German unit" is Initech\'s', () => {
    const found = claims("Initech's German unit saw volume sales fall 4.1% last year.");
    expect(found.map((c) => c.subject)).toEqual(['Initech']);
  });

  it('"they say they can" is the speaker\'s own figure', () => {
    const found = claims('The Greens want a new levy. They say they can raise £2bn a year from it.');
    expect(found.map((c) => [c.subject, c.speaker?.name])).toEqual([['Greens', 'The Greens']]);
  });
});

describe('what a count measures', () => {
  it('"there were 750 leaks", "had 9 games in the top 20": the counted thing', () => {
    expect(claims('Even last January there were 750 leaks, city officials said.').map((c) => c.measure)).toEqual([
      'leaks',
    ]);
    expect(claims('Nordic Games had 9 games in the top 20.').map((c) => c.measure)).toEqual(['games']);
  });

  it('"its share of the audience soared by 20%": the owner\'s measure', () => {
    expect(claims('Its share of the audience soared by 20% in January.').map((c) => c.measure)).toEqual([
      'share of audience growth',
    ]);
  });
});

describe('casualties', () => {
  it('are persons whichever word counts them; other counts of people keep their word', () => {
    const killed = claims('Militants killed 12 civilians in the raid on Sunday.');
    expect(killed.map((c) => c.unit)).toEqual(['person']);
    const hired = claims('The airline hired 300 pilots last year.');
    expect(hired.map((c) => c.unit)).toEqual(['pilot']);
  });

  it('those killed are the measure whoever acted: "the rebels\' allies shelled the town, killing more than 40 people"', () => {
    const found = claims("In 2011 the rebels' allies shelled the town, killing more than 40 people.");
    expect(found.map((c) => c.measure)).toEqual(['death toll']);
    const named = claims('Last week the militia killed more than 15 villagers near the border.');
    expect(named.map((c) => [c.value, c.measure])).toEqual([[15, 'villagers killed']]);
  });

  it('"41 Londoners are confirmed to have died": a people WordNet knows by its capitalised name are those counted', () => {
    const found = claims('The ministry says 41 Londoners are now confirmed to have died in the flood.');
    expect(found.map((c) => [c.subject, c.unit])).toEqual([['Londoners', 'person']]);
  });

  it('casualties nobody is said to have inflicted are of the attack told before', () => {
    const found = claims(
      'The raiders stormed the depot on Monday, killing 6 guards. About 20 other people were wounded.',
    );
    expect(found.map((c) => [c.value, c.subject])).toEqual([
      [6, 'raiders'],
      [20, 'raiders'],
    ]);
    // A later story of the same article is not the attack's.
    const filler = ' The town held a market on Tuesday.'.repeat(9);
    const later = claims(
      `The raiders stormed the depot on Monday, killing 6 guards.${filler} About 20 people were injured in a crash.`,
    );
    expect(later.find((c) => c.value === 20)?.subject).toBeNull();
  });

  it('"…, wounding 30 people, including 12 children": the part met the same fate, as persons', () => {
    const found = claims('A bomb exploded at the market, wounding 30 people, including 12 children.');
    expect(found.map((c) => [c.value, c.predicate, c.measure, c.unit])).toEqual([
      [30, 'injure', 'people wounded', 'person'],
      [12, 'injure', 'children wounded', 'person'],
    ]);
  });
});

describe('datelines', () => {
  it('"LISBON — …" is where the report was filed, never a subject', () => {
    const found = claims('LISBON — Revenue at the port fell 8% last year.');
    expect(found.map((c) => c.subject)).not.toContain('LISBON');
  });

  it('"ROME — Gunmen attacked …": a common noun capitalised by the dateline is the actor, not a name', () => {
    const found = claims(
      "ROME — Gunmen attacked a bus at the city's busiest square on Monday, killing at least 8 people.",
    );
    expect(found.map((c) => [c.value, c.subject, c.measure])).toEqual([[8, 'gunmen', 'death toll']]);
  });
});

describe('speakers of announcements', () => {
  it("a product's price that nobody is said to state is the announcement of the company the article is about", () => {
    const found = extractClaims(
      'Orchard has unveiled a cheaper tablet, the first made by Orchard for schools. Chief executive Dana Ruiz ' +
        'showed off the device in Austin. The Slate will be sold for $329, and a larger version will be sold for $429.',
      { publishedAt: PUB, title: 'Orchard unveils low-cost tablet' },
    );
    expect(found.map((c) => [c.value, c.speaker?.name ?? null])).toEqual([
      [329, 'Orchard'],
      [429, 'Orchard'],
    ]);
  });

  it("a deal's price is no product's: nobody announced it", () => {
    const found = extractClaims("Orchard's $4.8 billion sale to Pinecrest is a complicated beast.", {
      publishedAt: PUB,
      title: 'Orchard sells itself',
    });
    expect(found.map((c) => c.speaker)).toEqual([null]);
  });

  it('"Acme founder Jo Ng said", "which founder Jo Ng said": the body a lower-case role is of opens the phrase', () => {
    const direct = claims('Acme founder Jo Ng said the service had passed 20 million members.');
    expect(direct.map((c) => [c.speaker?.name, c.speaker?.role])).toEqual([['Jo Ng', 'Acme founder']]);
    const relative = claims('Then came Plus, which Acme founder Jo Ng said last year had passed 20 million members.');
    expect(relative.map((c) => c.speaker?.name)).toEqual(['Jo Ng']);
  });
});

describe('measures carried through an article', () => {
  it('a later "received £X" means what an earlier "received … in grants" named; counts are not carried', () => {
    const found = claims(
      'The Harbour Trust received more than £2m in grants last year. The Valley Fund received just over £1m.',
    );
    expect(found.map((c) => [c.value, c.measure])).toEqual([
      [2_000_000, 'grant'],
      [1_000_000, 'grant'],
    ]);
  });
});

describe('comparisons with another group', () => {
  it('"compared to about 17% of kids who did not": a share of a group defined apart is a figure of its own', () => {
    const found = claims(
      'About 4% of adults who walked daily got the flu, compared to about 15% of adults who did not walk at all.',
    );
    expect(found.map((c) => [c.value, c.measure])).toEqual([
      [4, 'share of adults'],
      [15, 'share of adults'],
    ]);
    const earlier = claims('Turnout was 61%, compared with 58% in 2019.');
    expect(earlier.map((c) => c.value)).toEqual([61]);
  });
});

describe('objects moved to or by a figure', () => {
  it('"will raise the number of nurses from 5,000 to 6,200", "lifted X\'s audience share by 12%": the object moved', () => {
    const nurses = claims('The £90m plan will raise the number of nurses from 5,000 to 6,200.');
    expect(nurses.find((c) => c.value === 6200)).toMatchObject({ subject: 'nurses', measure: 'number of nurses' });
    const share = claims("The new drama has lifted the network's audience share by 12%.");
    expect(share.map((c) => c.measure)).toEqual(['network audience share growth']);
  });
});

describe('counts an act names', () => {
  it('"the tour sold 2 million tickets": the subject acted (whatever WordNet makes of it), the measure is the act\'s', () => {
    const found = claims('The tour sold more than 2 million tickets in its first month.');
    expect(found.map((c) => [c.subject, c.measure])).toEqual([['tour', 'ticket sales']]);
  });
});

describe('verbs the tagger takes for nouns', () => {
  it('"flaw exposes thousands of routers": a present form after a singular noun and before a figure is the verb', () => {
    const found = claims('Decade-old flaw exposes thousands of routers to attack.');
    expect(found.map((c) => [c.subject, c.predicate, c.measure])).toEqual([
      ['Decade-old flaw', 'expose', 'routers exposed'],
    ]);
  });
});

describe('posts quoted at length', () => {
  it('paragraphs of a post in the first person after "X wrote in a blog post" are the writer\'s, code lines between them too', () => {
    const found = claims(
      '"I waited a year to publish this," Lisbon-based researcher Rui Matos wrote in a blog post on Monday.\n\n' +
        'The parser trusts the length field. This lets us send a packet that it cannot refuse.\n\n' +
        'frame: {\n\n  chunk: [\n\n}\n\n' +
        'Each frame holds 400 chunks. Our whole payload weighs just 12 kilobytes after compression.\n\n' +
        'The vendor says it has fixed the flaw, which affected 3,000 routers.',
    );
    expect(found.map((c) => [c.value, c.speaker?.name ?? null])).toEqual([
      [400, 'Rui Matos'],
      [12, 'Rui Matos'],
      [3000, 'vendor'],
    ]);
  });
});

describe('"the department" among several', () => {
  it('is the department whose other words the sentence holds, not the one named last', () => {
    const found = claims(
      'The mayor oversees the Department of Water Supply and the Roads Department. ' +
        'Water Supply officials said the department repaired 75 pipes in January.',
    );
    expect(found.find((c) => c.value === 75)?.subject).toBe('Department of Water Supply');
  });
});

describe('prices per unit of a thing', () => {
  it('"paid between $3 and $4 a pound for cod": the price of the goods after "for", not of a time', () => {
    const found = claims('Trawlers are usually paid between $3 and $4 a pound for cod.');
    expect(found.map((c) => [c.subject, c.measure, c.unit])).toEqual([['cod', 'price', 'USD/lb']]);
    const term = claims('He said: "The price of copper will hold above $8,000 a tonne for the medium term."');
    expect(term.map((c) => [c.subject, c.measure])).toEqual([['copper', 'price of copper']]);
  });
});

describe('givers named after "from"', () => {
  it('"a legacy from Ann Ruiz of £200,000", "a $2 billion bid from Orchard": the giver or bidder is the figure\'s', () => {
    const legacy = claims('The largest gift to the party was a legacy from Ann Ruiz of nearly £200,000.');
    expect(legacy.map((c) => c.subject)).toEqual(['Ann Ruiz']);
    const bid = claims('The founder famously rebuffed a $2 billion takeover offer from Orchard in 2015.');
    expect(bid.map((c) => c.subject)).toEqual(['Orchard']);
  });
});

describe('money received that is no aid', () => {
  it('"received a boost, with ticket sales worth 90bn yen" is the ticket sales; "received $2bn in aid" stays aid', () => {
    const sales = claims("Korea's cinemas received a 4.1% boost last year, with ticket sales worth 90bn yen.");
    expect(sales.find((c) => c.value === 90_000_000_000)).toMatchObject({
      measure: 'ticket sales',
      predicate: 'receive',
    });
    const aid = claims('Ukraine received $2bn in military aid from Germany last year.');
    expect(aid[0]?.figureKey).toMatch(/^transfer:DE>UA/);
  });
});

describe('populations', () => {
  it('"the country of 50 million people", "a nation of 11 million": the people of a place are its population', () => {
    expect(claims('The decision caused fear in the country of 40 million people.').map((c) => c.measure)).toEqual([
      'population',
    ]);
    expect(claims('Ruritania, a nation of 9 million, depends on farming.').map((c) => c.measure)).toEqual([
      'population',
    ]);
    expect(claims('The company of 300 workers closed.').map((c) => c.measure)).not.toContain('population');
  });
});

describe('statistics of a group', () => {
  it('"the average age of members was 41.5 years": a group\'s average age is a figure, a person\'s age is not', () => {
    const found = claims(
      'The average age of members was 41.5 years old and 61.2% of them were women. Okafor, 75, agreed.',
    );
    expect(found.map((c) => [c.value, c.unit, c.measure])).toEqual([
      [41.5, 'year', 'average age of members'],
      [61.2, '%', 'share of members'],
    ]);
  });
});

describe('acts of killing as written', () => {
  it('"rebels executed 14 Christians": a regular past form before its object is the verb; a group by its name is persons', () => {
    const found = claims('In March, rebels loyal to the junta executed 14 Christians near the river.');
    expect(found.map((c) => [c.value, c.unit, c.measure])).toEqual([[14, 'person', 'people executed']]);
  });
});

describe('what moved, named before up or down', () => {
  it('"on sales up 21% at 8.6bn euros": the noun before "up" names the change and the level', () => {
    const found = claims('The result comes on sales up 12% at 4.1bn euros.');
    expect(found.map((c) => [c.value, c.measure])).toEqual([
      [12, 'sales growth'],
      [4_100_000_000, 'sales'],
    ]);
  });
});

describe('numbers that modify a noun', () => {
  it('"the yield on the 30-year bond": a hyphened number before its noun stays in the subject phrase', () => {
    const found = claims("Since January, the yield on Italy's 30-year bond has risen to 4.2 percent.");
    expect(found.map((c) => [c.value, c.subject, c.measure])).toEqual([[4.2, 'Italy', 'yield']]);
  });
});

describe('subjects before an infinitive', () => {
  it('"is on track to hit": the subject phrase is before "on track", as before "is set to"', () => {
    const found = claims('The cost of borrowing is on track to hit $80 billion next year.');
    expect(found.map((c) => c.measure)).toEqual(['cost of borrowing']);
  });
});

describe('counts over time', () => {
  it('"lost every month", "stranded each year": a count over time is a rate; "a year ago" is a point', () => {
    expect(claims('About 2,000 bicycles are stolen every month in the city.').map((c) => c.unit)).toEqual([
      'bicycle/month',
    ]);
    expect(claims('About 40 seals are stranded on the coast each year.').map((c) => c.unit)).toEqual(['seal/year']);
    expect(claims('The museum sold 90,000 tickets a year ago.').map((c) => c.unit)).toEqual(['ticket']);
    // Past a dashed aside: "about 700 outages — most of them brief — in a typical month".
    expect(
      claims('Each winter the network logs about 700 outages — most of them brief — in a typical month.').map(
        (c) => c.unit,
      ),
    ).toEqual(['outage/month']);
  });

  it('"two gunmen died, and three others escaped": the others are of the people counted before', () => {
    const found = claims('Two raiders died, and three others may have escaped, police said.');
    expect(found.map((c) => [c.value, c.subject, c.measure])).toEqual([
      [2, 'raiders', 'raiders killed'],
      [3, 'raiders', 'raiders escaped'],
    ]);
  });

  it('"just over" is approximate from above (~>), not "more than"', () => {
    const found = claims('The Liberal Party received just over £1m, and more than 300 members joined.');
    expect(found.map((c) => [c.value, c.bound])).toEqual([
      [1_000_000, '~>'],
      [300, '>'],
    ]);
  });

  it('"others" after people counted in the sentence are persons; "just under" is nearly', () => {
    const found = claims('Three hikers died, and two others missing. Just under 400 tents were lost.');
    expect(found.map((c) => [c.value, c.unit])).toEqual([
      [3, 'person'],
      [2, 'person'],
      [400, 'tent'],
    ]);
    expect(found[1]?.measure).toBe('hikers missing');
    expect(found[2]?.bound).toBe('~<');
  });
});

describe('names and their initials', () => {
  it('initials in the headline are the name the body spells out after them', () => {
    const found = extractClaims(
      "A fund bought into Granite Mutual in 2019. Rivals bought shares, halving GM's stake to 10%.",
      {
        publishedAt: PUB,
        title: 'GM gives up control',
      },
    );
    expect(found.find((c) => c.value === 10)?.subject).toBe('Granite Mutual');
  });
});

describe('speakers named earlier', () => {
  it('"the treasurer said" is the person a title introduced before, though that person did not speak there', () => {
    const found = claims(
      'Mayor Ann Holt said the city would hire 40 officers. Treasurer Paul Okafor backed a plan to sell bonds. ' +
        'The treasurer said the plan would raise about $30m next year.',
    );
    expect(found.find((c) => c.value === 30_000_000)?.speaker?.name).toBe('Paul Okafor');
  });

  it('"Lead bidder, the Borealis Pension Fund, announced the news, adding …": the body named after its role speaks', () => {
    const found = claims(
      'Nine former trustees have agreed a $40m settlement. Lead bidder, the Borealis Pension Fund, announced the news, adding that four trustees will pay $5m themselves.',
    );
    expect(found.map((c) => [c.value, c.speaker?.name])).toEqual([
      [9, 'Borealis Pension Fund'],
      [40_000_000, 'Borealis Pension Fund'],
      [4, 'Borealis Pension Fund'],
      [5_000_000, 'Borealis Pension Fund'],
    ]);
  });

  it("a company's results for a period, said by nobody in the article, are the company's statement; its share price is not", () => {
    const found = claims(
      'Rival carrier Skyline Air saw its fourth-quarter profits fall 15% to $56m. Its shares rose 3% to $12.',
    );
    expect(found.map((c) => [c.value, c.speaker?.name ?? null])).toEqual([
      [56_000_000, 'Skyline Air'],
      [12, null],
    ]);
  });

  it('"Eric Hale, one of the leading voices on trade, said …" — then "he said" is Hale', () => {
    const found = claims(
      'Eric Hale, one of the leading voices on trade, said he was surprised. He said that tariffs had cost farmers more than $2bn last year.',
    );
    expect(found.map((c) => [c.value, c.speaker?.name])).toEqual([[2_000_000_000, 'Eric Hale']]);
  });

  it('"Mr. Okafor said" is a person, not a body named in the plural, and the person named in full before', () => {
    const found = claims(
      'The thaw worried Tomas Okafor, deputy commissioner for water operations.\n\n“The ground moves,” Mr. Okafor said.\n\nThere are typically between 400 and 600 breaks a year, he added.',
    );
    expect(found.map((c) => [c.range, c.speaker?.name])).toEqual([[[400, 600], 'Tomas Okafor']]);
  });

  it('a stray straight quotation mark does not pull the next sentences into a quotation', () => {
    const found = claims(
      'Mayor Ann Holt called the budget "a turning point. She said the city "would not wait" for the state. ' +
        'Treasurer Paul Okafor backed a plan to sell bonds. The treasurer said the plan would raise about $30m.',
    );
    expect(found.find((c) => c.value === 30_000_000)?.speaker?.name).toBe('Paul Okafor');
  });
});

describe('not claims', () => {
  it('scores, phone numbers and ages are no figures', () => {
    expect(
      claims('Call 911 or the hotline on 0800 123 4567 if you see anything; the 45-year-old was arrested.'),
    ).toEqual([]);
    expect(claims('Arsenal beat Chelsea 2-1 on Saturday.')).toEqual([]);
  });

  it('years before what they date, spans before "ago", small descriptive counts are no figures', () => {
    expect(claims('Its shares are down 20% since the announcement two months ago.').map((c) => c.value)).toEqual([20]);
    expect(claims('The new phone comes in two versions.')).toEqual([]);
  });
});

describe('whose figure', () => {
  it('a capitalised word owning a figure at the start of a sentence is a name, though WordNet knows it as a noun', () => {
    const found = claims('Badger’s $2.1 billion sale to Corvan closed on Monday.');
    expect(found.find((c) => c.value === 2_100_000_000)?.subject).toBe('Badger');
  });

  it('"compared with" brings the earlier level; the sentence keeps its own verb and subject', () => {
    const found = claims(
      "Corvan's profit rose 50% in the quarter. Profit was 1.4bn rupees compared with 900m rupees a year earlier.",
    );
    const profit = found.find((c) => c.value === 1_400_000_000);
    expect([profit?.predicate, profit?.subject]).toEqual(['be', 'Corvan']);
  });

  it('"sent Corvan\'s shares up 6%": a figure that moved belongs to the owner of what moved', () => {
    const found = claims('Reports of a probe sent Corvan’s shares up 6% in late January.');
    expect(found.find((c) => c.value === 6)?.subject).toBe('Corvan');
  });

  it('"more than 50% of mobile owners reported …": a share of people that speaks is theirs too', () => {
    expect(claims('More than 50% of tablet owners reported they had lost a device.')[0]?.subject).toBe('tablet owners');
  });

  it('"a third of children are": a share of people is about those people', () => {
    const found = claims('The Liberals said a third of children are overweight.');
    expect(found.map((c) => c.subject)).toEqual(['children']);
  });

  it('"killing 19 people" is a death toll; "two gunmen died" counts the gunmen killed', () => {
    const found = claims('Gunmen opened fire at a museum, killing 19 people. Two gunmen died, officials said.');
    expect(found.map((c) => c.measure)).toEqual(['death toll', 'gunmen killed']);
  });
});

describe('things counted as their own subject', () => {
  it('"4 million tablets were sold": with nobody and nowhere named, the things counted', () => {
    const found = claims('More than 4 million tablets were sold in the second quarter.');
    expect(found.map((c) => c.subject)).toEqual(['tablets']);
  });

  it('"there will be 3 billion sensors in use": what is counted exists, unless someone named says so', () => {
    expect(
      claims('It is predicted that there will be 3 billion sensors in use by 2030.').map((c) => c.subject),
    ).toEqual(['sensors']);
    const said = claims('Last winter there were 640 outages, Northgrid officials said.');
    expect(said.map((c) => c.subject)).toEqual(['Northgrid']);
  });
});

describe('dated subject phrases', () => {
  it('"vehicle unit sales in 2004 were 6,798,000": the subject phrase is read past its date', () => {
    const [c] = claims('Corvan said its profits rose. Vehicle unit sales in 2004 were 6,798,000.');
    expect([c?.measure, c?.unit]).toEqual(['vehicle unit sales', 'vehicle']);
  });
});

describe('changes of counts', () => {
  it('"an increase of 62,000 units": a count\'s change is in what the level counts', () => {
    const [c] = claims('Corvan said its profits rose. Vehicle unit sales were 6,798,000, an increase of 62,000 units.');
    expect([c?.changeBy, c?.changeUnit]).toEqual([62_000, 'vehicle']);
  });
});

describe('per share', () => {
  it('a dividend of a few cents is paid per share; a total paid out in dividends is not', () => {
    expect(only('Corvan is raising its quarterly dividend by 10% to 22 cents.').unit).toBe('USD/share');
    expect(only('Corvan paid $2bn in dividends last year.').unit).toBe('USD');
  });
});

describe('bare counts', () => {
  it('"the number of films released rose to 310": the measure names what a bare count counts', () => {
    const found = claims('The number of local films released rose to 310 in 2004.');
    expect(found.map((c) => c.unit)).toEqual(['film']);
  });
});

describe('clauses and verbs the tagger misses', () => {
  it('"Corvan accounts for half of the market": a present form before "for" a figure is the verb', () => {
    const found = claims("Corvan accounts for half of the country's car sales.");
    expect(found.map((c) => [c.value, c.subject])).toEqual([[50, 'Corvan']]);
  });

  it('"a loss of $470m and its sales dipped 3.8%": a change in a clause of its own is a figure of its own', () => {
    const found = claims('Corvan made a pre-tax loss of $470m in the quarter and its sales dipped 3.8%.');
    expect(found.map((c) => [c.value, c.change, c.changeBy])).toEqual([
      [470_000_000, null, null],
      [3.8, 'down', 3.8],
    ]);
  });
});

describe('owners by pronoun', () => {
  it('"its US sales dipped": the company referred back to owns them, the country only qualifies them', () => {
    const found = claims('Corvan made a loss of $470m in the quarter and its US sales dipped 3.8%.');
    expect(found.find((c) => c.value === 3.8)?.subject).toBe('Corvan');
  });
});

describe('measures named by the act', () => {
  it('"took 20bn yen", "…, taking 13.8bn yen": a film or a show takes takings', () => {
    const found = claims(
      'The animated film Moonfall took 20bn yen. Harbour Lights was the biggest foreign hit last year, taking 13.8bn yen.',
    );
    expect(found.map((c) => c.measure)).toEqual(['takings', 'takings']);
  });

  it('"Sales of films on DVD and video amounted to": nouns joined by "and" stay in the subject phrase', () => {
    expect(only('Sales of films on DVD and video amounted to 497bn yen for the year.').measure).toBe('sales of films');
  });
});

describe('speakers carried from the sentences before', () => {
  it('a speaker just before covers a figure whose subject is only referred back to, nearer than the headline', () => {
    const found = extractClaims(
      'Minister Jane Roe said more pupils would play sport. She added the target was two hours a week. The proportion was at 62% last year.',
      { publishedAt: PUB, title: "Sport 'is back', says PM" },
    );
    expect(found.find((c) => c.value === 62)?.speaker?.name).toBe('Jane Roe');
  });

  it('"Last week, however, …" turns to another matter', () => {
    const text = (opener: string): Array<[number | null, string | null]> =>
      claims(`Analyst Jane Roe said sales rose 5% to $2bn. ${opener} prices fell 10%.`).map((c) => [
        c.value,
        c.speaker?.name ?? null,
      ]);
    expect(text('Last week,')).toEqual([
      [2_000_000_000, 'Jane Roe'],
      [10, 'Jane Roe'],
    ]);
    expect(text('Last week, however,')).toEqual([
      [2_000_000_000, 'Jane Roe'],
      [10, null],
    ]);
  });
});

describe('agents of passives', () => {
  it('"the £2.4m received by 12 trade unions", "the £50m given by the council": the agent after "by", named or not', () => {
    expect(
      claims('This is nearly half of the £2.4m received by 12 trade unions last year.').map((c) => c.subject),
    ).toContain('12 trade unions');
    expect(claims('Of the £50m given by the council so far, little had been spent.')[0]?.subject).toBe('council');
  });
});

describe('what refers back', () => {
  it('"the senate" is no company referred back to; "the company" is the last company named', () => {
    const found = claims(
      'Shares in Nordholm fell 6% on Monday. The senate approved the bill by 61 votes to 38. The company will cut 1,200 jobs.',
    );
    expect(found.map((c) => [c.value, c.subject])).toEqual([
      [6, 'Nordholm'],
      [61, 'senate'],
      [38, 'senate'],
      [1200, 'Nordholm'],
    ]);
  });

  it('a bare measure after people named by a common noun is not theirs', () => {
    const found = claims('Police arrested 14 men on Saturday. Unemployment fell to 4.1% in October.');
    expect(found.map((c) => [c.value, c.subject])).toEqual([
      [14, 'Police'],
      [4.1, null],
    ]);
  });

  it('"hospital admissions rose to 4,300": a plural measure names what a bare count counts', () => {
    expect(only('Hospital admissions for flu rose 12% last week to 4,300.').unit).toBe('admission');
  });
});

describe('things that act', () => {
  it('"the film took 20bn yen": a thing that is no measure, doing an act that names its measure, is the subject', () => {
    expect(only('The film took 20bn yen at the box office.')).toMatchObject({ subject: 'film', measure: 'takings' });
  });
});

describe('parts, wholes and amounts', () => {
  it('"16 out of the top 20 titles were sequels": the part is the figure, its verb a form of "be"; the whole is none', () => {
    expect(
      claims('16 out of the top 20 titles were all sequels to popular games.').map((c) => [c.value, c.unit]),
    ).toEqual([[16, 'title']]);
  });

  it('"$500m has been retrieved": an amount is no thing counted; it is the amount that became so', () => {
    expect(only('Just under $500m has been retrieved for investors.')).toMatchObject({
      subject: null,
      measure: 'amount retrieved',
    });
  });
});

describe('words of a measure', () => {
  it('"a 2bn euro pay-off": the word after a hyphen stays in the measure; "the estimated 150,000 dead" is a death toll', () => {
    expect(only('Some predictions had expected a 2bn euro pay-off.').measure).toBe('pay-off');
    expect(only('The country joined a silence for the estimated 150,000 dead.').measure).toBe('death toll');
  });
});

describe('predicates as figures state them', () => {
  it('a price that is is a cost; a share of a market that is is held; money a film took it earned', () => {
    expect(only('The $499 Lumen is the cheapest laptop the firm has made.').predicate).toBe('cost');
    expect(
      only('Corvan is still the biggest player in Brazil, with more than a quarter of the market.').predicate,
    ).toBe('hold');
    expect(only('The film took 20bn yen at the box office.').predicate).toBe('earn');
  });
});

describe('shares of a whole', () => {
  it('"accounting for 15 percent of its gross domestic product": the share of the whole named, not the subject', () => {
    expect(
      only('Tourism is critical to Corvania, accounting for 15 percent of its gross domestic product.').measure,
    ).toBe('share of gross domestic product');
  });
});

describe('double objects', () => {
  it('"gave the party a sum of £500,000": an article opens a phrase, the party got it, the sum is a donation', () => {
    const c = only('Other donations came from Sir Anthony Blake, who gave the party a sum of £500,000.');
    expect([c.subject, c.measure]).toEqual(['Anthony Blake', 'donation']);
  });
});

describe('takings are counted by others', () => {
  it('a film that took 20bn yen in 2004 does not state it itself, as a company states its results', () => {
    expect(only('The animated film Moonfall took 20bn yen in 2004.').speaker).toBeNull();
  });
});

describe('relative clauses', () => {
  it('"X, whose cast includes A, B and C, sold …": the relative clause with commas of its own is passed over', () => {
    const found = claims(
      'Blue Harbor, whose backers include Alma Reyes, Tom Ives and Ken Oduya, sold 2 million tickets last year.',
    );
    expect(found.map((c) => [c.value, c.subject])).toEqual([[2_000_000, 'Blue Harbor']]);
  });

  it('"3% of kids who ate peanuts got an allergy": the verb after the relative clause governs the share', () => {
    expect(only('About 3% of kids who ate peanuts got an allergy.').subject).toBe('kids');
  });
});

describe('the business referred back to', () => {
  it('"…, the retailer said": a business noun WordNet knows as a merchant speaks as the company named', () => {
    const found = claims(
      'Shopwell said on Thursday that quarterly profit fell 12% to $1.2bn. Online sales rose 4.5% to $14.3bn, the retailer said.',
    );
    expect(found.map((c) => c.speaker?.name)).toEqual(['Shopwell', 'Shopwell']);
  });

  it('"the site surveyed 60,000 developers": a publisher noun (WordNet: web site, newspaper) refers back to the one named', () => {
    const found = claims(
      'The report by Devforum ranks skills. In 2019, the site surveyed more than 60,000 developers.',
    );
    expect(found.find((c) => c.value === 60_000)?.subject).toBe('Devforum');
  });
});
