import type { SentenceInfo } from '../article/sentenceInfo.ts';
import { peopleUnit } from '../figureUnits.ts';
import type { Gazetteer } from '../gazetteer.ts';
import { isMeasureNoun } from '../lexical/nounClass.ts';
import { LEX, senses } from '../lexical/wordnet.ts';
import { DIRECTED, type Predicate } from '../predicates.ts';
import { singularize } from '../singularize.ts';
import { armsFiguresOf, type FoundClaim, type Frame } from './armsFigures.ts';
import type { ArticleNames } from './entityNames.ts';
import type { FigureFound } from './figureFound.ts';
import { generalFiguresOf } from './generalFigures.ts';
import type { ArticleFocus } from './roles.ts';
import { sentenceViewOf } from './sentenceViewOf.ts';
import { isConversion } from './statements.ts';

/**
 * The classes of the arms and aid table that keep their own keys (`transfer:KP>RU:container`):
 * deliveries, pledges, halted aid, deployments, stocks, production and losses between states and
 * the organisations of the gazetteer.
 */
const ARMS_CLASSES = new Set<Predicate>([
  'transfer',
  'pledge',
  'halt-aid',
  'deploy',
  'stock',
  'produce',
  'casualties',
  'destroy',
  'capture',
  'launch',
  'displace',
]);

const physicalCache = new Map<string, boolean>();
/** Lexicographer files of things and people: artifact, group, person, substance, food, quantity. */
const PHYSICAL = new Set([LEX.nounArtifact, LEX.nounGroup, LEX.nounPerson, 27, 13, LEX.nounQuantity]);

/**
 * Whether a unit counts things that can be delivered, stocked or lost: an artifact, a substance,
 * a group or a person in WordNet's first sense ("container", "shell", "troop", "civilian") — not
 * votes, games or seats, which the table's verbs ("approved", "launched with") also govern.
 */
/** Measures of money given as help: aid, assistance, loans, grants, funding, a package. */
const AID = /\b(?:aid|assistance|loans?|grants?|funding|package|support|help|relief)\b/;

function countsMateriel(unit: string | null): boolean {
  if (unit === null) return false;
  if (/^[A-Z]{3}$/.test(unit)) return true;
  const head = unit.split(/[ /]/)[0] === unit ? unit : (unit.split('/')[0]!.split(' ').pop() ?? unit);
  let hit = physicalCache.get(head);
  if (hit === undefined) {
    const all = senses(head, 'n');
    const first = all[0];
    hit =
      first !== undefined &&
      first.lexFile !== LEX.nounAct &&
      first.lexFile !== LEX.nounCommunication &&
      all.slice(0, 4).some((s) => PHYSICAL.has(s.lexFile));
    physicalCache.set(head, hit);
  }
  return hit;
}

function fromArms(f: FoundClaim): FigureFound {
  return {
    quantity: f.quantity,
    qStart: f.qStart,
    qEnd: f.qEnd,
    predicate: f.predicate,
    family: f.predicate,
    directed: DIRECTED.has(f.predicate),
    subject: f.subject,
    recipient: f.recipient,
    unit: f.unit,
    concept: f.concept,
    measure: null,
    scope: f.scope,
    change: f.quantity.change,
    changeBy: null,
    changeUnit: null,
    previous: null,
    negated: f.negated,
    hedged: f.hedged,
    clause: f.clause,
    trigger: f.trigger,
    governorLemma: '',
  };
}

export interface SentenceContext {
  gazetteer: Gazetteer;
  frames: Map<Predicate, Frame>;
  names: ArticleNames;
  knownNames: ReadonlySet<string>;
  focus: ArticleFocus;
}

/**
 * The figures of a sentence. The open rules read every sentence with a quantity; the arms and aid
 * table keeps a figure where it governs it between states (its keys and roles are the seeds'), unless
 * the open rules found a named subject of their own that differs (a company, a group of people).
 */
export function figuresOfSentence(info: SentenceInfo, ctx: SentenceContext): FigureFound[] {
  const arms = armsFiguresOf(info, ctx.gazetteer, ctx.frames);
  if (info.quantities.length === 0) return [];
  const view = sentenceViewOf(info, ctx.names, ctx.knownNames);
  const general = generalFiguresOf(view, ctx.focus);
  const byQuantity = new Map<number, FigureFound>();
  for (const g of general) byQuantity.set(g.qStart, g);
  const consumed = new Set<number>();
  for (const g of general) {
    // Tokens of the change and earlier level of a general figure are not figures of their own.
    view.quantityTokens.forEach(([s, e], qi) => {
      if (s !== g.qStart && s >= g.clause[0] && e <= g.clause[1] && (g.changeBy !== null || g.previous !== null)) {
        const q = view.quantities[qi]!;
        if (q.value === g.changeBy || q.value === g.previous) consumed.add(s);
      }
    });
  }
  for (const a of arms) {
    if (!ARMS_CLASSES.has(a.predicate) || consumed.has(a.qStart)) continue;
    const qi = view.quantityAt[a.qStart]!;
    if (qi >= 0 && isConversion(view, qi)) continue;
    if (a.predicate !== 'casualties' && !countsMateriel(a.unit)) continue;
    const g = byQuantity.get(a.qStart);
    // "received a 3.8% boost, with ticket sales worth 211bn yen": money that nobody is said to have
    // given, which the open rules read as a measure of its own, is that measure, not aid.
    if (
      a.subject === null &&
      a.unit !== null &&
      /^[A-Z]{3}$/.test(a.unit) &&
      g?.measure &&
      !AID.test(g.measure) &&
      isMeasureNoun(singularize(g.measure.split(' ').at(-1)!))
    )
      continue;
    const own = g?.subject;
    const found = fromArms(a);
    // Casualties are persons whichever word counts them; what the open rules read them as
    // ("churchgoers killed", a death toll) is their measure.
    if (a.predicate === 'casualties') {
      found.unit = found.unit === null ? null : peopleUnit(found.unit);
      const read = g?.measure ?? null;
      found.measure = read && /(?:\bdeath toll|killed|wounded|injured|dead)$/.test(read) ? read : null;
    }
    if (own?.kind && own.id !== a.subject?.id && own.id !== a.recipient?.id) {
      // The open rules read a named subject ("Rosoboronexport sent 40 helicopters to India"): it
      // fills the table's unknown subject; against another state (a dateline) it wins outright.
      if (a.subject !== null) continue;
      found.subject = own;
    }
    byQuantity.set(a.qStart, found);
  }
  return [...byQuantity.values()].sort((x, y) => x.qStart - y.qStart);
}
