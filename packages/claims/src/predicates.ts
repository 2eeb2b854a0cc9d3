import { wordSet } from './lexicon.ts';
/**
 * The predicate table: which verb (or noun) makes a quantity a claim, and what kind. Documented in
 * the README; keep the two in step.
 */
export type Predicate =
  | 'transfer'
  | 'stock'
  | 'produce'
  | 'purchase'
  | 'casualties'
  | 'destroy'
  | 'launch'
  | 'pledge'
  | 'halt-aid'
  | 'deploy'
  | 'capture'
  | 'displace'
  | 'spend'
  | 'price'
  | 'poll';

export interface Trigger {
  predicate: Predicate;
  /** "received from", "bought from": the grammatical subject is the recipient. */
  reverse?: boolean;
  /** Only counts right before the quantity ("Russia has four million shells"), not as an auxiliary. */
  adjacentOnly?: boolean;
  /** A noun trigger: "deliveries of", "a stockpile of". */
  noun?: boolean;
  /**
   * The grammatical subject underwent it: "Russia has suffered 5,700 casualties" names the side that
   * lost them. Only governs counts of people lost (`CASUALTY_UNITS`).
   */
  sufferer?: boolean;
}

const T = (predicate: Predicate, words: string, extra: Omit<Trigger, 'predicate'> = {}): Array<[string, Trigger]> =>
  words.split(' ').map((w) => [w, { predicate, ...extra }]);

export const TRIGGERS = new Map<string, Trigger>([
  ...T(
    'transfer',
    'sent send sends sending shipped ship ships shipping delivered deliver delivers delivering transferred transfer transfers transferring supplied supply supplies supplying provided provide provides providing gave give gives given giving handed donated donate donates donating exported export exports exporting transported transport transporting smuggled smuggling dispatched dispatch funnelled funneled sold sell sells selling contributed contribute',
  ),
  ...T('transfer', 'delivery deliveries shipment shipments transfers exports', { noun: true }),
  ...T('transfer', 'received receive receives receiving obtained obtain obtains got gets', { reverse: true }),
  ...T(
    'purchase',
    'bought buy buys buying purchased purchase purchases purchasing acquired acquire acquires imported import imports importing ordered order orders',
    { reverse: true },
  ),
  ...T('stock', 'has have had holds hold held possess possesses possessed owns own', { adjacentOnly: true }),
  ...T('stock', 'stockpiled stockpiling stored storing'),
  ...T('stock', 'stockpile stockpiles stocks stock reserves reserve arsenal arsenals inventory inventories', {
    noun: true,
  }),
  ...T(
    'produce',
    'produced produce produces producing manufactured manufacture manufactures manufacturing makes churns built builds',
  ),
  ...T('produce', 'production output', { noun: true }),
  ...T('casualties', 'killed kill kills killing wounded wounding injured injuring injure died dies dead'),
  ...T('casualties', 'casualties deaths fatalities toll', { noun: true }),
  ...T('casualties', 'suffered suffer suffers suffering sustained sustain sustains sustaining incurred incur incurs', {
    sufferer: true,
  }),
  ...T(
    'destroy',
    'destroyed destroy destroys destroying downed intercepted intercept intercepts eliminated neutralised neutralized damaged',
  ),
  ...T('launch', 'launched launch launches launching fired fire fires firing'),
  ...T(
    'pledge',
    'pledged pledge pledges pledging promised promise promises committed commit commits committing approved approve approves approving allocated allocate allocates allocating earmarked earmarking unveiled unveiling offered offer offers offering granted grant grants granting',
  ),
  ...T('pledge', 'package packages tranche', { noun: true }),
  ...T('deploy', 'deployed deploy deploys deploying stationed mobilised mobilized mobilise mobilize'),
  ...T('capture', 'captured capture captures seized seize seizes'),
  ...T('displace', 'fled flee flees fleeing displaced evacuated'),
  ...T('spend', 'spent spend spends spending invested invest invests budgeted'),
  ...T('price', 'cost costs priced valued'),
]);

/** Counted nouns a "suffered" or "sustained" governs: people lost, not attacks weathered or growth kept up. */
export const CASUALTY_UNITS = wordSet(`
  casualty death fatality loss injury killed dead wounded soldier troop serviceman servicemen personnel civilian
  man men people person fighter
`);

/** Auxiliaries that make a transfer a commitment: "will provide", "shall deliver" (and "we'll send"). */
export const FUTURE_AUXILIARIES = wordSet(`
  will shall
`);

/** Verbs that stop aid when they govern a transfer or pledge: "halted plans to send $6 billion". */
export const HALT_WORDS = wordSet(`
  halted halt halts suspended suspend suspends froze freeze freezes frozen paused pause pauses blocked block
  blocks withheld withhold withholds delayed delay stalled cancelled canceled cancel stopped stop stops
  scrapped shelved
`);

export const AID_NOUNS = wordSet(`
  aid assistance funding support package tranche help
`);

/** Predicates whose figure has a recipient (or target); the others key on the subject alone. */
export const DIRECTED = wordSet(`
  transfer pledge halt-aid deploy launch casualties destroy capture
`);

/** Words before a trigger that negate it: "denied sending", "did not deliver". */
export const NEGATIONS = wordSet(`
  not n't never denied denies deny denying refused refuses refuse rejected no without neither nor dismissed
  failed fails
`);

/** Words before a trigger that hedge it: "could send", "reportedly delivered", "was supposed to deliver". */
export const HEDGES = wordSet(`
  could may might would reportedly allegedly alleged possibly probably likely believed thought expected plans
  planned planning plan intends intended supposed seeking seeks aims aiming considering consider considers
  suspected suspects purportedly apparently perhaps potentially potential proposed proposes propose ready
  willing wants want wanted hopes hope expects expect could should unconfirmed rumoured rumored
`);
