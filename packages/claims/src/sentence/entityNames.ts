/**
 * Names of entities as news writes them, made into a stable id and a display name: "The Home Depot
 * Inc." and "Home Depot's" are `home-depot`, shown "Home Depot". Countries and the organisations of
 * the gazetteer keep their own ids (ISO codes, upper-case tags); every other name gets this slug.
 */

/** Legal-form words at the end of a company's name: dropped from its id and its display name. */
const LEGAL_FORMS = new Set(
  'inc inc. incorporated corp corp. corporation co co. ltd ltd. limited plc llc l.p. lp ag sa s.a. nv n.v. se spa s.p.a. gmbh bv'.split(
    ' ',
  ),
);

/** Words at the end of a name that the same organisation is also known without ("SoftBank Group"). */
const GROUP_WORDS = new Set(['group', 'holdings', 'company']);

/** The display name: no leading article, no possessive, no legal form. */
export function displayName(name: string): string {
  let words = name
    .replace(/[’']s$|[’']$/u, '')
    .trim()
    .split(/\s+/);
  if (words.length > 1 && /^the$/i.test(words[0]!)) words = words.slice(1);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ''))) words.pop();
  return words.join(' ').replace(/,$/, '');
}

/** The id of a name that no gazetteer knows: its display name, lower case, group words dropped, as a slug. */
export function entityId(name: string): string {
  let words = displayName(name).toLowerCase().split(/\s+/);
  while (words.length > 1 && GROUP_WORDS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  return words
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Names of one article that are the same entity: a shorter name that is the start or the end of a
 * longer one named before it ("Whole Foods" after "Whole Foods Market", "Askar" after "Ammar
 * Askar"), or the initials of one ("DEP" after "Department of Environmental Protection") take the
 * longer one's id and name.
 */
export class ArticleNames {
  private readonly known: Array<{ id: string; name: string; words: string[]; person: boolean }> = [];

  /**
   * The known name with `word` among its words: "the department" after "Department of Environmental
   * Protection". Of several, the one whose other words the sentence also holds ("Environmental
   * Protection officials said the department …"), else the latest.
   */
  withWord(
    word: string,
    sentenceWords: ReadonlySet<string> = new Set(),
  ): { id: string; name: string; person: boolean } | null {
    const w = word.toLowerCase();
    let latest: (typeof this.known)[number] | null = null;
    for (let i = this.known.length - 1; i >= 0; i--) {
      const k = this.known[i]!;
      if (k.words.length <= 1 || !k.words.includes(w)) continue;
      latest ??= k;
      if (k.words.some((x) => x !== w && x.length > 3 && sentenceWords.has(x)))
        return { id: k.id, name: k.name, person: k.person };
    }
    return latest ? { id: latest.id, name: latest.name, person: latest.person } : null;
  }

  /** Whether an acronym is the initials of a longer name the article named before ("GM" after "General Motors"). */
  isInitialsOfKnown(name: string): boolean {
    const shown = displayName(name);
    if (!/^[A-Z]{2,6}$/.test(shown)) return false;
    return this.known.some((k) => k.words.length > 1 && initialsOf(k.words) === shown.toLowerCase());
  }

  /**
   * The id and display name of a name, and whether it is a person's: `person` marks a new name as
   * one; a shorter name of a known person ("Zuckerberg" after "Mark Zuckerberg") is that person.
   */
  resolve(name: string, person = false): { id: string; name: string; person: boolean } {
    const shown = displayName(name);
    const id = entityId(shown);
    const words = shown.toLowerCase().split(/\s+/);
    if (this.isInitialsOfKnown(shown)) {
      const k = this.known.find((k) => k.words.length > 1 && initialsOf(k.words) === shown.toLowerCase())!;
      return { id: k.id, name: k.name, person: k.person };
    }
    for (const k of this.known) {
      if (k.id === id) return { id: k.id, name: k.name, person: k.person || person };
    }
    for (const k of this.known) {
      if (words.length < k.words.length && (startsWith(k.words, words) || endsWith(k.words, words))) {
        return { id: k.id, name: k.name, person: k.person };
      }
      if (words.length === 1 && /^[A-Z]{2,6}$/.test(shown) && initialsOf(k.words) === shown.toLowerCase()) {
        return { id: k.id, name: k.name, person: k.person };
      }
    }
    this.known.push({ id, name: shown, words, person });
    return { id, name: shown, person };
  }
}

const startsWith = (long: string[], short: string[]): boolean => short.every((w, i) => long[i] === w);
const endsWith = (long: string[], short: string[]): boolean =>
  short.every((w, i) => long[long.length - short.length + i] === w);
const initialsOf = (words: string[]): string =>
  words
    .filter((w) => !/^(?:of|and|for|the|on|&)$/.test(w))
    .map((w) => w[0])
    .join('');
