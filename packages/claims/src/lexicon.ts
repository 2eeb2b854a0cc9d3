/**
 * Helpers that keep the word lists readable: long lexicons are written as text, one group per line,
 * rather than as arrays of string literals.
 */

/** A set of words from a whitespace-separated list. */
export function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/**
 * Parses lines of the form `phrase | phrase | … => value`: every phrase maps to the value. Blank
 * lines and lines starting with `#` are skipped.
 */
export function phraseLines(spec: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of spec.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [left, value] = line.split('=>').map((s) => s.trim());
    if (!left || value === undefined) throw new Error(`lexicon line without "=>": ${line}`);
    for (const phrase of left.split('|')) out.push([phrase.trim(), value]);
  }
  return out;
}
