import type { GoldClaim } from './newsClaims.ts';
import type { OutputClaim } from './outputClaim.ts';

/**
 * How each field of a system claim is compared with the gold one. The comparisons forgive notation
 * (person/people, tonne/metric ton, "the", possessives, corporate suffixes) but not substance: a
 * value must be equal to within 1 %, a measure must share its head word with the gold one.
 */

const close = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;

/** The value read right: the same point value, or the same range. */
export function valueMatches(g: GoldClaim, o: OutputClaim): boolean {
  if (g.value !== null) return o.value !== null && close(g.value, o.value);
  if (g.range !== null) return o.range !== null && close(g.range[0], o.range[0]) && close(g.range[1], o.range[1]);
  return false;
}

const STOP = new Set(
  'the a an of in on for to from by at and or with its their his her our this that these those as per s'.split(' '),
);

const UNIT_SYNONYMS: Record<string, string> = {
  people: 'person',
  persons: 'person',
  tonne: 'tonne',
  'metric ton': 'tonne',
  'metric tonne': 'tonne',
  t: 'tonne',
  mb: 'megabyte',
  kb: 'kilobyte',
  gb: 'gigabyte',
  tb: 'terabyte',
  kilometre: 'km',
  kilometer: 'km',
  metre: 'm',
  meter: 'm',
  mile: 'mile',
  min: 'minute',
  hr: 'hour',
  h: 'hour',
  yr: 'year',
  percent: '%',
  pct: '%',
  'per cent': '%',
  'percentage point': 'percentage point',
  pp: 'percentage point',
  lb: 'pound',
  lbs: 'pound',
};

/** A crude singular of an English word, enough to compare notations. */
export function singular(w: string): string {
  if (w.length <= 3 || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function unitPart(u: string): string {
  const t = u.trim().toLowerCase();
  return UNIT_SYNONYMS[t] ?? UNIT_SYNONYMS[singular(t)] ?? singular(t);
}

export function normalizeUnit(u: string | null): string | null {
  if (u === null) return null;
  return u
    .split('/')
    .map((p) => (/^[A-Z]{3}$/.test(p.trim()) ? p.trim() : unitPart(p)))
    .join('/');
}

const head = (u: string): string => u.split(' ').at(-1) ?? u;

/** Units equal after notation, or the same head noun in each part ("water main break/year" ~ "break/year"). */
export function unitMatches(g: string | null, o: string | null): boolean {
  const a = normalizeUnit(g);
  const b = normalizeUnit(o);
  if (a === b) return true;
  if (a === null || b === null) return false;
  const pa = a.split('/');
  const pb = b.split('/');
  return pa.length === pb.length && pa.every((p, i) => head(p) === head(pb[i]!));
}

export function contentWords(s: string | null): string[] {
  if (!s) return [];
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9%]+/)
    .filter((w) => w !== '' && !STOP.has(w))
    .map(singular);
}

const CORPORATE = new Set('inc ltd plc corp co corporation company group llc ag sa nv'.split(' '));

function entityWords(s: string | null): string[] {
  return contentWords(s).filter((w) => !CORPORATE.has(w));
}

/** The subject or recipient named right: the same words, or one name held whole in the other. */
export function entityMatches(
  g: string | null,
  o: string | null,
  sameEntity?: (a: string, b: string) => boolean,
): boolean {
  if (g === null || o === null) return g === o;
  if (sameEntity?.(g, o)) return true;
  const a = entityWords(g);
  const b = entityWords(o);
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((w) => long.includes(w));
}

const PHRASE_BREAKS = /\s(?:of|by|at|in|for|on|to|from|with|per|who|which|that|getting|doing|being)\s/i;

/**
 * The head word of a measure: its last content word before a preposition or a relative ("value of
 * Alibaba shares" → value, "visits by American operatives" → visit, "share of pupils getting …" →
 * share).
 */
function measureHead(measure: string): string | undefined {
  const head = measure.split(PHRASE_BREAKS)[0]!;
  return contentWords(head).at(-1) ?? contentWords(measure).at(-1);
}

/** The measure right: the gold measure's head word is among the system's words, or half the words are shared. */
export function measureMatches(g: string | null, o: string | null): boolean {
  if (g === null) return o === null;
  const a = contentWords(g);
  const b = contentWords(o);
  if (a.length === 0 || b.length === 0) return false;
  const shared = a.filter((w) => b.includes(w)).length;
  const head = measureHead(g);
  return (head !== undefined && b.includes(head)) || shared / Math.max(a.length, b.length) >= 0.5;
}

export function predicateMatches(g: string | null, o: string | null): boolean {
  return (g ?? '').toLowerCase() === (o ?? '').toLowerCase();
}

export function changeMatches(g: GoldClaim['change'], o: OutputClaim['change']): boolean {
  if (g === null || o === null) return g === o;
  if (g.direction !== o.direction) return false;
  if (g.by === null) return true;
  return o.by !== null && close(g.by, o.by) && unitMatches(g.unit, o.unit);
}

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const QUARTER_WORDS: Record<string, string> = { first: 'q1', second: 'q2', third: 'q3', fourth: 'q4', final: 'q4' };

/** The significant tokens of a period: years, months, quarters and other content words. */
function periodTokens(s: string): Set<string> {
  const out = new Set<string>();
  const lower = s.toLowerCase();
  for (const m of lower.matchAll(/\b(1[89]\d\d|20\d\d)(?:-(\d\d))?/g)) {
    out.add(m[1]!);
    if (m[2]) out.add(MONTHS[Number(m[2]) - 1] ?? m[2]);
  }
  for (const m of lower.matchAll(/\bq([1-4])\b/g)) out.add(`q${m[1]}`);
  for (const m of lower.matchAll(/\b(first|second|third|fourth|final) quarter\b/g)) out.add(QUARTER_WORDS[m[1]!]!);
  for (const w of contentWords(lower)) if (!/^\d/.test(w) && w !== 'quarter') out.add(w);
  return out;
}

/** The period right: both absent, or most of the gold period's tokens found in the system's. */
export function periodMatches(g: string | null, o: string | null): boolean {
  if (g === null || o === null) return g === o;
  const a = periodTokens(g);
  const b = periodTokens(o);
  if (a.size === 0) return true;
  let found = 0;
  for (const t of a) if (b.has(t)) found++;
  return found / a.size >= 0.5;
}

/** The speaker right: "report" is no speaker; otherwise the same surname or one name held in the other. */
export function speakerMatches(g: string | null, o: string | null): boolean {
  const gold = g === null || g.toLowerCase() === 'report' ? null : g;
  if (gold === null || o === null) return gold === o;
  if (entityMatches(gold, o)) return true;
  const surname = contentWords(gold).at(-1);
  return surname !== undefined && contentWords(o).includes(surname);
}

/** The statement date right at the gold's precision ("2023-10" is right for "2023-10-13", not the reverse). */
export function statedMatches(g: string | null, o: string | null): boolean {
  if (g === null || o === null) return g === o;
  return o.startsWith(g);
}
