import { isCapitalized, type Token } from '../tokenize.ts';
import type { Attribution, AttributionOptions } from './attribution.ts';

/**
 * Sources named as where figures come from rather than as speakers of a clause: "figures released
 * by the Office for National Statistics", "listed by the Electoral Commission", "a survey for
 * Acme Mobile", "according to conservation group Project Osprey", "the UN's World Drug Report, which
 * reports that". Each gives an attribution of kind `org` to the name, marked `source`, which covers
 * the figures of its paragraph that name no speaker of their own.
 */

/** Nouns of data and of documents that carry figures. */
const DATA_NOUNS = new Set([
  'figures',
  'data',
  'statistics',
  'numbers',
  'estimates',
  'report',
  'survey',
  'poll',
  'study',
  'analysis',
  'census',
  'research',
  'index',
]);
/** Participles between such a noun and its source: "figures released by", "data compiled by". */
const SOURCE_PARTICIPLES = new Set([
  'released',
  'published',
  'compiled',
  'issued',
  'listed',
  'provided',
  'gathered',
  'collected',
  'produced',
  'conducted',
  'commissioned',
  'carried',
]);
const SOURCE_LINKS = new Set(['by', 'from', 'for', 'of']);
const JOINERS = new Set(['of', 'for', 'on', 'and', '&', 'the']);

/** A run of capitalised words from `k` (with the joiners of names inside it), or null. */
function nameFrom(tokens: readonly Token[], k: number): [number, number] | null {
  let i = k;
  if (tokens[i]?.lower === 'the') i++;
  const start = i;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'word' && isCapitalized(t)) i++;
    // "Chart-Track": a hyphen inside a name, no space around it.
    else if (
      t.text === '-' &&
      !t.spaceBefore &&
      i > start &&
      tokens[i + 1] &&
      !tokens[i + 1]!.spaceBefore &&
      isCapitalized(tokens[i + 1]!)
    )
      i++;
    else if (JOINERS.has(t.lower) && tokens[i + 1] && isCapitalized(tokens[i + 1]!) && i > start) i++;
    else break;
  }
  if (i === start) return null;
  // "the UK gaming industry's trade body": a name that only modifies a description names no source.
  const next = tokens[i];
  if (
    next &&
    (next.text === "'s" ||
      next.text === '’s' ||
      (next.kind === 'word' &&
        next.text === next.lower &&
        !JOINERS.has(next.lower) &&
        !/^(?:said|says|show|showed|shows|reported|reports|found|finds)$/.test(next.lower)))
  )
    return null;
  return [start, i];
}

function sourceAt(tokens: readonly Token[], name: [number, number], verb: [number, number]): Attribution {
  const text = tokens
    .slice(name[0], name[1])
    .map((t, k) => (k > 0 && t.spaceBefore ? ' ' : '') + t.text)
    .join('');
  return {
    kind: 'org',
    name: text,
    role: null,
    npStart: name[0],
    npEnd: name[1],
    verbStart: verb[0],
    verbEnd: verb[1],
    hedged: false,
    source: true,
  };
}

export function sourceAttributions(tokens: readonly Token[], opts: AttributionOptions): Attribution[] {
  const out: Attribution[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (opts.inQuote[k]) continue;
    const w = tokens[k]!.lower;
    // "figures (released) by X", "a survey for X", "listed by X"
    if (DATA_NOUNS.has(w) || SOURCE_PARTICIPLES.has(w)) {
      let j = k + 1;
      if (DATA_NOUNS.has(w) && SOURCE_PARTICIPLES.has(tokens[j]?.lower ?? '')) j++;
      if (
        !SOURCE_LINKS.has(tokens[j]?.lower ?? '') ||
        (w !== 'listed' && SOURCE_PARTICIPLES.has(w) && j === k + 1 && !DATA_NOUNS.has(tokens[k - 1]?.lower ?? ''))
      )
        continue;
      // "of" names a source only after a data noun: "a survey of 2,000 adults" names none. A short
      // lower-case description may come first: "a poll for mobile firm Acme Mobile".
      let from = j + 1;
      for (
        let d = 0;
        d < 3 && tokens[from]?.kind === 'word' && !isCapitalized(tokens[from]!) && tokens[from]!.lower !== 'the';
        d++
      )
        from++;
      if (from > j + 1 && !(tokens[from] && isCapitalized(tokens[from]!))) from = j + 1;
      const name = nameFrom(tokens, from);
      if (name && !(tokens[j]!.lower === 'of' && name[1] - name[0] < 1)) out.push(sourceAt(tokens, name, [k, j + 1]));
      continue;
    }
    // "according to conservation group Project Osprey": a lower-case descriptor before the name.
    if (w === 'according' && tokens[k + 1]?.lower === 'to') {
      let j = k + 2;
      let words = 0;
      while (j < tokens.length && tokens[j]!.kind === 'word' && !isCapitalized(tokens[j]!) && words < 5) {
        j++;
        words++;
      }
      if (words === 0) continue;
      const name = nameFrom(tokens, j);
      if (name) out.push(sourceAt(tokens, name, [k, k + 2]));
      // "according to official figures", "according to local news reports": the data themselves.
      else if (
        DATA_NOUNS.has(tokens[j - 1]!.lower) ||
        /^(?:reports|sources|estimates|officials|analysts|experts|police)$/.test(tokens[j - 1]!.lower)
      )
        out.push(sourceAt(tokens, [k + 2, j], [k, k + 2]));
    }
  }
  return out;
}
