/** Titles dropped before names are compared ("Mr. Kirby" is "Kirby"). */
const honorifics = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'amb']);

const cache = new Map<string, string[]>();
const CACHE_LIMIT = 10_000;

/** Lowercase, without diacritics, punctuation or honorifics, split into words. */
export function speakerTokens(name: string): string[] {
  let tokens = cache.get(name);
  if (tokens) return tokens;
  tokens = normalise(name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, tokens);
  return tokens;
}

function normalise(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((t) => t.length > 0 && !honorifics.has(t));
}

/** The word two names must share to be compared at all: the surname (last word). */
export function speakerSurname(tokens: readonly string[]): string {
  return tokens.at(-1) ?? '';
}

/**
 * Whether two normalised names name the same person: the same surname, and either one of them is
 * the surname alone ("Kirby" and "John Kirby") or the first names agree, an initial matching a
 * first name ("J. Kirby" and "John Kirby"). Two different first names ("Julianne Smith", "John
 * Smith") are two people.
 */
export function sameSpeaker(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  if (speakerSurname(a) !== speakerSurname(b)) return false;
  if (a.length === 1 || b.length === 1) return true;
  const fa = a[0]!;
  const fb = b[0]!;
  if (fa === fb) return true;
  return (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}
