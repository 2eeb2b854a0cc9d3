import { looksLikePersonName } from '../lexical/personNames.ts';
import { isPersonNoun } from '../sentence/namedMentions.ts';
import { isCapitalized, type Token } from '../tokenize.ts';

/**
 * People a sentence introduces by title, whether or not they speak in it: "Chancellor Gordon Brown
 * earlier backed a plan", "chief executive Jane Doe". A later "the chancellor said" or "the chief
 * executive added" can then be resolved to them. The title is one to three words ending in a word
 * whose first sense in WordNet is a person; the name is two or three capitalised words opening with
 * a given name.
 */
export function titledPeople(tokens: readonly Token[]): Array<{ name: string; role: string }> {
  const out: Array<{ name: string; role: string }> = [];
  for (let i = 0; i < tokens.length - 2; i++) {
    const title = tokens[i]!;
    if (title.kind !== 'word' || !isPersonNoun(title.text)) continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= 3 && isNameWord(tokens[end]!)) end++;
    const words = end - (i + 1);
    if (words < 2 || words > 3) continue;
    const name = tokens
      .slice(i + 1, end)
      .map((t) => t.text)
      .join(' ');
    if (!looksLikePersonName(name)) continue;
    let start = i;
    while (start > 0 && i - start < 2 && tokens[start - 1]!.kind === 'word' && isPersonNoun(tokens[start - 1]!.text))
      start--;
    const role = tokens
      .slice(start, i + 1)
      .map((t) => t.text)
      .join(' ');
    out.push({ name, role });
    i = end - 1;
  }
  return out;
}

const isNameWord = (t: Token): boolean => t.kind === 'word' && isCapitalized(t) && !isPersonNoun(t.text);
