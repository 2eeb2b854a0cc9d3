import { describe, expect, it } from 'vitest';
import { extractClaims } from './extractClaims.ts';
import { figureKey } from './figureKey.ts';

const PUB = '2023-10-14T09:00:00Z'; // a Saturday

function only(text: string, publishedAt: string | null = PUB) {
  const claims = extractClaims(text, { publishedAt });
  expect(claims, text).toHaveLength(1);
  return claims[0]!;
}

describe('extractClaims: predicates, subjects and recipients', () => {
  it.each([
    ['North Korea sent more than 1,000 containers to Russia.', 'transfer:KP>RU:container'],
    ['North Korea sent Russia more than 1,000 containers.', 'transfer:KP>RU:container'],
    ['The DPRK has supplied Russia with over 1,000 containers of ammunition.', 'transfer:KP>RU:container'],
    ['Pyongyang delivered 1,000 containers to Moscow.', 'transfer:KP>RU:container'],
    ['Russian forces received thousands of ammunition containers from North Korea.', 'transfer:KP>RU:container'],
    ['Iran has shipped 400 ballistic missiles to Russia.', 'transfer:IR>RU:ballistic missile'],
    ['Russia bought 100 drones from Iran.', 'transfer:IR>RU:drone'],
    ['Russia has four million artillery shells.', 'stock:RU:artillery shell'],
    ['Moscow holds a stockpile of 4 million shells.', 'stock:RU:shell'],
    ['Russia launched 40 drones at Ukraine overnight.', 'launch:RU>UA:drone'],
    ['Ukrainian forces destroyed 12 Russian tanks near Bakhmut.', 'destroy:UA>RU:tank'],
    ['The United States pledged $300 million in aid to Ukraine.', 'pledge:US>UA:USD'],
    ['The US has halted plans to send an additional $6 billion in military aid to Kyiv.', 'halt-aid:US>UA:USD'],
    ['Russia deployed 10,000 troops to Belarus.', 'deploy:RU>BY:troop'],
    // Civilians killed are a figure of their own beside a death toll; whose they were is the recipient.
    ['Russian strikes killed 12 Ukrainian civilians.', 'casualties:RU>UA:civilian killed:person'],
    ['Russian strikes killed 12 people in Kharkiv.', 'casualties:RU>?:death toll:person'],
    ['Rheinmetall said Germany produced 700,000 shells.', 'produce:DE:shell'],
  ])('%s → %s', (sentence, key) => {
    expect(only(sentence).figureKey).toBe(key);
  });

  it('names subject and recipient by their normalised names', () => {
    const c = only(
      'The Pyongyang regime sent more than 1,000 containers of military equipment and ammunition to Russia.',
    );
    expect([c.subject, c.predicate, c.recipient]).toEqual(['North Korea', 'transfer', 'Russia']);
    expect([c.value, c.bound, c.unit, c.concept]).toEqual([
      1000,
      '>',
      'container',
      'military equipment and ammunition',
    ]);
  });

  it('a quantity without a governing verb, or a measure, is no claim', () => {
    // A distance is a measurement of the thing it is about, recorded as such, never a transfer.
    const depot = extractClaims('The depot is about 180 miles (290 kilometers) from the Ukrainian border.', {
      publishedAt: PUB,
    });
    expect(depot.map((c) => [c.figureKey, c.measure, c.subject])).toEqual([
      ['level:depot:distance:mile', 'distance', 'depot'],
    ]);
    expect(extractClaims('Kim Jong Un met Vladimir Putin for two days.', { publishedAt: PUB })).toEqual([]);
    expect(
      extractClaims('For the cost of one cup of coffee a month you can support Ukraine.', { publishedAt: PUB }),
    ).toEqual([]);
  });

  it('each figure takes the recipient written after it', () => {
    const claims = extractClaims(
      'The bill would send $14 billion to Israel and $9 billion in humanitarian aid to Gaza.',
      { publishedAt: PUB },
    );
    expect(claims.map((c) => c.recipient)).toEqual(['Israel', 'Palestine']);
  });

  it('"killed in Ukraine" names the place of the victims, not the attacker', () => {
    const c = only('More than 10,000 civilians have been killed in Ukraine since February 2022, the UN said.');
    expect([c.subject, c.recipient, c.predicate]).toEqual([null, 'Ukraine', 'casualties']);
  });

  it('a recipient named in an earlier sentence carries over', () => {
    const claims = extractClaims(
      'US officials accused North Korea of providing military hardware to Russia. Pyongyang has delivered up to 1,000 containers in recent weeks.',
      { publishedAt: PUB },
    );
    expect(claims.map((c) => c.figureKey)).toEqual(['transfer:KP>RU:container']);
  });

  it('a single shipment is a figure of its own', () => {
    const claims = extractClaims(
      'North Korea has shipped more than 1,000 containers to Russia. One load was supposed to contain 300 containers.',
      {
        publishedAt: PUB,
      },
    );
    expect(claims.map((c) => [c.figureKey, c.value])).toEqual([
      ['transfer:KP>RU:container', 1000],
      ['transfer:KP>RU:container:shipment', 300],
    ]);
  });
});

describe('extractClaims: negation and hedges', () => {
  it('"denied sending" is negated', () => {
    const c = only('Russia denied sending 300 drones to Iran.');
    expect([c.negated, c.hedged]).toEqual([true, false]);
  });

  it('"did not deliver" is negated', () => {
    expect(only('North Korea did not deliver 1,000 containers to Russia, Pyongyang said.').negated).toBe(true);
  });

  it('"could send" and "reportedly" are hedged', () => {
    expect(only('North Korea could send 1,000 more containers to Russia.').hedged).toBe(true);
    expect(only('Iran reportedly shipped 200 drones to Russia.').hedged).toBe(true);
  });

  it('an assessment ("believes") hedges the claim it reports', () => {
    expect(only('The United States believes North Korea sent 1,000 containers to Russia.').hedged).toBe(true);
  });

  it('a plain statement is neither', () => {
    const c = only('North Korea sent 1,000 containers to Russia.');
    expect([c.negated, c.hedged]).toEqual([false, false]);
  });
});

describe('extractClaims: speakers', () => {
  it.each([
    ['North Korea sent 1,000 containers to Russia, John Kirby said.', 'John Kirby', null],
    ['John Kirby said North Korea sent 1,000 containers to Russia.', 'John Kirby', null],
    [
      'North Korea sent 1,000 containers to Russia, said John Kirby, the White House spokesman.',
      'John Kirby',
      'White House spokesman',
    ],
    [
      'North Korea sent 1,000 containers to Russia, said White House adviser John Kirby.',
      'John Kirby',
      'White House adviser',
    ],
    [
      'According to National Security Council Spokesperson John Kirby, Pyongyang delivered up to 1,000 containers to Russia.',
      'John Kirby',
      'National Security Council Spokesperson',
    ],
    [
      'Ants Kiviselg, the head of the Estonian Defense Forces Intelligence Center, noted that Russia has four million artillery shells.',
      'Ants Kiviselg',
      'head of the Estonian Defense Forces Intelligence Center',
    ],
    ['John Kirby told reporters that North Korea sent 1,000 containers to Russia.', 'John Kirby', null],
    ['As Bloomberg reported, North Korea has sent over 1 million artillery shells to Russia.', 'Bloomberg', null],
    ['North Korea sent 1,000 containers to Russia, Reuters reported.', 'Reuters', null],
    [
      'US Ambassador to NATO Julianne Smith said the DPRK had transferred more than a thousand containers to Russia.',
      'Julianne Smith',
      'US Ambassador to NATO',
    ],
    [
      'The Lithuanian Foreign Minister Gabrielius Landsbergis said that North Korea supplied 300 containers to Russia.',
      'Gabrielius Landsbergis',
      'Lithuanian Foreign Minister',
    ],
  ])('%s', (sentence, name, role) => {
    expect(only(sentence).speaker).toEqual({ name, role });
  });

  it.each([
    ['Russia fired 55 drones at Ukraine overnight, the air force said.', 'air force'],
    ['Germany will send 14 tanks to Ukraine, a government spokesman said.', 'government spokesman'],
    ['Norway is donating 100 missiles to Ukraine, its defence ministry said in a statement.', 'defence ministry'],
    ["Turkey sold 20 drones to Ukraine, the company's chief executive told reporters.", "company's chief executive"],
    ['China has 500 nuclear warheads, a Pentagon report said.', 'Pentagon'],
    [
      'Russia has about 5,580 nuclear warheads, according to the Federation of American Scientists.',
      'Federation of American Scientists',
    ],
    ['Officials estimate that Pyongyang delivered roughly 3 million shells to Russia.', 'officials'],
  ])('organisations and unnamed officials speak: %s', (sentence, name) => {
    expect(only(sentence).speaker).toEqual({ name, role: null });
  });

  it('a passive reporting verb is no attribution, and the figure stays with its subject', () => {
    const c = only('China is estimated to have 500 operational nuclear warheads, a Pentagon report said.');
    expect(c.figureKey).toBe('stock:CN:operational nuclear warhead');
    expect(c.speaker?.name).toBe('Pentagon');
  });

  it('a figure inside the attribution is no claim', () => {
    const claims = extractClaims(
      'Iran has supplied Russia with about 400 ballistic missiles, according to three sources familiar with the matter.',
      {
        publishedAt: PUB,
      },
    );
    expect(claims.map((c) => c.figureKey)).toEqual(['transfer:IR>RU:ballistic missile']);
  });

  it('resolves "the US envoy", "she" and a surname to the person named earlier', () => {
    const text = [
      'US Ambassador to NATO Julianne Smith spoke on Wednesday.',
      '"The DPRK has transferred more than 1,000 containers to Russia," the US envoy said.',
      'She stated that Pyongyang had sent 300 containers to Russia in one shipment.',
      'Smith added that Iran had shipped 400 drones to Russia.',
    ].join(' ');
    const claims = extractClaims(text, { publishedAt: '2023-12-21' });
    expect(claims.map((c) => c.speaker?.name)).toEqual(['Julianne Smith', 'Julianne Smith', 'Julianne Smith']);
    expect(claims.every((c) => c.speaker?.role === 'US Ambassador to NATO')).toBe(true);
    // The statement date named once ("on Wednesday") holds for the same speaker later on.
    expect(claims.map((c) => c.statedAt)).toEqual(['2023-12-20', '2023-12-20', '2023-12-20']);
  });

  it('attributes every sentence of a quotation to the speaker named after it', () => {
    const text =
      '“Since the end of last year, North Korea has delivered nearly 11,000 containers of ammunition to Russia. Russia has used this weaponry against Ukraine,” said Tracey Newell.';
    const [c] = extractClaims(text, { publishedAt: '2024-05-03' });
    expect(c!.speaker?.name).toBe('Tracey Newell');
  });

  it('a headline attribution speaks for an article without one', () => {
    const text =
      'White House: North Korea sent Russia over 1,000 containers of weapons\nOne load was to contain 300 containers for Russia.';
    const claims = extractClaims(text, { publishedAt: PUB });
    expect(claims.map((c) => c.speaker?.name)).toEqual(['White House', 'White House']);
  });

  describe('"X announced this on Wednesday": the next sentence attributes the figure before it', () => {
    const PUB_THURSDAY = '2023-12-21T17:24:00Z';
    const claimsOf = (...sentences: string[]) => extractClaims(sentences.join(' '), { publishedAt: PUB_THURSDAY });

    it.each([
      'US Ambassador to NATO Julianne Smith announced this on Wednesday during an online briefing.',
      'US Ambassador to NATO Julianne Smith said this on Wednesday.',
      'US Ambassador to NATO Julianne Smith confirmed it on Wednesday to reporters.',
      'On Wednesday, US Ambassador to NATO Julianne Smith confirmed this.',
    ])('an unattributed figure takes the speaker and the date: %s', (next) => {
      const [c, ...rest] = claimsOf('North Korea has delivered over a thousand containers to Russia.', next);
      expect(rest).toEqual([]);
      expect(c!.speaker).toEqual({ name: 'Julianne Smith', role: 'US Ambassador to NATO' });
      expect(c!.statedAt).toBe('2023-12-20');
    });

    it('a person who announced it takes the figure over from a group or a report', () => {
      const [c] = claimsOf(
        'The latest report by US officials says North Korea has delivered over a thousand containers to Russia.',
        'US Ambassador to NATO Julianne Smith announced this on Wednesday, Ukrinform reports.',
      );
      expect(c!.speaker?.name).toBe('Julianne Smith');
      expect(c!.statedAt).toBe('2023-12-20');
    });

    it('a person named in the sentence itself keeps the figure', () => {
      const [c] = claimsOf(
        'John Kirby said on Monday that North Korea had delivered 1,000 containers to Russia.',
        'US Ambassador to NATO Julianne Smith confirmed this on Wednesday.',
      );
      expect(c!.speaker?.name).toBe('John Kirby');
      expect(c!.statedAt).toBe('2023-12-18');
    });

    it.each([
      ['a clause of its own after "it"', 'Smith said it would send 300 tanks to Ukraine.'],
      ['"that" opening a clause', 'Smith said that in September the army received new tanks.'],
      ['"this" as a subject', 'Smith said this was the largest delivery so far.'],
      ['an assessment', 'Smith believes this on Wednesday.'],
    ])('no attribution by %s', (_what, next) => {
      const c = claimsOf('North Korea has delivered over a thousand containers to Russia.', next).find(
        (x) => x.unit === 'container',
      );
      expect(c!.speaker).toBeNull();
      expect(c!.statedAt).toBe('2023-12-21');
    });

    it('only the sentence right before is attributed', () => {
      const claims = claimsOf(
        'North Korea has delivered over a thousand containers to Russia.',
        'The shipments went by sea.',
        'US Ambassador to NATO Julianne Smith announced this on Wednesday.',
      );
      expect(claims).toHaveLength(1);
      expect(claims[0]!.speaker).toBeNull();
    });
  });

  it('an unattributed sentence is the report speaking', () => {
    expect(only('Meanwhile, the US has halted plans to send $6 billion in military aid to Kyiv.').speaker).toBeNull();
  });
});

describe('extractClaims: when', () => {
  it.each([
    ['North Korea sent 1,000 containers to Russia, John Kirby said on Friday.', '2023-10-13'],
    ['The White House on Friday announced that the DPRK supplied Russia with 1,000 containers.', '2023-10-13'],
    ['As Bloomberg reported, back in October, North Korea sent 1 million shells to Russia.', '2023-10'],
    ['North Korea sent 1,000 containers to Russia, officials said last month.', '2023-09'],
    ['North Korea sent 1,000 containers to Russia, officials said yesterday.', '2023-10-13'],
    ['North Korea sent 1,000 containers to Russia, officials said.', '2023-10-14'],
  ])('%s → stated %s', (sentence, statedAt) => {
    expect(only(sentence).statedAt).toBe(statedAt);
  });

  it('no publication date, no relative statement date', () => {
    expect(only('North Korea sent 1,000 containers to Russia, officials said on Friday.', null).statedAt).toBeNull();
  });

  it.each([
    [
      'North Korea sent 1,000 containers to Russia between September 7 and October 1, officials said.',
      { from: '2023-09-07', to: '2023-10-01', text: 'between September 7 and October 1' },
    ],
    [
      'Since the end of last year, North Korea has shipped 11,000 containers to Russia.',
      { from: '2022-12', to: null, text: 'Since the end of last year' },
    ],
    [
      'North Korea sent 1,000 containers to Russia in September, John Kirby said on Friday.',
      { from: '2023-09', to: '2023-09', text: 'in September' },
    ],
  ])('reporting period: %s', (sentence, period) => {
    const c = only(sentence);
    expect(c.period).toMatchObject(period);
  });
});

describe('extractClaims: gazetteer extension and figure keys', () => {
  it('knows extra organisations through options, and any name without them', () => {
    const text = 'Rosoboronexport sent 40 helicopters to India.';
    expect(extractClaims(text, { publishedAt: PUB }).map((c) => c.figureKey)).toEqual([
      'transfer:rosoboronexport>IN:helicopter',
    ]);
    const ext = { entities: [{ id: 'ROE', name: 'Rosoboronexport' }] };
    const [c] = extractClaims(text, { publishedAt: PUB, gazetteer: ext });
    expect(c!.figureKey).toBe('transfer:ROE>IN:helicopter');
    expect(c!.subject).toBe('Rosoboronexport');
  });

  it('different wordings of one figure share a key', () => {
    const keys = [
      'North Korea has delivered over a thousand containers of military equipment and munitions to Russia.',
      'The DPRK has transferred more than a thousand containers of military equipment and ammunition to Russia.',
      'Pyongyang has delivered up to 1,000 containers of equipment and munitions to Moscow.',
      'Since the end of last year, North Korea has delivered nearly 11,000 containers of ammunition to Russia.',
      'WH claims DPRK sent 1K containers of military assistance to Russia',
    ].map((s) => only(s).figureKey);
    expect(new Set(keys)).toEqual(new Set(['transfer:KP>RU:container']));
  });

  it('the key format', () => {
    expect(figureKey({ predicate: 'transfer', subject: 'KP', recipient: 'RU', unit: 'container' })).toBe(
      'transfer:KP>RU:container',
    );
    expect(figureKey({ predicate: 'stock', subject: 'RU', recipient: null, unit: 'artillery shell' })).toBe(
      'stock:RU:artillery shell',
    );
    expect(
      figureKey({ predicate: 'transfer', subject: null, recipient: 'RU', unit: 'container', scope: 'shipment' }),
    ).toBe('transfer:?>RU:container:shipment');
  });

  it('spans point at the quantity in the whole text', () => {
    const text = 'Intro line\nNorth Korea sent nearly 11,000 containers to Russia.';
    const [c] = extractClaims(text, { publishedAt: PUB });
    expect(text.slice(c!.span[0], c!.span[1])).toBe('nearly 11,000 containers');
    expect(text.slice(c!.sentenceSpan[0], c!.sentenceSpan[1])).toBe(c!.sentence);
  });
});

describe('extractClaims: wire wordings of speaker, role, date and unit', () => {
  // PUB is Saturday 14 October 2023.
  it.each([
    [
      'North Korea has delivered more than 1,000 containers to Russia, said Tracey Newell, the deputy head of the US mission to the OSCE, on Friday.',
      'Tracey Newell',
      'deputy head of the US mission to the OSCE',
      '2023-10-13',
    ],
    [
      'According to Kyrylo Budanov, the head of Ukraine’s military intelligence, who spoke to journalists on Sunday, Iran has sent about 2,400 drones to Russia.',
      'Kyrylo Budanov',
      'head of Ukraine’s military intelligence',
      '2023-10-08',
    ],
    [
      'Grant Shapps, the UK defence secretary, estimated on 12 October that Russia holds about 1,800 tanks.',
      'Grant Shapps',
      'UK defence secretary',
      '2023-10-12',
    ],
    [
      'Josep Borrell, the EU’s foreign policy chief, said on Tuesday that Europe had sent 300,000 artillery shells to Ukraine.',
      'Josep Borrell',
      'EU’s foreign policy chief',
      '2023-10-10',
    ],
    [
      'James Heappey, the UK armed forces minister, said on Monday that Britain had supplied 200 missiles to Ukraine.',
      'James Heappey',
      'UK armed forces minister',
      '2023-10-09',
    ],
    [
      'Russia has about 1,800 tanks left in storage, Nico Lange, a senior fellow at the Munich Security Conference, said on Thursday.',
      'Nico Lange',
      'senior fellow at the Munich Security Conference',
      '2023-10-12',
    ],
    [
      '“North Korea has shipped over 1 million artillery shells to Russia,” Yoo Seong-min, the spokesperson for South Korea’s National Intelligence Service, told reporters on Wednesday.',
      'Yoo Seong-min',
      'spokesperson for South Korea’s National Intelligence Service',
      '2023-10-11',
    ],
    [
      'Sofia Lindqvist, the Swedish defence minister, said on Friday that Sweden had pledged €2 billion in aid to Ukraine.',
      'Sofia Lindqvist',
      'Swedish defence minister',
      '2023-10-13',
    ],
  ])('%s', (sentence, name, role, statedAt) => {
    const c = only(sentence);
    expect(c.speaker).toEqual({ name, role });
    expect(c.statedAt).toBe(statedAt);
  });

  it.each([
    [
      'Ursula von der Leyen, the president of the European Commission, said on Wednesday that the EU had pledged €50 billion to Ukraine.',
      'Ursula von der Leyen',
      'president of the European Commission',
    ],
    [
      'Ukraine’s defence minister, Rustem Umerov, said on Friday that Kyiv had received 200 tanks from Poland.',
      'Rustem Umerov',
      'Ukraine’s defence minister',
    ],
    ['But the spokesman, John Kirby, said Russia had fired 40 missiles at Ukraine.', 'John Kirby', 'spokesman'],
  ])('names with particles, and a role before the name: %s', (sentence, name, role) => {
    expect(only(sentence).speaker).toEqual({ name, role });
  });

  it('a place in the speaker’s role is no party to the figure', () => {
    const c = only(
      'North Korea sent 300 shells, said Serhiy Kovalenko, the spokesperson for Ukraine’s military intelligence, on Monday.',
    );
    expect([c.subject, c.recipient]).toEqual(['North Korea', null]);
    const pledge = extractClaims(
      'Mark Rutte, NATO’s secretary general, said on Thursday that allies had pledged $40 billion.',
      { publishedAt: PUB },
    );
    expect(pledge.map((c) => [c.subject, c.recipient])).toEqual([['allies', null]]);
  });

  it('a date after a speaker with no role closes the attribution, not the name', () => {
    const c = only('Russia sent 300 tanks to Belarus, said officials on Monday.');
    expect(c.speaker).toEqual({ name: 'officials', role: null });
    expect(c.statedAt).toBe('2023-10-09');
  });

  it('a clause between commas after the name is no role, and its date no statement date', () => {
    const c = only(
      'According to Kyrylo Budanov, whose agency tracked the trains in September, Iran has sent about 2,400 drones to Russia.',
    );
    expect(c.speaker).toEqual({ name: 'Kyrylo Budanov', role: null });
    expect(c.statedAt).toBe('2023-10-14');
  });

  it.each([
    ['Iran has shipped 300 attack drones to Russia.', 'transfer:IR>RU:drone', 'attack drone'],
    ['Poland has sent 60 main battle tanks to Ukraine.', 'transfer:PL>UA:tank', 'main battle tank'],
    ['The DPRK supplied Russia with 1 million artillery rounds.', 'transfer:KP>RU:artillery shell', 'artillery round'],
    [
      'Germany has delivered 100 armoured fighting vehicles to Ukraine.',
      'transfer:DE>UA:armoured vehicle',
      'armoured fighting vehicle',
    ],
    [
      'Britain has supplied Ukraine with 200 interceptor missiles.',
      'transfer:GB>UA:air defence missile',
      'interceptor missile',
    ],
  ])('one figure whichever name of the materiel: %s', (sentence, key, concept) => {
    const c = only(sentence);
    expect(c.figureKey).toBe(key);
    expect(c.unit).toBe(key.split(':').pop());
    expect(c.concept).toBe(concept);
  });

  it('a narrower class or a bare noun keeps its own figure', () => {
    expect(only('Germany has delivered 40 infantry fighting vehicles to Ukraine.').figureKey).toBe(
      'transfer:DE>UA:infantry fighting vehicle',
    );
    expect(only('Moscow holds a stockpile of 4 million shells.').figureKey).toBe('stock:RU:shell');
  });

  it.each([
    ['“Canada is committing C$500 million in military aid to Ukraine,” the defence minister said.', 'pledge:CA>UA:CAD'],
    [
      'The United States will provide Ukraine with $2.1 billion in military aid, the Pentagon announced.',
      'pledge:US>UA:USD',
    ],
    ['Germany will also send 40 tanks to Ukraine, a government spokesman said.', 'pledge:DE>UA:tank'],
    ['Denmark is pledging €1.3 billion in new military assistance to Kyiv.', 'pledge:DK>UA:EUR'],
  ])('a commitment is a pledge: %s', (sentence, key) => {
    expect(only(sentence).figureKey).toBe(key);
  });

  it('troops sent in the future are a deployment, not a pledge', () => {
    expect(only('Russia will send 3,000 troops to Belarus.').figureKey).toBe('deploy:RU>BY:troop');
  });

  it('a transfer in the past stays a transfer', () => {
    expect(only('The United States provided Ukraine with $2.1 billion in military aid.').figureKey).toBe(
      'transfer:US>UA:USD',
    );
  });

  it.each([
    [
      'Russia has suffered more than 300,000 casualties in Ukraine, British intelligence said.',
      'casualties:?>RU:person',
      'Russia',
    ],
    [
      'Harriet Baldwin said on Saturday that Moscow had sustained 8,700 casualties near Avdiivka.',
      'casualties:?>RU:person',
      'Russia',
    ],
    ['Ukrainian forces suffered about 400 deaths in the battle for Bakhmut.', 'casualties:?>UA:death', 'Ukraine'],
  ])('the side that suffered losses is the victim: %s', (sentence, key, victim) => {
    const c = only(sentence);
    expect([c.figureKey, c.predicate, c.subject, c.recipient]).toEqual([key, 'casualties', null, victim]);
  });

  it('"suffered" or "sustained" of anything but people lost is no casualty figure', () => {
    const attacks = extractClaims('Kharkiv has suffered 30 attacks since January.', { publishedAt: PUB });
    expect(attacks.map((c) => [c.figureKey, c.subject])).toEqual([
      ['suffer:kharkiv:attack suffered:attack', 'Kharkiv'],
    ]);
    const growth = extractClaims('The Russian economy sustained 3% growth last year.', { publishedAt: PUB });
    expect(growth.map((c) => c.predicate)).not.toContain('casualties');
  });
});

describe('extractClaims: the headline given apart from the text', () => {
  const title = 'White House: North Korea sent Russia over 1,000 containers of weapons';
  const body =
    'The deliveries began in September.\n\nNorth Korea has shipped 300 containers of munitions to Russia by sea.';

  it('speaks for the figures the body states without an attribution', () => {
    const [c] = extractClaims(body, { publishedAt: PUB, title });
    expect(c!.speaker).toEqual({ name: 'White House', role: null });
    expect(c!.statedAt).toBe('2023-10-14');
  });

  it('without it the report itself states them', () => {
    expect(extractClaims(body, { publishedAt: PUB })[0]!.speaker).toBeNull();
    expect(extractClaims(body, { publishedAt: PUB, title: 'North Korea keeps arming Russia' })[0]!.speaker).toBeNull();
  });

  it('takes the part of a headline that attributes, after a dateline or kicker', () => {
    const [c] = extractClaims(body, { publishedAt: PUB, title: `USA. ${title}` });
    expect(c!.speaker?.name).toBe('White House');
  });

  it('"…, US envoy says" at the end of the headline', () => {
    const [c] = extractClaims(body, { publishedAt: PUB, title: 'North Korea keeps arming Russia, US envoy says' });
    expect(c!.speaker?.name).toBe('US envoy');
  });

  it('a sentence with its own speaker keeps it', () => {
    const [c] = extractClaims(`${body} John Kirby said on Friday that Pyongyang had sent 1,000 containers to Russia.`, {
      publishedAt: PUB,
      title,
    }).slice(1);
    expect(c!.speaker).toEqual({ name: 'John Kirby', role: null });
    expect(c!.statedAt).toBe('2023-10-13');
  });

  it("attributes only the figures about what the headline is about, not the report's own aside", () => {
    const text = `${body}\n\nMeanwhile, the US has temporarily halted plans to send an additional $6 billion in military aid to Kyiv.`;
    const claims = extractClaims(text, {
      publishedAt: PUB,
      title: 'White House accuses North Korea of arming Russia for its war in Ukraine',
    });
    expect(claims.find((c) => c.subject === 'North Korea')?.speaker?.name).toBe('White House');
    const aid = claims.find((c) => c.figureKey.startsWith('halt-aid:US>UA'));
    expect(aid).toBeDefined();
    expect(aid!.speaker).toBeNull();
  });

  it('is not counted twice when the text opens with it', () => {
    const withHeadline = `${title}\n\n${body}`;
    expect(extractClaims(withHeadline, { publishedAt: PUB, title })).toEqual(
      extractClaims(withHeadline, { publishedAt: PUB }),
    );
  });
});

describe('a detail of a figure without a date of its own', () => {
  const text = [
    'North Korea sent more than 1,000 containers of munitions to Russia, John Kirby, the White House spokesman, said on Friday.',
    'Photographs released by officials show 300 containers assembled for transport in Najin, North Korea.',
  ].join('\n\n');

  it('takes the day the report dates the figure itself on', () => {
    const claims = extractClaims(text, { publishedAt: PUB });
    const detail = claims.find((c) => c.value === 300)!;
    expect(detail.figureKey).toBe('transfer:KP>RU:container:shipment');
    expect(detail.statedAt).toBe('2023-10-13');
  });

  it('keeps the publication day when the figure itself has no day, or two', () => {
    const noDay = text.replace(' said on Friday', ' said');
    expect(extractClaims(noDay, { publishedAt: PUB }).find((c) => c.value === 300)!.statedAt).toBe('2023-10-14');
    const twoDays = `${text}\n\nRussia received more than 900 containers from North Korea by early October, Kirby said on Monday.`;
    expect(extractClaims(twoDays, { publishedAt: PUB }).find((c) => c.value === 300)!.statedAt).toBe('2023-10-14');
  });
});
