// The figures a generated corpus is about: who gives what to whom, counted in which unit, and
// which speakers may state it.

export type ClaimKind = 'transfer' | 'aid' | 'stockpile' | 'casualties';

export interface Entity {
  /** Canonical name, as the manifest states it. */
  name: string;
  /** Ways articles write it; the first is the plain form. */
  forms: readonly string[];
  adjective: string;
  capital: string;
}

export const entities = {
  northKorea: {
    name: 'North Korea',
    forms: ['North Korea', 'the DPRK', 'Pyongyang'],
    adjective: 'North Korean',
    capital: 'Pyongyang',
  },
  russia: { name: 'Russia', forms: ['Russia', 'Moscow'], adjective: 'Russian', capital: 'Moscow' },
  iran: { name: 'Iran', forms: ['Iran', 'Tehran'], adjective: 'Iranian', capital: 'Tehran' },
  belarus: { name: 'Belarus', forms: ['Belarus'], adjective: 'Belarusian', capital: 'Minsk' },
  ukraine: { name: 'Ukraine', forms: ['Ukraine', 'Kyiv'], adjective: 'Ukrainian', capital: 'Kyiv' },
  unitedStates: {
    name: 'United States',
    forms: ['the United States', 'the US', 'Washington'],
    adjective: 'US',
    capital: 'Washington',
  },
  germany: { name: 'Germany', forms: ['Germany', 'Berlin'], adjective: 'German', capital: 'Berlin' },
  unitedKingdom: {
    name: 'United Kingdom',
    forms: ['the United Kingdom', 'Britain'],
    adjective: 'British',
    capital: 'London',
  },
  france: { name: 'France', forms: ['France'], adjective: 'French', capital: 'Paris' },
  poland: { name: 'Poland', forms: ['Poland', 'Warsaw'], adjective: 'Polish', capital: 'Warsaw' },
  netherlands: { name: 'Netherlands', forms: ['the Netherlands'], adjective: 'Dutch', capital: 'The Hague' },
  denmark: { name: 'Denmark', forms: ['Denmark'], adjective: 'Danish', capital: 'Copenhagen' },
  canada: { name: 'Canada', forms: ['Canada', 'Ottawa'], adjective: 'Canadian', capital: 'Ottawa' },
  sweden: { name: 'Sweden', forms: ['Sweden'], adjective: 'Swedish', capital: 'Stockholm' },
} satisfies Record<string, Entity>;

export interface UnitSpec {
  /** Normalised unit, singular: `container`, `artillery shell`, `USD`… */
  unit: string;
  /** How articles write it after the number. */
  texts: readonly string[];
  /** Short noun for headlines: "ammunition", "missiles". */
  short: string;
  /** Range of plausible values and the step they are rounded to. */
  min: number;
  max: number;
}

export interface FigureSpec {
  kind: ClaimKind;
  subject: Entity;
  recipient: Entity | null;
  unit: UnitSpec;
  /** Roles whose holders make statements about this figure. */
  speakerPools: readonly SpeakerPool[];
}

export type SpeakerPool =
  | 'us'
  | 'uk'
  | 'ukraine'
  | 'baltic'
  | 'korea'
  | 'germany'
  | 'denmark'
  | 'netherlands'
  | 'poland'
  | 'sweden'
  | 'canada'
  | 'eu'
  | 'thinkTank';

const units = {
  container: {
    unit: 'container',
    texts: [
      'containers of ammunition',
      'containers of military equipment and munitions',
      'containers of munitions',
      'shipping containers of weapons',
    ],
    short: 'ammunition',
    min: 300,
    max: 9000,
  },
  shell: {
    unit: 'artillery shell',
    texts: ['artillery shells', 'artillery rounds'],
    short: 'shells',
    min: 100_000,
    max: 2_500_000,
  },
  ballistic: { unit: 'ballistic missile', texts: ['ballistic missiles'], short: 'missiles', min: 10, max: 90 },
  drone: {
    unit: 'drone',
    texts: ['attack drones', 'Shahed-type drones', 'drones'],
    short: 'drones',
    min: 400,
    max: 6000,
  },
  tank: { unit: 'tank', texts: ['tanks', 'main battle tanks'], short: 'tanks', min: 20, max: 300 },
  armoured: {
    unit: 'armoured vehicle',
    texts: ['armoured vehicles', 'armoured fighting vehicles'],
    short: 'armour',
    min: 40,
    max: 900,
  },
  airDefence: {
    unit: 'air defence missile',
    texts: ['air defence missiles', 'interceptor missiles'],
    short: 'air defence',
    min: 50,
    max: 1200,
  },
  usd: {
    unit: 'USD',
    texts: ['in military aid', 'in new military assistance', 'in security assistance'],
    short: 'aid',
    min: 100_000_000,
    max: 8_000_000_000,
  },
  eur: {
    unit: 'EUR',
    texts: ['in military aid', 'in new military assistance', 'in security assistance'],
    short: 'aid',
    min: 100_000_000,
    max: 5_000_000_000,
  },
  casualty: { unit: 'casualty', texts: ['casualties'], short: 'losses', min: 1000, max: 40_000 },
  stockShell: { unit: 'artillery shell', texts: ['artillery shells'], short: 'shell', min: 1_000_000, max: 6_000_000 },
  stockTank: { unit: 'tank', texts: ['tanks', 'main battle tanks'], short: 'tank', min: 1000, max: 5000 },
} satisfies Record<string, UnitSpec>;

const e = entities;

/** Every figure the generator writes about. */
export const figureSpecs: readonly FigureSpec[] = [
  {
    kind: 'transfer',
    subject: e.northKorea,
    recipient: e.russia,
    unit: units.container,
    speakerPools: ['us', 'korea', 'ukraine'],
  },
  {
    kind: 'transfer',
    subject: e.northKorea,
    recipient: e.russia,
    unit: units.shell,
    speakerPools: ['korea', 'ukraine', 'baltic'],
  },
  {
    kind: 'transfer',
    subject: e.northKorea,
    recipient: e.russia,
    unit: units.ballistic,
    speakerPools: ['us', 'ukraine', 'korea'],
  },
  { kind: 'transfer', subject: e.iran, recipient: e.russia, unit: units.drone, speakerPools: ['us', 'ukraine', 'uk'] },
  { kind: 'transfer', subject: e.iran, recipient: e.russia, unit: units.shell, speakerPools: ['us', 'ukraine'] },
  { kind: 'transfer', subject: e.belarus, recipient: e.russia, unit: units.tank, speakerPools: ['ukraine', 'baltic'] },
  {
    kind: 'transfer',
    subject: e.unitedStates,
    recipient: e.ukraine,
    unit: units.shell,
    speakerPools: ['us', 'ukraine'],
  },
  {
    kind: 'transfer',
    subject: e.germany,
    recipient: e.ukraine,
    unit: units.armoured,
    speakerPools: ['germany', 'ukraine'],
  },
  {
    kind: 'transfer',
    subject: e.unitedKingdom,
    recipient: e.ukraine,
    unit: units.airDefence,
    speakerPools: ['uk', 'ukraine'],
  },
  { kind: 'transfer', subject: e.poland, recipient: e.ukraine, unit: units.tank, speakerPools: ['poland', 'ukraine'] },
  {
    kind: 'transfer',
    subject: e.netherlands,
    recipient: e.ukraine,
    unit: units.armoured,
    speakerPools: ['netherlands', 'eu'],
  },
  { kind: 'aid', subject: e.unitedStates, recipient: e.ukraine, unit: units.usd, speakerPools: ['us'] },
  { kind: 'aid', subject: e.germany, recipient: e.ukraine, unit: units.eur, speakerPools: ['germany'] },
  { kind: 'aid', subject: e.denmark, recipient: e.ukraine, unit: units.eur, speakerPools: ['denmark'] },
  { kind: 'aid', subject: e.canada, recipient: e.ukraine, unit: units.usd, speakerPools: ['canada'] },
  { kind: 'aid', subject: e.sweden, recipient: e.ukraine, unit: units.eur, speakerPools: ['sweden'] },
  {
    kind: 'stockpile',
    subject: e.russia,
    recipient: null,
    unit: units.stockShell,
    speakerPools: ['baltic', 'ukraine', 'thinkTank'],
  },
  { kind: 'stockpile', subject: e.russia, recipient: null, unit: units.stockTank, speakerPools: ['uk', 'thinkTank'] },
  { kind: 'casualties', subject: e.russia, recipient: null, unit: units.casualty, speakerPools: ['ukraine', 'uk'] },
];
