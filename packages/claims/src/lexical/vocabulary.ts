import { phraseLines } from '../lexicon.ts';
import { reaches, type Synset, senses, synsetAt } from './wordnet.ts';

/**
 * The predicate vocabulary: what a governing verb or noun says about a figure, written down once.
 * A lemma found here takes its entry; a verb of increase or decrease that is not here is found in
 * WordNet (any of its six most frequent senses under "increase" or "decrease" within four hypernym
 * steps: "plummet", "soar", "slump", "narrow", "widen"); any other lemma is its own predicate.
 *
 * - `be`: copular and totalling statements ("was", "stands at", "totalled", "accounts for").
 * - `rise` / `fall`: a measure went up or down by itself; `raise` / `cut` when an actor moved it.
 * - `report`, `earn`, `lose`: company results as written.
 * - everything else by its own lemma: `sell`, `buy`, `pay`, `spend`, `kill`, `arrest`, `employ`, …
 */
const ENTRIES = phraseLines(`
  be | stand | total | amount | number | equal | represent | reach | hit | top | account | make up | come | sit | remain | stay | exceed | surpass => be
  post | record | announce | unveil | disclose | report => report
  earn | make | net | generate | gross | bring in | take in | rake in | book => earn
  lose | lost => lose
  cost | price | retail | value => cost
  own | hold | have | control | command | possess => hold
  buy | acquire | purchase | take over | snap up => buy
  sell | sell off | divest => sell
  pay | shell out | fork out | hand over => pay
  spend | invest | pour => spend
  give | donate | contribute | grant | award => give
  receive | get | obtain | win | secure | attract | draw => receive
  raise | lift | hike | boost | increase | double | triple => raise
  cut | slash | reduce | lower | trim | axe | shed | halve | eliminate => cut
  rise | grow | climb | gain | jump | rally | rebound | recover | surge | soar | expand | widen => rise
  fall | drop | decline | slip | slide | sink | tumble | plunge | shrink | contract | narrow | ease | dip | lose ground => fall
  kill | murder | shoot dead | behead | execute => kill
  injure | wound | hurt => injure
  die | perish => die
  arrest | detain | apprehend => arrest
  employ | hire | recruit => employ
  infect | diagnose | test positive => infect
  vote | back | oppose => vote
  plan | budget | earmark | allocate | set aside => plan
  pledge | commit | promise | vow => pledge
`);

const TABLE = new Map<string, string>(ENTRIES);

/** Verbs of these (and of their hypernyms) say that a figure went up or down. */
const UP = new Set(['increase', 'rise', 'grow', 'go_up', 'climb', 'mount', 'wax', 'expand', 'enlarge']);
const DOWN = new Set(['decrease', 'diminish', 'lessen', 'fall', 'go_down', 'descend', 'shrink', 'reduce', 'contract']);

const directionCache = new Map<string, 'up' | 'down' | null>();

/** Whether a verb (or a noun that is also a verb: "a rise", "a drop") says that something went up or down. */
export function directionOf(lemma: string): 'up' | 'down' | null {
  const cached = directionCache.get(lemma);
  if (cached !== undefined) return cached;
  let dir: 'up' | 'down' | null = null;
  const entry = TABLE.get(lemma);
  if (entry === 'rise' || entry === 'raise') dir = 'up';
  else if (entry === 'fall' || entry === 'cut') dir = 'down';
  else if (entry === undefined) {
    const verb = senses(lemma, 'v').length > 0 ? lemma : lemma.endsWith('th') ? lemma.slice(0, -2) : lemma;
    // Senses of change and of motion only: "suffer" also means "get worse", which says nothing of a figure.
    for (const s of (senses(verb, 'v').slice(0, 6) as Synset[]).filter((x) => x.lexFile === 30 || x.lexFile === 38)) {
      if (reaches(s, 'v', UP, 4)) {
        dir = 'up';
        break;
      }
      if (reaches(s, 'v', DOWN, 4)) {
        dir = 'down';
        break;
      }
    }
  }
  directionCache.set(lemma, dir);
  return dir;
}

export interface PredicateReading {
  predicate: string;
  /** The predicate states a move of the figure ("rose", "cut"), not a level alone. */
  direction: 'up' | 'down' | null;
}

/**
 * The vocabulary predicate of a governing lemma. `transitive` tells whether an actor moved the
 * figure ("BP raised its dividend", "cut 1,000 jobs") or the figure moved ("profit rose").
 * `particle` is a following "up"/"down"/"higher"/"lower" ("edged up", "inched lower").
 */
export function predicateOf(lemma: string, transitive: boolean, particle: string | null = null): PredicateReading {
  const phrase = particle && TABLE.has(`${lemma} ${particle}`) ? `${lemma} ${particle}` : lemma;
  const entry = TABLE.get(phrase);
  let direction = directionOf(lemma);
  if (!direction && particle)
    direction = /^(?:up|higher)$/.test(particle) ? 'up' : /^(?:down|lower)$/.test(particle) ? 'down' : null;
  if (entry === 'lose' || entry === 'earn' || entry === 'report' || entry === 'be' || entry === 'cost') {
    return { predicate: entry, direction: null };
  }
  if (
    direction &&
    (entry === undefined || entry === 'rise' || entry === 'fall' || entry === 'raise' || entry === 'cut')
  ) {
    return {
      predicate: transitive ? (direction === 'up' ? 'raise' : 'cut') : direction === 'up' ? 'rise' : 'fall',
      direction,
    };
  }
  return { predicate: entry ?? hypernymEntry(lemma) ?? lemma, direction: null };
}

/** Vocabulary entries that a verb may reach through WordNet: "slaughter" and "behead" kill, "splurge" spends. */
const REACHABLE = new Set(['kill', 'arrest', 'employ']);
const hypernymCache = new Map<string, string | null>();

/** The entry of a verb's hypernym within two steps of its most frequent sense, for the entries above. */
function hypernymEntry(lemma: string): string | null {
  let hit = hypernymCache.get(lemma);
  if (hit !== undefined) return hit;
  hit = null;
  for (const sense of senses(lemma, 'v').slice(0, 1)) {
    let frontier = sense.hypernyms.map((h) => synsetAt(h, 'v'));
    for (let d = 0; d < 2 && !hit; d++) {
      for (const h of frontier) {
        const w = h.words.find((x) => REACHABLE.has(TABLE.get(x) ?? ''));
        if (w) {
          hit = TABLE.get(w)!;
          break;
        }
      }
      frontier = frontier.flatMap((f) => f.hypernyms.map((h) => synsetAt(h, 'v')));
    }
    if (hit) break;
  }
  hypernymCache.set(lemma, hit);
  return hit;
}

/** Whether the vocabulary knows a lemma (or phrase) as a predicate of its own. */
export function isVocabularyWord(lemma: string): boolean {
  return TABLE.has(lemma);
}

/** Predicates that state the level of a measure: one figure whichever of them the sentence uses. */
const LEVEL_PREDICATES = new Set(['be', 'rise', 'fall', 'report', 'earn', 'lose', 'hold', 'cost']);

/** The figure family of a predicate: `level` for the statements of a measure's level, else the predicate. */
export function familyOf(predicate: string, changeOnly: boolean): string {
  if (changeOnly && (predicate === 'rise' || predicate === 'fall' || predicate === 'be')) return 'change';
  return LEVEL_PREDICATES.has(predicate) ? 'level' : predicate;
}

/** Predicates whose figure has another party: the payee, the buyer's target, the recipient. */
const DIRECTED_PREDICATES = new Set([
  'pay',
  'give',
  'sell',
  'buy',
  'lend',
  'send',
  'transfer',
  'invest',
  'offer',
  'award',
  'pledge',
  'donate',
  'grant',
]);

export const isDirected = (predicate: string): boolean => DIRECTED_PREDICATES.has(predicate);

/** What an amount of money measures when the sentence names only the act: "earned $2.8bn" is earnings. */
const MONEY_MEASURES = new Map<string, string>(
  phraseLines(`
    earn => earnings
    lose => loss
    cost => price
    spend => spending
    pay => payment
    buy => purchase price
    sell => sale price
    give => donation
    receive => receipts
    raise => funds raised
    invest => investment
    save => savings
    lend => loan
    borrow => borrowing
    owe => debt
    steal => theft
    take => takings
  `),
);

/** What a count measures when only the act is named: "sold 6m copies" → copy sales, "killed 19" → death toll. */
const COUNT_MEASURES = new Map<string, string>(
  phraseLines(`
    sell => {unit} sales
    buy => {unit} purchases
    die => death toll
    cut => {unit} cuts
    produce | make | build => {unit} production
    deliver | send | ship => {unit} deliveries
  `),
);

/** What a measurement measures by its unit alone: "180 miles" is a distance. */
const UNIT_MEASURES: Array<[RegExp, string]> = [
  [/^(?:km|mile|m|cm|mm|ft|foot|yard|nautical mile|inch)$/, 'distance'],
  [/^(?:kg|g|tonne|ton|lb|pound|oz|metric ton)$/, 'weight'],
  [/^(?:°C|°F|degree)$/i, 'temperature'],
  [/^(?:second|minute|hour|day|week|month|year|decade)$/, 'duration'],
  [/^(?:km\/h|mph|knot|m\/s)$/, 'speed'],
  [/^(?:km2|m2|acre|hectare|square mile|sq km)$/, 'area'],
  [/^(?:byte|kilobyte|megabyte|gigabyte|terabyte|kb|mb|gb|tb)$/i, 'size'],
];

/** The measure implied by a predicate for a figure of `kind` counting `unit`, or null. */
export function actMeasure(predicate: string, kind: string, unit: string | null): string | null {
  if (kind === 'money') return MONEY_MEASURES.get(predicate) ?? null;
  if (kind === 'measure' && unit) return UNIT_MEASURES.find(([re]) => re.test(unit))?.[1] ?? null;
  if (kind !== 'count') return null;
  const m = COUNT_MEASURES.get(predicate);
  if (!m) return null;
  if (m.includes('{unit}') && !unit) return null;
  return m.replace('{unit}', unit ?? '');
}
