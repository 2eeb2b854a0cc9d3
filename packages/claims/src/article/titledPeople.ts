import { looksLikePersonName } from '../lexical/personNames.ts';
import { senses } from '../lexical/wordnet.ts';
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
  return [...out, ...appositivePeople(tokens)];
}

/**
 * "Tasos Hale, deputy commissioner for water operations, said …": a person's name followed by an
 * appositive whose first words hold a lower-case noun WordNet knows first as a person.
 */
function appositivePeople(tokens: readonly Token[]): Array<{ name: string; role: string }> {
  const out: Array<{ name: string; role: string }> = [];
  for (let i = 0; i < tokens.length - 3; i++) {
    if (!isNameWord(tokens[i]!) || (i > 0 && isNameWord(tokens[i - 1]!))) continue;
    let end = i + 1;
    while (end < tokens.length && end - i < 3 && isNameWord(tokens[end]!)) end++;
    if (end - i < 2 || tokens[end]?.text !== ',') continue;
    const name = tokens
      .slice(i, end)
      .map((t) => t.text)
      .join(' ');
    // A known given name, or a surname that is no English word ("Tasos Georgelis").
    if (!looksLikePersonName(name) && senses(tokens[end - 1]!.lower, 'n').length > 0) continue;
    let stop = end + 1;
    while (stop < tokens.length && stop - end <= 10 && !/^[,.;:]$/.test(tokens[stop]!.text)) stop++;
    const words = tokens.slice(end + 1, stop);
    const head = words.slice(0, 4).find((t) => t.kind === 'word' && t.text === t.lower && isPersonNoun(t.text));
    if (!head) continue;
    out.push({ name, role: words.map((t) => t.text).join(' ') });
    i = end;
  }
  return out;
}

const isNameWord = (t: Token): boolean => t.kind === 'word' && isCapitalized(t) && !isPersonNoun(t.text);
