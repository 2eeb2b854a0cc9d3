import { countedThing, describeFigure, type FigureWording } from '@tally/figure-wording';
import { periodLabel, type Statement } from '@tally/projections';

/** A figure key as a heading: `transfer:KP>RU:container` → "transfer · KP → RU · container". */
export function figureKeyLabel(key: string): string {
  return key
    .split(':')
    .map((part) => part.replace(/>/g, ' → ').replace(/-/g, ' '))
    .join(' · ');
}

/** Families whose name says nothing a title needs: the level of a measure, and its change (the measure says "growth"). */
const plainFamilies = new Set(['level', 'change']);

/** What a figure's title reads of it: its row's header fields. */
export interface FigureHeading {
  figureKey: string;
  subject: string | null;
  recipient: string | null;
  concept: string | null;
  unit: string | null;
  predicate: string | null;
  /** Absent in rows of projections before figures of any beat. */
  measure?: string | null;
}

/** The parties of a figure by their display names; an id of the key where a statement gave no name. */
function partiesOf(f: FigureHeading): string {
  const ids = (f.figureKey.split(':')[1] ?? '').split('>');
  const named = (name: string | null, id: string | undefined) =>
    name ?? (id && id !== '?' ? id.replace(/-/g, ' ') : null);
  return [named(f.subject, ids[0]), named(f.recipient, ids[1])].filter((p): p is string => !!p).join(' → ');
}

/**
 * A figure's title from what its statements say: "North Korea → Russia: containers (transfer)",
 * "Acme Hardware: revenue (USD)", "Local auto dealers: car sales (cars, sell)". The family is the
 * key's first part (the statement's own verb, "rose" or "reported", would name one statement);
 * the unit comes from the row, never from the key, whose later parts vary (measure, scope).
 */
export function figureTitle(f: FigureHeading): string {
  const parties = partiesOf(f);
  const family = f.figureKey.split(':')[0] || f.predicate;
  const counted = countedThing(f.unit, f.concept);
  const measure = f.measure?.trim() || null;
  let what: string;
  let notes: (string | null)[];
  if (measure) {
    what = measure;
    notes = [counted, family && !plainFamilies.has(family) && !measure.includes(family) ? family : null];
  } else {
    // The unit is the counted noun ("container"); the concept qualifies it ("ammunition").
    what = counted ?? 'figure';
    notes = [family && family !== 'level' ? family : null];
  }
  const note = notes.filter((n): n is string => !!n).map((n) => n.replace(/-/g, ' '));
  return `${parties ? `${parties}: ` : ''}${what}${note.length > 0 ? ` (${note.join(', ')})` : ''}`;
}

/**
 * A statement's figure as shown: its change with its level ("$27.2 billion, up 3.5%"). Reads rows
 * of projections before figures of any beat too (a rebuild shows the old tables until its swap).
 */
export function statementWording(s: Statement, concept: string | null): string {
  return describeFigure(wordingOf(s, s), s.qualifier, concept);
}

/** One source's own figure, in its statement's unit and meaning. */
export function sourceWording(src: Statement['sources'][number], s: Statement, concept: string | null): string {
  return describeFigure(wordingOf(src, s), src.qualifier, concept);
}

function wordingOf(
  q: Pick<Statement, 'value' | 'range' | 'bound'> &
    Partial<Pick<Statement, 'change' | 'changeBy' | 'changeUnit' | 'previous'>>,
  s: Statement,
): FigureWording {
  return {
    value: q.value,
    range: q.range,
    bound: q.bound,
    unit: s.unit,
    valueIs: s.valueIs ?? 'level',
    change: q.change ?? null,
    changeBy: q.changeBy ?? null,
    changeUnit: q.changeUnit ?? null,
    previous: q.previous ?? null,
  };
}

/** The period a statement is about, as shown ("Q4 2019", "the six months to December"); null when none is given. */
export function statementPeriod(s: Pick<Statement, 'period'>): string | null {
  return periodLabel(s.period);
}

/** How a hedged statement is marked ("forecast", "target", …); null for a statement of fact. */
export function hedgeMark(s: Pick<Statement, 'hedged' | 'hedge'>): string | null {
  if (!s.hedged) return null;
  return s.hedge ?? 'hedged';
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-10-13" → "13 Oct 2023", "2024-05" → "May 2024", "2023" → "2023"; anything else as given. */
export function readableDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = months[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
