import { monthNames } from './calendar.ts';
import type { ClaimKind, FigureSpec } from './corpusFigures.ts';

/*
 * Phrase material for generated articles. Templates use `{a|b|c}` for alternatives and `{@name}`
 * for slots. Filler sentences carry no numbers other than years and dates, so that every quantity
 * in a generated article is one of the claims listed in the manifest. Alternatives sit every few
 * words: two independent articles that draw the same template rarely share a five-word run, which
 * keeps unrelated articles far apart for near-duplicate detection.
 */

export interface BoundSpec {
  /** The qualifier as written, empty for an exact figure. */
  word: string;
  /** The `Bound` of the event catalog. */
  bound: '=' | '>' | '>=' | '<=' | '~' | '~<';
}

export const bounds: readonly BoundSpec[] = [
  { word: '', bound: '=' },
  { word: '', bound: '=' },
  { word: 'more than', bound: '>' },
  { word: 'over', bound: '>' },
  { word: 'at least', bound: '>=' },
  { word: 'up to', bound: '<=' },
  { word: 'nearly', bound: '~<' },
  { word: 'almost', bound: '~<' },
  { word: 'about', bound: '~' },
  { word: 'around', bound: '~' },
  { word: 'roughly', bound: '~' },
];

/*
 * Claim sentence templates. Slots: S subject, R recipient, B qualifier with trailing space (or
 * nothing), V value, U unit text, N speaker name, RO role, D date phrase, T town; “ ” are quotes.
 */
export const claimTemplates: Record<ClaimKind, readonly string[]> = {
  transfer: [
    '{@S} has delivered {@B}{@V} {@U} to {@R}, said {@N}, the {@RO}, {@D}.',
    '{@N}, the {@RO}, said {@D} that {@S} had shipped {@B}{@V} {@U} to {@R}.',
    '“{@S} has transferred {@B}{@V} {@U} to {@R},” {@N}, the {@RO}, told reporters {@D}.',
    'According to {@N}, the {@RO}, who spoke to journalists {@D}, {@S} has sent {@B}{@V} {@U} to {@R}.',
    '{@S} supplied {@R} with {@B}{@V} {@U}, {@N}, the {@RO}, said {@D}.',
    '{@N}, the {@RO}, said {@D} that {@R} had received {@B}{@V} {@U} from {@S}.',
  ],
  aid: [
    '{@S} will provide {@R} with {@B}{@V} {@U}, {@N}, the {@RO}, announced {@D}.',
    '{@N}, the {@RO}, said {@D} that {@S} had pledged {@B}{@V} {@U} to {@R}.',
    '“{@S} is committing {@B}{@V} {@U} to {@R},” {@N}, the {@RO}, said {@D}.',
  ],
  stockpile: [
    '{@S} still has {@B}{@V} {@U}, {@N}, the {@RO}, said {@D}.',
    '{@N}, the {@RO}, estimated {@D} that {@S} holds {@B}{@V} {@U}.',
    '“{@S} has {@B}{@V} {@U} in reserve,” {@N}, the {@RO}, told a briefing {@D}.',
  ],
  casualties: [
    '{@S} has suffered {@B}{@V} {@U} in the fighting around {@T}, {@N}, the {@RO}, said {@D}.',
    '{@N}, the {@RO}, said {@D} that {@S} had sustained {@B}{@V} {@U} near {@T}.',
  ],
};

/**
 * What an article is about decides its headline, context and quotes: arms reaching Russia are
 * condemned and sanctioned, arms reaching Ukraine are pledged and debated in parliaments.
 */
export type Theme = 'hostile' | 'support' | 'aid' | 'stockpile' | 'casualties';

export function themeOf(spec: FigureSpec): Theme {
  if (spec.kind === 'transfer') return spec.recipient?.name === 'Russia' ? 'hostile' : 'support';
  return spec.kind;
}

/** Figure-free headlines. Slots: S, R (plain names), Sadj, L speaker label, K unit short noun, T town. */
export const headlineTemplates: Record<Theme, readonly string[]> = {
  hostile: [
    '{@S} keeps arming {@R}, {@L} says',
    '{@L}: {@S} stepped up deliveries of {@K} to {@R}',
    '{@S} sent more {@K} to {@R} than previously known, {@L} says',
    'New {@K} shipments from {@S} to {@R} spotted, according to {@L}',
    '{@L} accuses {@S} of supplying {@R} with {@K}',
    'How {@S} keeps {@R} supplied with {@K}',
    '{@R} receives fresh {@K} from {@S}, {@L} says',
    '{@S}-{@R} arms pipeline is growing, warns {@L}',
  ],
  support: [
    '{@S} steps up deliveries of {@K} to {@R}',
    '{@R} receives more {@K} from {@S}, {@L} says',
    'New {@K} from {@S} on the way to {@R}',
    '{@L} details {@Sadj} {@K} sent to {@R}',
    '{@Sadj} {@K} for {@R}: what has been sent so far',
  ],
  aid: [
    '{@S} pledges new military aid to {@R}',
    '{@S} unveils fresh weapons package for {@R}',
    '{@L} details the latest support for {@R}',
    'More help for {@R}: {@S} announces new package',
    '{@S} promises {@R} more weapons as winter approaches',
  ],
  stockpile: [
    "{@S}'s {@K} reserves are larger than thought, {@L} says",
    'How long can {@S} keep firing? {@L} weighs its reserves',
    "{@L} sizes up what is left in {@S}'s depots",
    '{@S} is not running out of ammunition yet, {@L} warns',
  ],
  casualties: [
    '{@Sadj} forces suffer heavy losses near {@T}, {@L} says',
    'Fighting near {@T} takes a heavy toll on {@Sadj} troops',
    '{@L}: assaults near {@T} cost {@Sadj} units dearly',
    'Attacks around {@T} falter as losses mount, {@L} says',
  ],
};

export const standfirstTemplates: readonly string[] = [
  '{The figures|The new figures|The latest estimates} {come|arrive} as {Western capitals|allies|officials} {debate|argue over|weigh} {the next steps|how to respond|what to do next}.',
  '{Officials|Diplomats|Analysts} {say|warn|believe} the {numbers|estimates|figures} {point to|reflect|show} a {longer|harder|more costly} war.',
  '{The claim|The statement|The assessment} {adds to|deepens|sharpens} {a debate|the argument|concerns} over {the course of the war|supplies to the front|Europe’s security}.',
  '{It is|This is} the {latest|newest|most detailed} {estimate|assessment|account} {made public|released|offered} {so far|this season|in weeks}.',
];

/** Slots every filler can use. */
export const slotValues: Record<string, readonly string[]> = {
  port: [
    'Najin',
    'Rason',
    'Vostochny',
    'Nakhodka',
    'Vladivostok',
    'Astrakhan',
    'Makhachkala',
    'Novorossiysk',
    'Ust-Luga',
    'Bandar Abbas',
  ],
  hub: [
    'Tikhoretsk',
    'Rostov-on-Don',
    'Bryansk',
    'Kursk',
    'Belgorod',
    'Voronezh',
    'Krasnodar',
    'Taganrog',
    'Millerovo',
    'Valuyki',
  ],
  region: [
    'the Krasnodar region',
    'Primorsky Krai',
    'the Rostov region',
    'the Bryansk region',
    'the Kursk region',
    'occupied Crimea',
    'the Zaporizhzhia region',
    'the Donetsk region',
    'the Kharkiv region',
    'the Belgorod region',
  ],
  town: [
    'Avdiivka',
    'Bakhmut',
    'Robotyne',
    'Kupiansk',
    'Marinka',
    'Vuhledar',
    'Krynky',
    'Chasiv Yar',
    'Pokrovsk',
    'Vovchansk',
    'Toretsk',
    'Lyman',
  ],
  org: [
    'the Baltic Security Institute',
    'the Danube Policy Forum',
    'the Transatlantic Defence Institute',
    'the Black Sea Security Forum',
    'the Riga Strategic Studies Centre',
    'the Nordic Defence Review',
    'the Vistula Institute for Security Studies',
  ],
  month: [...monthNames],
  capital: [
    'Brussels',
    'Berlin',
    'Paris',
    'London',
    'Warsaw',
    'Vilnius',
    'Tallinn',
    'Riga',
    'Prague',
    'Helsinki',
    'Stockholm',
    'Copenhagen',
  ],
  body: [
    'the UN Security Council',
    'the OSCE Permanent Council',
    'the North Atlantic Council',
    'the European Council',
    'the G7',
    'the UN General Assembly',
  ],
  agency: ['Eastlight Images', 'Pool', 'Frontline Photo Service', 'Danube Press Photo', 'Northern Lens Agency'],
};

export const fillerTemplates: Record<Theme | 'general', readonly string[]> = {
  general: [
    '{The war|The full-scale invasion|Russia’s war} {has dragged on|has ground on|has continued} since February 2022, {and|while} {neither side|no side} {has managed|has been able} {to break through|to make a decisive breakthrough|to change the front line significantly}.',
    '{Western|European|Allied} {officials|governments|diplomats} {have repeatedly|have consistently|have long} {warned|argued|said} that {@R2} {depends|relies|leans} {heavily|increasingly|more and more} on {partners abroad|outside suppliers|foreign help}.',
    '{The issue|The question|The matter} {is expected|is likely|is set} to {come up|be raised|feature} when {@body} {meets|gathers|next convenes}.',
    '{Diplomats in|Officials in|Governments in} {@capital} {said|stressed|noted} {they would|that they would|they intend to} {keep|continue} {pressing|pushing|calling} for {further sanctions|a firmer response|tighter enforcement}.',
    '{The Kremlin|Russian officials|Moscow’s foreign ministry} {did not respond|declined to respond|did not reply} to {a request for comment|requests for comment|questions about the report}.',
    '{Independent|Outside} {experts|analysts|observers} {cautioned|warned|noted} that {such|these} {estimates|figures|assessments} {are hard|are difficult|remain hard} to {verify|confirm|check independently}.',
    '{Ukrainian|Western|Allied} {commanders|officers|planners} {say|warn|have said} {the coming|the next} {months|weeks|season} {will|could|may} {be decisive|prove decisive|shape the rest of the war}.',
    '{The report|The statement|The assessment} {drew|prompted|triggered} {sharp|swift|pointed} {comment|reactions|responses} {from|in} {@capital}{| and other European capitals| and across the alliance}.',
    '{In|Throughout} {@month}, {fighting|combat|shelling} {intensified|grew heavier|flared} {along|across} {the eastern front|the front line|several sectors of the front}, {according to|said|reported} {officials in Kyiv|military bloggers|local authorities}.',
    '{Analysts at|Researchers at|Experts from} {@org} {argue|believe|say} that {the pace|the scale|the tempo} of {the fighting|the war|artillery duels} {now|increasingly|largely} {depends|turns} on {industrial capacity|factory output|the ability to produce ammunition}.',
    '{The|This} {development|news|disclosure} {is likely|is expected|is set} to {add to|increase} {the pressure|the debate} {on|among} {lawmakers|parliaments|governments} {debating|considering|weighing} {new support|further assistance|the next aid package}.',
    '{Air raid|Air-raid} {alerts|sirens} {sounded|were declared} {across|in} {much of Ukraine|several regions|the east of the country} {overnight|on the same day|later that evening}, {officials|regional authorities|emergency services} {said|reported}.',
    '{Peace|Ceasefire} {talks|negotiations} {remain|look|appear} {distant|out of reach|unlikely}, {with both sides insisting|as Moscow and Kyiv hold out|as both capitals insist} on {incompatible|irreconcilable|opposing} {terms|demands|conditions}.',
    '{The|This} {claim|account|assessment} {could not be|has not been} {independently|separately} {confirmed|verified} by {this newspaper|our reporters|the newsroom}.',
    '{European|NATO} {leaders|ministers|officials} {are due|are expected|plan} to {discuss|review|take stock of} {support for Ukraine|the war|the security situation} {at a summit|at their next meeting|in the coming weeks}.',
    '{Energy|Power} {infrastructure|grids|plants} {across|in} {Ukraine|the country} {have|had} {again|repeatedly} {come under|been hit by|suffered} {missile and drone attacks|massive strikes|overnight bombardments}{| in recent weeks| this season}.',
    '{Russian state media|Pro-Kremlin commentators|Russian officials} {dismissed|rejected|played down} {the|such} {reports|claims|accusations} as {Western propaganda|an attempt to smear Moscow|baseless}.',
    '{Ukraine’s|Kyiv’s} {foreign ministry|presidential office|government} {urged|called on|pressed} {allies|partners|the West} to {respond|react|act} {firmly|swiftly|without delay}.',
    '{Officials|Diplomats|Intelligence officers} {speaking|talking} on {condition of anonymity|background} {said|added|noted} {the|that the} {picture|situation|assessment} {was|remained} {fluid|incomplete|subject to change}.',
  ],
  hostile: [
    '{Satellite images|Commercial satellite imagery|Images} {published|released|obtained} by {@org} {show|appear to show|suggest} {rail cars|cargo ships|lorries} {being loaded|waiting|lined up} {at|near} {@port}.',
    '{The cargo|The shipments|The consignments} {were|are believed to have been|appear to have been} {moved|carried|transported} by {sea|ship} to {@port} {and then|before being sent|and onwards} by {rail|train} to {depots|ammunition depots|storage sites} near {@hub}.',
    '{From|Beyond} {@hub}, {the weapons|the munitions|the supplies} {are|were} {thought|believed|said} to {reach|be sent to|move on to} {units|troops|artillery batteries} {fighting|deployed|stationed} in {@region}.',
    '{In return|In exchange|As payment}, {@S2} {is|appears to be|is reportedly} {seeking|looking for|hoping to obtain} {advanced|modern|sophisticated} {military technology|weapons technology|know-how} from {@R2}, {officials|diplomats|analysts} {said|believe|suspect}.',
    '{Such|These} {transfers|deliveries|shipments} {would|could|appear to} {violate|breach|flout} {United Nations|UN Security Council} {resolutions|sanctions} {that|which} {ban|prohibit|forbid} {arms sales by|weapons exports from|military cooperation with} {@S2}.',
    '{Ukrainian|Front-line|Field} {soldiers|gunners|officers} {say|have said|report} {that|} {the|some of the} {munitions|shells|rounds} {arriving|supplied|delivered} from {@S2} {are|tend to be|have proved} {old|unreliable|of poor quality}{| and often fail| and sometimes misfire}.',
    '{Shipping data|Tracking data|Port records} {reviewed|examined|analysed} by {@org} {point to|indicate|suggest} {an increase|a rise|a surge} in {traffic|voyages|port calls} between {@port} and {@port2}.',
    '{The|This} {arms|weapons} {pipeline|trade|link} {between|linking} {@S2} and {@R2} {has drawn|has attracted|has prompted} {condemnation|concern|warnings} {from|in} {@capital} and {@capital2}.',
    '{Investigators|Ukrainian experts|Weapons specialists} {have found|recovered|identified} {fragments|debris|remnants} of {@Sadj} {missiles|munitions|weapons} {after|following} {strikes|attacks} on {cities|infrastructure|residential areas} in {@region}.',
    '{Officials|Diplomats|Analysts} {also|additionally|further} {pointed to|mentioned|highlighted} {a meeting|talks|contacts} between {@Sadj} and {@Radj} {leaders|officials|defence chiefs} {earlier this year|in September|last autumn}.',
    '{Sanctions|Export controls|Restrictions} {imposed|adopted|introduced} {since|after} {the invasion|February 2022|the start of the war} {were meant|were designed|were supposed} to {choke off|limit|slow} {such|these} {supplies|transfers|deliveries}.',
    '{Both|The two} {governments|capitals} {deny|have denied|reject} {any|the} {wrongdoing|violation of sanctions|breach of international law}{| and call the reports fabricated| and accuse the West of spreading disinformation}.',
  ],
  support: [
    '{The|These} {weapons|vehicles|systems} {are|were} {expected|due|set} to {reach|arrive at|be handed to} {Ukrainian|front-line} {units|brigades} {before|ahead of} {winter|the spring|the next Russian offensive}.',
    '{Crews|Ukrainian soldiers|Operators} {have|had} {trained|been training|completed training} on the {equipment|systems|vehicles} {in|at} {ranges|bases|training grounds} {in|across} {Germany|Poland|the United Kingdom}.',
    '{Kyiv|Ukrainian officials|Ukraine’s defence ministry} {has|have} {welcomed|praised|thanked allies for} the {deliveries|shipments|decision}{| but asked for more| and called for faster deliveries}.',
    '{Deliveries|Shipments|Transfers} {pass|move|travel} {through|via} {logistics hubs|transit hubs|depots} in {eastern Poland|Slovakia|Romania} {before crossing into Ukraine|on their way to the front|before the last leg by road}.',
    '{Critics|Opposition lawmakers|Some officials} in {@capital} {argue|warn|complain} that {the|such} {deliveries|transfers} {deplete|drain|thin out} {national|the army’s own} {stocks|reserves|inventories}.',
    '{Defence|Arms} {companies|manufacturers|makers} {have|had} {been asked|received orders|signed contracts} to {replace|replenish|backfill} the {equipment|stocks|vehicles} {sent|handed over|transferred} to {@R2}.',
    '{Ukrainian|Front-line} {commanders|officers|units} {say|report|have said} {the equipment has|such systems have|the weapons have} {made a difference|proved their worth|helped hold the line} {near|around|outside} {@T2}.',
  ],
  aid: [
    '{The package|The new package|The aid} {includes|covers|will fund} {artillery ammunition|air defence interceptors|armoured vehicles}{, spare parts| and spare parts|, training} and {maintenance|logistics support|fuel}, {officials|the ministry|the government} {said|added|explained}.',
    '{Lawmakers|Members of parliament|Legislators} {in|from} {@capital} {have argued|have debated|have clashed} {for weeks|for months|at length} over {how|whether} to {fund|finance|sustain} {support|assistance|aid} for {@R2}.',
    '{Ukrainian officials have|Kyiv has|Ukraine’s government has} {repeatedly|long|consistently} {asked|called|appealed} for {more|faster|longer-range} {air defence|artillery|weapons} {ahead of|before} {winter|the next offensive|new Russian attacks}.',
    '{Some|Parts of the} {deliveries|equipment|weapons} {will|are expected to|should} {come|be taken|be drawn} from {existing stocks|army reserves|depots}, {while|and} {the rest|others|the remainder} {will be|is to be|must be} {ordered|bought|procured} from {industry|manufacturers|arms makers}.',
    '{The announcement|The pledge|The commitment} {follows|comes after|builds on} {earlier|previous|several earlier} {packages|pledges|rounds of assistance} {agreed|announced|approved} {since|after} {the start of the war|February 2022|the invasion}.',
    '{Budget|Funding|Spending} {disputes|battles|rows} {in|within} {@capital} {have|had} {slowed|delayed|held up} {earlier|previous|some} {deliveries|packages|commitments}, {officials|diplomats|critics} {said|noted|complained}.',
    '{Ukraine’s|Kyiv’s} {allies|partners|backers} {meet|gather|convene} {regularly|every few weeks|again soon} {in|at} {the Ramstein format|the contact group|NATO headquarters} to {coordinate|align|plan} {their|further} {support|deliveries|aid}.',
  ],
  stockpile: [
    '{Russia|Moscow} {has|is said to have|appears to have} {ramped up|expanded|increased} {production|output|manufacturing} {at|in} {its|state-owned} {arms factories|plants|defence enterprises}{| working in several shifts| running around the clock}.',
    '{Much|A large part|Part} of {the|this} {stock|reserve|stockpile} {consists of|is made up of|includes} {ageing|old|Soviet-era} {munitions|rounds|equipment} {taken|pulled|drawn} from {long-term|deep|strategic} {storage|depots}.',
    '{Analysts at|Researchers at|Experts from} {@org} {estimate|believe|assess} that {the|these} {reserves|stocks|stockpiles} {could|would|might} {last|sustain the current tempo|be enough} {for a long time yet|well into next year|for many months}.',
    '{Western|European} {intelligence|military} {services|agencies|officials} {track|follow|monitor} {the|these} {figures|stocks|depots} {closely|carefully|constantly} {because|as|since} {they|such numbers} {shape|determine|affect} {planning|forecasts|strategy} in {@capital}.',
    '{Satellite|Aerial|Commercial} {imagery|photographs|images} {of|from} {storage bases|depots|vehicle parks} {near|around|outside} {@hub} {show|indicate|suggest} {rows|lines|fields} of {equipment|vehicles|hardware} {being removed|disappearing|thinning out}.',
    '{European industry|Europe’s arms industry|Western industry} is {still|only now} {struggling|racing|working hard} to {match|catch up with|keep pace with} {Russian|Moscow’s|the Kremlin’s} {output|production|supply}.',
  ],
  casualties: [
    '{The|Those} {figures|numbers|estimates} {cannot|could not} {be independently verified|be confirmed independently|be checked}, {and|while} {Moscow|the Kremlin|Russia} {rarely|seldom|almost never} {publishes|discloses|releases} {its own|any} {losses|casualty figures}.',
    '{Russian|Attacking|Assault} {units|troops|forces} {have|had} {launched|mounted|pressed} {wave after wave of|repeated|relentless} {assaults|attacks|infantry attacks} {on|against|towards} {@T2}{| despite heavy losses| across open fields}.',
    '{Ukrainian|Defending} {brigades|units|troops} {have held|are holding|hold} {positions|the line|their ground} {around|near|outside} {@T2} {under|amid|despite} {constant|heavy|relentless} {shelling|artillery fire|drone attacks}.',
    '{Military|Independent} {bloggers|analysts|observers} {describe|have described} {the|this} {battle|fight|offensive} {for|around|near} {@T2} as {one of the bloodiest|among the most costly|one of the hardest} {of the war|in months|this year}.',
    '{Mud|Rain|Frost} and {fog|snow|cold} {have|had} {slowed|hampered|complicated} {operations|movement|attacks} {in|across} {@region} {in recent weeks|lately|this month}.',
    '{Commanders|Officers|Soldiers} {at|along} the front {say|report} that {drones|glide bombs|artillery} now {cause|account for|inflict} {most|the bulk|much} of the {losses|casualties|wounds}.',
  ],
};

/** Quotes without figures, as speakers say them. Slots: N speaker, S2, R2 (entity forms). */
export const quoteTemplates: Record<Theme, readonly string[]> = {
  hostile: [
    '“We {condemn|strongly condemn|denounce} {these|such} {transfers|deliveries|actions}, which {will be used|are being used} to {attack|strike} {Ukrainian|civilian} {cities|infrastructure} and {kill|harm} {civilians|innocent people},” {@N} said.',
    '“{This|It} {shows|demonstrates|proves} {how|just how} {isolated|desperate|dependent} {@R2} {has become|now is|is},” {@N} {added|said|told reporters}.',
    '“We will {continue|keep} {to monitor|monitoring|watching} {this|these developments|the situation} {closely|carefully} and {raise|bring} {it|the issue} {at|before} the {UN|Security Council|OSCE},” {@N} {said|added}.',
  ],
  support: [
    '“{Every|Each} {delivery|shipment} {helps|makes a difference for} the {soldiers|defenders} {holding|on} the {line|front},” {@N} said.',
    '“We will {stand by|support} {Ukraine|our partners} for as long as it takes,” {@N} {said|added}.',
    '“{Our partners|Our allies|We} {must|need to|have to} {act|move|deliver} {faster|more decisively|without delay},” {@N} {said|urged|insisted}.',
  ],
  aid: [
    '“This is {a clear signal|a strong message|an important step}: {we|our country} will not {abandon|walk away from} {Ukraine|our partners},” {@N} said.',
    '“{Our partners|Our allies|We} {must|need to|have to} {act|move|deliver} {faster|more decisively|without delay},” {@N} {said|urged|insisted}.',
  ],
  stockpile: [
    '“{Russia|Moscow} is {preparing|getting ready|digging in} for a {long|protracted} war,” {@N} {said|warned}.',
    '“We {should not|must not} {underestimate|ignore} how much {they|the Kremlin} still {has|holds} in {storage|reserve},” {@N} {said|added}.',
  ],
  casualties: [
    '“{The enemy is|The attackers are} paying a {terrible|heavy} price for {every metre|each village|every position},” {@N} said.',
    '“{Our|The} {defenders|troops} {are holding|hold} {firm|the line} {despite|under} {constant|relentless} {pressure|attacks},” {@N} {said|added}.',
  ],
};

export const captionTemplates: readonly string[] = [
  'Photo: {@agency}',
  '{A freight train|A column of trucks|A cargo ship} {near|outside|at} {@port}. Photo: {@agency}',
  '{Soldiers|Gunners|Artillerymen} {load|prepare|carry} {shells|ammunition|rounds} {near|outside} {@town}. (Image source: {@agency})',
  '{Officials|Diplomats|Ministers} {arrive|gather|meet} {for talks|for a briefing|at a summit} in {@capital}. Photo: {@agency}',
];
