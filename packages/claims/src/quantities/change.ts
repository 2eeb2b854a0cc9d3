import type { Token } from '../tokenize.ts';
import {
  CHANGE_DOWN,
  CHANGE_NOUNS_DOWN,
  CHANGE_NOUNS_UP,
  CHANGE_UP,
  INTRANSITIVE_CHANGE,
  PARTICLE_VERBS,
} from './quantityLexicon.ts';

// Whether a figure is an amount of change: the verb or noun of an increase or decrease before it.

export function readChangeBefore(tokens: Token[], at: number): 'up' | 'down' | null {
  // "by a cumulative 850 basis points", "rose a further 5%"
  let start = at;
  while (start > 1 && /^(?:cumulative|total|combined|net|whopping|mere|record)$/.test(tokens[start - 1]!.lower))
    start--;
  if (start < at && /^(?:a|an)$/.test(tokens[start - 1]?.lower ?? '') && tokens[start - 2]?.lower === 'by') start--;
  const p1 = tokens[start - 1]?.lower ?? '';
  const dir = (w: string): 'up' | 'down' | null =>
    CHANGE_UP.has(w) || CHANGE_NOUNS_UP.has(w) ? 'up' : CHANGE_DOWN.has(w) || CHANGE_NOUNS_DOWN.has(w) ? 'down' : null;
  if (p1 === 'by') {
    for (let k = start - 2; k >= Math.max(0, start - 9); k--) {
      const w = tokens[k]!.lower;
      const d = dir(w);
      if (d && !(w === 'down' || w === 'up')) return d;
      if (w === ',' || w === '.' || w === ';') break;
    }
    return null;
  }
  if (p1 === 'of') {
    const p2 = tokens[start - 2]?.lower ?? '';
    return CHANGE_NOUNS_UP.has(p2) ? 'up' : CHANGE_NOUNS_DOWN.has(p2) ? 'down' : null;
  }
  if (p1 === 'a' || p1 === 'another' || p1 === 'further') {
    // "rose a further 5%"
    const p2 = tokens[start - 2]?.lower ?? '';
    return INTRANSITIVE_CHANGE.has(p2) ? dir(p2) : null;
  }
  if (p1 === 'up' || p1 === 'down') {
    // "are up 25%", "Turnout was 67.5%, up 2.1 points" — but not "shot down 30".
    const p2 = tokens[start - 2]?.lower ?? '';
    return PARTICLE_VERBS.has(p2) ? null : dir(p1);
  }
  if (INTRANSITIVE_CHANGE.has(p1)) return dir(p1);
  return null;
}
