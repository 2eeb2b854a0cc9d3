import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { type Token, tokenize } from './tokenize.ts';

/**
 * The gazetteer: countries from the `world-countries` data package (common and official names,
 * alternate spellings, demonyms, capitals used as metonyms), the institutions that act for a state
 * named by its demonym, name or capital ("French troops", "the Armed Forces of Peru", "the regime in
 * Hanoi"), plus a curated table of the codes and metonyms news uses ("DPRK", "the White House") and a
 * few organisations. Extensible per call with organisations, places and people.
 */
export interface Entity {
  /** ISO 3166-1 alpha-2 for countries ("KP"), an upper-case tag for organisations ("NATO"). */
  id: string;
  name: string;
  /**
   * Absent for the gazetteer's own states and organisations; `named` for a proper name found in the
   * text ("Home Depot"), `person` for a name a title or a role introduces ("chief executive Bill
   * Ford"), `group` for a common noun phrase that acts ("local auto dealers").
   */
  kind?: 'named' | 'person' | 'group';
}

export type MentionForm = 'name' | 'demonym' | 'capital' | 'alias';

export interface EntityMention {
  entity: Entity;
  form: MentionForm;
  /** Token range [start, end). */
  start: number;
  end: number;
}

export interface GazetteerEntry {
  id: string;
  name: string;
  aliases?: string[];
}

export interface GazetteerExtension {
  /** New entities (organisations, people, places) with their names. */
  entities?: GazetteerEntry[];
  /** More names for known or new ids: `{ "Kremlin": "RU" }`. */
  aliases?: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** Names news uses that the data package does not carry. */
const CURATED_ALIASES: Record<string, string> = {
  DPRK: 'KP',
  'D.P.R.K.': 'KP',
  Kremlin: 'RU',
  Kiev: 'UA',
  US: 'US',
  American: 'US',
  Americans: 'US',
  'U.S.': 'US',
  USA: 'US',
  'U.S.A.': 'US',
  America: 'US',
  'United States': 'US',
  Washington: 'US',
  'White House': 'US',
  Pentagon: 'US',
  'State Department': 'US',
  UK: 'GB',
  'U.K.': 'GB',
  Britain: 'GB',
  'Downing Street': 'GB',
  ROK: 'KR',
  Holland: 'NL',
  'Islamic Republic': 'IR',
  Tehran: 'IR',
  Teheran: 'IR',
  Brussels: 'EU',
  Burma: 'MM',
  Gaza: 'PS',
  'Gaza Strip': 'PS',
  'West Bank': 'PS',
  'Ivory Coast': 'CI',
  'Czech Republic': 'CZ',
  Turkey: 'TR',
};

/** Institutions that act for a state: "<demonym> troops", "<country> government", "the regime in <capital>". */
const STATE_INSTITUTIONS = [
  'forces',
  'troops',
  'military',
  'army',
  'navy',
  'air force',
  'armed forces',
  'Armed Forces',
  'government',
  'regime',
  'administration',
  'authorities',
  'Defence Ministry',
  'Defense Ministry',
  'Foreign Ministry',
];

const ORGANISATIONS: GazetteerEntry[] = [
  { id: 'EU', name: 'European Union', aliases: ['EU', 'E.U.', 'European Union', 'European Commission'] },
  { id: 'NATO', name: 'NATO', aliases: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Alliance'] },
  { id: 'UN', name: 'United Nations', aliases: ['UN', 'U.N.', 'United Nations'] },
  { id: 'OSCE', name: 'OSCE', aliases: ['OSCE', 'Organization for Security and Cooperation in Europe'] },
  { id: 'IMF', name: 'International Monetary Fund', aliases: ['IMF', 'International Monetary Fund'] },
  { id: 'HAMAS', name: 'Hamas', aliases: ['Hamas'] },
  { id: 'HEZBOLLAH', name: 'Hezbollah', aliases: ['Hezbollah'] },
  { id: 'HOUTHIS', name: 'Houthis', aliases: ['Houthis', 'Houthi rebels', 'Houthi'] },
  { id: 'WAGNER', name: 'Wagner Group', aliases: ['Wagner', 'Wagner Group'] },
  { id: 'ISIS', name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'Islamic State'] },
  { id: 'TALIBAN', name: 'Taliban', aliases: ['Taliban'] },
];

/** Capitals that are also common words or names; they stay out of the metonym list. */
const AMBIGUOUS_CAPITALS = new Set([
  'Kingston',
  'Victoria',
  'Georgetown',
  'Hamilton',
  'Jamestown',
  'Nassau',
  'Plymouth',
  'Castries',
  'Basseterre',
  'Praia',
  'The Valley',
  'Road Town',
  'King Edward Point',
  'Adamstown',
  'Avarua',
  'Alofi',
  'Washington D.C.',
  'Saint Helier',
  'Saint Peter Port',
  'Douglas',
  'Stanley',
  'Marigot',
  'Gustavia',
  'Kingstown',
  'Saint John’s',
  "Saint John's",
  'Mata-Utu',
  'Brussels',
  'City of San Marino',
  'Monaco',
  'Vatican City',
  'Luxembourg',
  'Singapore',
  'Djibouti',
  'Kuwait City',
  'Panama City',
  'Guatemala City',
  'Mexico City',
  'Andorra la Vella',
  'Palikir',
]);

interface TrieNode {
  next: Map<string, TrieNode>;
  hit?: { id: string; form: MentionForm };
}

// Curly and straight apostrophes match alike ("the country’s regime"); most words have neither.
const key = (t: string): string => (t.indexOf('’') < 0 ? t : t.replace(/’/g, "'"));

export class Gazetteer {
  private readonly root: TrieNode = { next: new Map() };
  private readonly byId = new Map<string, Entity>();
  private readonly byLowerName = new Map<string, { id: string; form: MentionForm }>();

  constructor(extension?: GazetteerExtension, base?: Gazetteer) {
    if (base) {
      for (const [id, e] of base.byId) this.byId.set(id, e);
      for (const [name, hit] of base.byLowerName) this.add(name, hit.id, hit.form, base.originalCase.get(name));
    } else {
      this.loadCountries();
    }
    for (const e of extension?.entities ?? []) {
      this.byId.set(e.id, { id: e.id, name: e.name });
      this.add(e.name, e.id, 'name');
      for (const a of e.aliases ?? []) this.add(a, e.id, 'alias');
    }
    for (const [alias, id] of Object.entries(extension?.aliases ?? {})) this.add(alias, id, 'alias');
  }

  private readonly originalCase = new Map<string, string>();

  private loadCountries(): void {
    const countries = require('world-countries') as Countries;
    const demonymOwners = new Map<string, Set<string>>();
    for (const c of countries) {
      for (const d of Object.values(c.demonyms?.eng ?? {})) {
        if (!d) continue;
        const owners = demonymOwners.get(d) ?? new Set<string>();
        owners.add(c.cca2);
        demonymOwners.set(d, owners);
      }
    }
    for (const c of countries) {
      const id = c.cca2;
      this.byId.set(id, { id, name: c.name.common });
      this.add(c.name.common, id, 'name');
      this.add(c.name.official, id, 'name');
      for (const alt of c.altSpellings) {
        // Two-letter codes collide with words ("IN", "IT", "US" as a pronoun in caps); the curated
        // table adds the few that news uses. Inverted forms ("Korea, Republic of") never occur in text.
        if (alt.length <= 2 || alt.includes(', ') || !/^[A-Za-z][A-Za-z .'’-]+$/.test(alt)) continue;
        this.add(alt, id, 'name');
      }
      this.addInstitutions([c.name.common], id, true);
      for (const d of Object.values(c.demonyms?.eng ?? {})) {
        if (!d || demonymOwners.get(d)?.size !== 1) continue;
        this.add(d, id, 'demonym');
        this.addInstitutions([d], id, false);
        // "Russians", "Israelis": the people, used as a subject.
        if (/[ni]$/.test(d)) this.add(`${d}s`, id, 'demonym');
      }
      if (c.unMember) {
        for (const cap of c.capital) {
          if (AMBIGUOUS_CAPITALS.has(cap)) continue;
          this.add(cap, id, 'capital');
          for (const inst of ['regime', 'government', 'authorities']) this.add(`${inst} in ${cap}`, id, 'alias');
          this.add(`${cap} regime`, id, 'alias');
        }
      }
    }
    for (const o of ORGANISATIONS) {
      this.byId.set(o.id, { id: o.id, name: o.name });
      for (const a of o.aliases ?? []) this.add(a, o.id, 'name');
    }
    for (const [alias, id] of Object.entries(CURATED_ALIASES)) {
      this.add(alias, id, 'alias');
      // Codes and names of the table act through their institutions too ("US military", "UK government").
      if (/^[A-Z][A-Z.]+$/.test(alias) || /^(?:American|America|Britain)$/.test(alias))
        this.addInstitutions([alias], id, /^[A-Z.]+$|^America|^Britain/.test(alias));
    }
  }

  /** "<demonym> troops", "Peru's government", "the Armed Forces of Peru" (`ofForm` for names, not demonyms). */
  private addInstitutions(names: string[], id: string, ofForm: boolean): void {
    for (const n of names) {
      for (const inst of STATE_INSTITUTIONS) {
        this.add(`${n} ${inst}`, id, 'alias');
        if (ofForm && /^[A-Z]/.test(inst)) this.add(`${inst} of ${n}`, id, 'alias');
      }
    }
  }

  private add(name: string, id: string, form: MentionForm, original?: string): void {
    const text = original ?? name;
    const tokens = tokenize(text).map((t) => key(t.text));
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      let n = node.next.get(t);
      if (!n) {
        n = { next: new Map() };
        node.next.set(t, n);
      }
      node = n;
    }
    // A later, more specific source (curated table, extension) overrides the data package.
    node.hit = { id, form };
    const lower = text.toLowerCase();
    this.byLowerName.set(lower, { id, form });
    this.originalCase.set(lower, text);
  }

  entity(id: string): Entity | null {
    return this.byId.get(id) ?? null;
  }

  /** The longest entity name starting at token `i` (a leading "the" is part of the mention). */
  match(tokens: Token[], i: number): EntityMention | null {
    let start = i;
    let node: TrieNode | undefined = this.root;
    let best: EntityMention | null = null;
    for (let k = i; k < tokens.length; k++) {
      node = node.next.get(key(tokens[k]!.text));
      if (!node) break;
      if (node.hit) {
        const entity = this.byId.get(node.hit.id);
        if (entity) best = { entity, form: node.hit.form, start, end: k + 1 };
      }
    }
    if (!best && tokens[i]?.lower === 'the' && i + 1 < tokens.length) {
      const m = this.match(tokens, i + 1);
      if (m) {
        start = i;
        return { ...m, start };
      }
    }
    return best;
  }

  /** All entity mentions in a token list, left to right, longest first. */
  mentions(tokens: Token[]): EntityMention[] {
    const out: EntityMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word' || (t.text[0] === t.text[0]!.toLowerCase() && t.lower !== 'the')) continue;
      const m = this.match(tokens, i);
      if (m) {
        out.push(m);
        i = m.end - 1;
      }
    }
    return out;
  }

  /** Whether a capitalised word starts a known name ("Ukraine", "Russian", "Kyiv"). */
  startsName(word: string): boolean {
    return this.root.next.has(key(word));
  }

  /** How a single word is known when it is a whole name by itself ("Kyiv" → `capital`), else null ("Kim"). */
  wordForm(word: string): MentionForm | null {
    return this.root.next.get(key(word))?.hit?.form ?? null;
  }

  /** Looks a whole name up: "DPRK" → North Korea, "the regime in Pyongyang" → North Korea. */
  lookup(name: string): Entity | null {
    const tokens = tokenize(name.trim());
    let i = 0;
    if (tokens[0]?.lower === 'the') i = 1;
    const m = this.match(tokens, i);
    if (m && m.end === tokens.length) return m.entity;
    const lower = tokens
      .slice(i)
      .map((t) => t.text)
      .join(' ')
      .toLowerCase();
    const hit = this.byLowerName.get(lower) ?? this.byLowerName.get(name.trim().toLowerCase());
    return hit ? (this.byId.get(hit.id) ?? null) : null;
  }
}

let defaultGazetteer: Gazetteer | null = null;
const extended = new WeakMap<GazetteerExtension, Gazetteer>();

/** The built-in gazetteer, or one extended with `extension` (cached per extension object). */
export function gazetteerFor(extension?: GazetteerExtension): Gazetteer {
  defaultGazetteer ??= new Gazetteer();
  if (!extension) return defaultGazetteer;
  let g = extended.get(extension);
  if (!g) {
    g = new Gazetteer(extension, defaultGazetteer);
    extended.set(extension, g);
  }
  return g;
}

/** Normalises an entity name through the built-in gazetteer: "DPRK" → `{ id: "KP", name: "North Korea" }`. */
export function normalizeEntity(name: string): Entity | null {
  const e = gazetteerFor().lookup(name);
  return e ? { id: e.id, name: e.name } : null;
}

/**
 * The entities a phrase names, in order, each once: "spokesman for the US National Security
 * Council" → United States; "US Ambassador to NATO" → United States, NATO; "officials" → none.
 */
export function entitiesIn(text: string, extension?: GazetteerExtension): Entity[] {
  const seen = new Set<string>();
  const out: Entity[] = [];
  for (const m of gazetteerFor(extension).mentions(tokenize(text))) {
    if (seen.has(m.entity.id)) continue;
    seen.add(m.entity.id);
    out.push({ id: m.entity.id, name: m.entity.name });
  }
  return out;
}
