import type { Quantity } from '../types.ts';
import type { SentenceView } from './sentenceView.ts';

/** Whether a quantity can be a figure at all, before its sentence is read. */
export function claimable(view: SentenceView, q: Quantity, qi: number): boolean {
  // A person's age describes them; the average age of a group is a figure ("the average age of
  // respondents was 29.6 years").
  if (q.kind === 'age' && !/\b(?:average|median|mean)\b/.test(q.concept ?? '')) return false;
  const [s, e] = view.quantityTokens[qi]!;
  // A figure inside an attribution ("according to three sources") is no claim.
  if (view.attributions.some((a) => s >= Math.min(a.npStart, a.verbStart) && e <= Math.max(a.npEnd, a.verbEnd)))
    return false;
  if (q.kind === 'count' && q.value !== null && q.value < 2 && q.range === null) return false;
  if (view.tokens[s - 1]?.lower === 'to' && view.tokens[s - 2]?.lower === 'according') return false;
  if (q.unit !== 'rank' && isDescriptiveCount(view, q, s, e)) return false;
  if (isDateLike(view, q, s, e) || isAttributiveDescription(view, q, s, e)) return false;
  if (isNamePart(view, q, s, e)) return false;
  // "16 out of the top 20 titles": the whole a part is counted out of is no figure of its own.
  let b = s - 1;
  while (b > 0 && (view.pos[b] === 'DET' || view.pos[b] === 'ADJ')) b--;
  if (view.tokens[b]?.lower === 'of' && view.tokens[b - 1]?.lower === 'out') return false;
  return true;
}

/** Words before a small number that make it a description, not a figure: "the two firms", "all three parties". */
const DESCRIPTIVE_DETERMINERS = new Set([
  'the',
  'these',
  'those',
  'both',
  'all',
  'its',
  'their',
  'his',
  'her',
  'our',
  'whose',
  'each',
]);

/**
 * A small count that describes rather than counts: "the two firms", "all three of the main
 * parties", "one of two ways", "one or two buttons", "a thing or two". Counts below ten written
 * this way are how a text names things, not figures an analyst records.
 */
function isDescriptiveCount(view: SentenceView, q: Quantity, s: number, e: number): boolean {
  if (q.kind !== 'count' || q.value === null || q.value >= 10 || q.range !== null) return false;
  const before = view.tokens[s - 1]?.lower ?? '';
  const after = view.tokens[e]?.lower ?? '';
  if (DESCRIPTIVE_DETERMINERS.has(before)) return true;
  if (before === 'of' && /^(?:one|some|any|each|either|neither)$/.test(view.tokens[s - 2]?.lower ?? '')) return true;
  if (before === 'or' || after === 'or') return true;
  return false;
}

const PERIOD_WORDS =
  /^(?:quarter|half|year|fiscal|financial|season|month|week|first|second|third|fourth|final|q[1-4])$|-(?:quarter|half|year)$/i;

/**
 * A number that dates rather than counts: a year before what it dates ("fourth-quarter 2004 profits",
 * "2004 sales"), or a span before "ago", "later" or "earlier" ("two months ago").
 */
function isDateLike(view: SentenceView, q: Quantity, s: number, e: number): boolean {
  const after = view.tokens[e]?.lower ?? '';
  if ((q.kind === 'measure' || q.kind === 'count') && /^(?:ago|later|earlier|before|after|since)$/.test(after)) {
    return q.unit !== null && /^(?:second|minute|hour|day|week|fortnight|month|year|decade)s?$/.test(q.unit);
  }
  if (q.kind !== 'count' || q.value === null || q.range !== null) return false;
  if (!Number.isInteger(q.value) || q.value < 1900 || q.value > 2100) return false;
  const digits = view.tokens[s]?.kind === 'num' && /^\d{4}$/.test(view.tokens[s]!.text);
  return digits && PERIOD_WORDS.test(view.tokens[s - 1]?.text ?? '');
}

/** Units of size and weight that describe a thing when written before it: "a 300-pound cover", "a seven-story building". */
const DESCRIPTIVE_UNITS =
  /^(?:lb|pound|kg|tonne|ton|foot|feet|ft|inch|metre|meter|m|cm|mile|km|storey|story|floor|stor(?:e)?y)$/;

/**
 * A quantity that describes a thing rather than stating a figure: a size or weight joined to its
 * noun by a hyphen ("a 300-pound manhole cover", "a seven-story building"), or an amount written
 * in words as a kind ("a billion-dollar deal", "multimillion-pound contracts").
 */
function isAttributiveDescription(view: SentenceView, q: Quantity, s: number, e: number): boolean {
  const spelled = !view.tokens.slice(s, e).some((t) => t.kind === 'num');
  if (q.kind === 'money' && spelled && /-/.test(q.text)) return true;
  const hyphenated = /\d[\s]*-[\s]*\p{L}|^[a-z]+-[a-z]+/iu.test(q.text) || view.tokens[e - 1]?.text === '-';
  return (
    (q.kind === 'measure' || q.kind === 'count') &&
    hyphenated &&
    q.unit !== null &&
    DESCRIPTIVE_UNITS.test(q.unit.split(' ').pop()!) &&
    view.pos[e] === 'NOUN'
  );
}

/**
 * A number that is part of a name: "S&P 500", "iPhone 11", "Boeing 737", "787-9". A bare number (no
 * unit, nothing counted) right after a capitalised word, or joined to another number by a hyphen
 * without spaces, names a thing; it counts nothing.
 */
function isNamePart(view: SentenceView, q: Quantity, s: number, e: number): boolean {
  const { tokens } = view;
  const next = tokens[e];
  const prev = tokens[s - 1];
  if (next?.text === '-' && !next.spaceBefore && tokens[e + 1]?.kind === 'num' && !tokens[e + 1]!.spaceBefore)
    return true;
  if (prev?.text === '-' && !tokens[s]!.spaceBefore && !prev.spaceBefore && tokens[s - 2]?.kind === 'num') return true;
  if (q.kind !== 'count' || (q.unit !== null && q.unit !== q.text.split(/\s+/).pop()?.toLowerCase())) return false;
  const bare = q.unit === null || view.pos[e - 1] === 'VERB';
  return bare && !!prev && (view.pos[s - 1] === 'PROPN' || (/^\p{Lu}/u.test(prev.text) && s - 1 > 0));
}
