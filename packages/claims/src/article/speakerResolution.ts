import { type CalendarDay, findDateExpressions, resolveDate } from '../dateExpressions.ts';
import type { Entity, Gazetteer } from '../gazetteer.ts';
import { isActorNoun } from '../lexical/nounClass.ts';
import { looksLikePersonName } from '../lexical/personNames.ts';
import { singularize } from '../singularize.ts';
import type { Attribution } from '../speakers/attribution.ts';
import { roleMatches } from '../speakers/speakerRoles.ts';
import { tokenize } from '../tokenize.ts';
import type { Speaker } from '../types.ts';
import type { QuoteRegion } from './quotes.ts';
import type { SentenceInfo } from './sentenceInfo.ts';
import { titledPeople } from './titledPeople.ts';

const SPEAKER_ALIASES: Record<string, string> = { WH: 'White House', 'The White House': 'White House' };

interface PersonRecord {
  name: string;
  role: string | null;
  sentence: number;
}

/**
 * The states and organisations a headline is about, beside the one its speaker speaks for: "White
 * House accuses North Korea of arming Russia" is about North Korea and Russia, so it attributes the
 * report's figures of those, not the report's own aside on US aid to Ukraine.
 */
export function topicsOf(text: string, speaker: Speaker, gazetteer: Gazetteer): ReadonlySet<string> {
  const own = new Set(gazetteer.mentions(tokenize(speaker.name)).map((m) => m.entity.id));
  const topics = new Set<string>();
  for (const m of gazetteer.mentions(tokenize(text))) if (!own.has(m.entity.id)) topics.add(m.entity.id);
  return topics;
}

/**
 * Whether a figure is about what the headline is about: its subject (else its recipient) is among
 * the headline's topics. A headline about nothing in particular, or a figure about no one, is not
 * told apart.
 */
export function aboutTopics(
  topics: ReadonlySet<string> | null,
  subject: Entity | null,
  recipient: Entity | null,
): boolean {
  if (!topics || topics.size === 0) return true;
  const who = subject ?? recipient;
  return who === null || topics.has(who.id);
}

/**
 * A detail of a figure (a scoped key such as `transfer:KP>RU:container:shipment`) that the report
 * gives no date of its own belongs to the report's account of that figure: when the report dates
 * the figure itself on exactly one day, the detail takes that day. ("Photographs released by
 * officials show 300 containers …" in a report of a briefing on 13 October.)

// ---------------------------------------------------------------- speakers and dates

/**
 * The people an article names, in order of first mention, with lookups by name and surname: built
 * once, so that resolving every attribution costs the same whatever the article's length.
 */
class PersonIndex {
  readonly list: PersonRecord[] = [];
  private readonly byName = new Map<string, PersonRecord>();
  private readonly bySurname = new Map<string, PersonRecord>();

  add(name: string, role: string | null, sentence: number): void {
    const known = this.byName.get(name);
    if (known) {
      known.role ??= role;
      return;
    }
    const p = { name, role, sentence };
    this.list.push(p);
    this.byName.set(name, p);
    const surname = name.split(' ').pop()!;
    if (!this.bySurname.has(surname)) this.bySurname.set(surname, p);
  }

  named(name: string): PersonRecord | undefined {
    return this.byName.get(name);
  }

  withSurname(surname: string): PersonRecord | undefined {
    return this.bySurname.get(surname);
  }

  /** The index in `list` of the last person first named at or before `sentence`, or -1. */
  lastUpTo(sentence: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.sentence <= sentence) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/** How far back a role or a group looks for the person or the longer group it stands for. */
const LOOK_BACK = 64;

export function resolveSpeakers(infos: SentenceInfo[], _gazetteer: Gazetteer, now: CalendarDay | null): void {
  const persons = new PersonIndex();
  for (const info of infos) {
    for (const a of info.attributions) if (a.kind === 'person' && a.name) persons.add(a.name, a.role, info.index);
    for (const p of titledPeople(info.tokens)) persons.add(p.name, p.role, info.index);
  }
  const groups: string[] = [];
  // The last organisation or group that spoke: "they" is it, not the last person.
  let collective: Speaker | null = null;
  let lastPerson: Speaker | null = null;
  for (const info of infos) {
    // "The Tories have promised …": a plural name opening a sentence is who "they" are next.
    const opener = pluralNameOpening(info);
    if (opener) collective = { name: opener, role: null };
    info.speakers = info.attributions.map((a) => {
      // "announced the news, adding …": a lower-case word that names no people or group speaks not.
      if (a.name && /^[a-z]+$/.test(a.name) && a.kind !== 'pronoun' && !isActorNoun(singularize(a.name))) return null;
      // "he added": the last person who spoke, else the last person named.
      const s =
        a.kind === 'pronoun' && a.name === 'they'
          ? collective
          : a.kind === 'pronoun' && lastPerson
            ? lastPerson
            : resolveOne(a, info.index, persons, groups);
      if (s && (a.kind === 'person' || a.kind === 'role' || (a.kind === 'single' && s.name !== a.name))) lastPerson = s;
      if (a.kind === 'group' && s) groups.push(s.name);
      // Parties and bodies named alone ("Labour says", "the Tories say", "Lib Dems say") are collective
      // too: a single word no person of the article bears, or a name that opens with no given name.
      const unnamedPerson =
        (a.kind === 'single' && s?.name === a.name) ||
        (a.kind === 'person' && !a.role && !looksLikePersonName(a.name ?? ''));
      if ((a.kind === 'group' || a.kind === 'org' || unnamedPerson) && s) collective = s;
      return s;
    });
    info.statedAt = info.attributions.map((a) => statementDate(info, a, now));
  }
}

/** A plural name opening a sentence ("The Tories", "Lib Dems", "Democrats"), as written, or null. */
function pluralNameOpening(info: SentenceInfo): string | null {
  const { tokens } = info;
  let k = tokens[0]?.lower === 'the' ? 1 : 0;
  const start = k;
  while (k < tokens.length && tokens[k]!.kind === 'word' && /^\p{Lu}/u.test(tokens[k]!.text)) k++;
  if (k === start || k - start > 3 || info.titleLike) return null;
  const last = tokens[k - 1]!.text;
  if (!/[a-z]s$/.test(last) || tokens[k]?.text === "'s") return null;
  return tokens
    .slice(0, k)
    .map((t) => t.text)
    .join(' ');
}

function resolveOne(a: Attribution, sentence: number, persons: PersonIndex, groups: string[]): Speaker | null {
  switch (a.kind) {
    case 'person': {
      // "Mr. Hale said" after "Tom Hale, deputy commissioner, …": the person named in full before.
      const full = a.name!.includes(' ') ? undefined : persons.withSurname(a.name!);
      if (full && full.name !== a.name) return { name: full.name, role: full.role ?? a.role ?? null };
      const p = persons.named(a.name!);
      return { name: a.name!, role: a.role ?? p?.role ?? null };
    }
    case 'single': {
      const p = persons.withSurname(a.name!);
      if (p) return { name: p.name, role: p.role };
      return { name: SPEAKER_ALIASES[a.name!] ?? a.name!, role: null };
    }
    case 'pronoun': {
      const p = persons.list[persons.lastUpTo(sentence)];
      return p ? { name: p.name, role: p.role } : null;
    }
    case 'role': {
      const role = a.role!;
      const last = persons.lastUpTo(sentence);
      let p: PersonRecord | undefined;
      for (let i = last; i >= Math.max(0, last - LOOK_BACK) && !p; i--) {
        if (roleMatches(role, persons.list[i]!.role)) p = persons.list[i];
      }
      for (let i = last + 1; i < Math.min(persons.list.length, last + 1 + LOOK_BACK) && !p; i++) {
        if (roleMatches(role, persons.list[i]!.role)) p = persons.list[i];
      }
      return p ? { name: p.name, role: p.role } : { name: role.replace(/^(?:the|a|an)\s+/i, ''), role: null };
    }
    case 'group': {
      const head = a.name!.split(' ').pop()!;
      let longer: string | undefined;
      for (let i = groups.length - 1; i >= Math.max(0, groups.length - LOOK_BACK) && !longer; i--) {
        const g = groups[i]!;
        if (g.endsWith(head) && g.length > a.name!.length) longer = g;
      }
      return { name: longer ?? a.name!, role: null };
    }
    case 'org': {
      const name = SPEAKER_ALIASES[a.name!] ?? a.name!.replace(/^(?:the|The)\s+/, '');
      // "The White House announced" when the article names its spokesman: the spokesman spoke.
      let staff: PersonRecord | null = null;
      let count = 0;
      for (const p of persons.list) {
        if (p.role?.toLowerCase().includes(name.toLowerCase()) && /spokes|press|adviser|advisor/i.test(p.role)) {
          staff = p;
          count++;
        }
      }
      if (count === 1 && staff) return { name: staff.name, role: staff.role };
      return { name, role: null };
    }
  }
  return null;
}

/** A date next to the reporting verb: "announced this on Wednesday", "on Friday announced", "reported, back in October". */
export function statementDate(info: SentenceInfo, a: Attribution, now: CalendarDay | null): string | null {
  const { tokens } = info;
  for (const d of info.dateTokens) {
    if (
      d.expr.kind === 'time' ||
      d.expr.kind === 'phone' ||
      d.expr.kind === 'ordinal' ||
      d.expr.kind === 'fraction' ||
      d.expr.kind === 'decade'
    )
      continue;
    // Between the speaker and the verb.
    if (d.start >= a.npEnd && d.end <= a.verbStart) return resolveDate(d.expr, now);
    // After an appended role, or in "who spoke to journalists on Sunday".
    if (a.dateZone && d.start >= a.dateZone[0] && d.end <= a.dateZone[1]) return resolveDate(d.expr, now);
    // Shortly after the verb, before any "that" or quotation.
    if (d.start >= a.verbEnd && d.start <= a.verbEnd + 6) {
      let clean = true;
      for (let i = a.verbEnd; i < d.start; i++) {
        const w = tokens[i]!.lower;
        if (w === 'that' || /^["“”]$/.test(w) || tokens[i]!.kind === 'num' || info.mentions.some((m) => m.start === i))
          clean = false;
      }
      if (clean) return resolveDate(d.expr, now);
    }
    // Opening the sentence: "On Wednesday, Smith said".
    if (d.end <= a.npStart && d.start <= 1 && a.npStart - d.end <= 2) return resolveDate(d.expr, now);
  }
  return null;
}

export function isPersonKind(a: Attribution): boolean {
  return a.kind === 'person' || a.kind === 'single' || a.kind === 'pronoun' || a.kind === 'role';
}

/** The speaker of a quantity's own sentence: people before organisations, the nearest verb first. */
export function pickSpeaker(
  info: SentenceInfo,
  offset: number,
): { speaker: Speaker; statedAt: string | null; person: boolean; pronoun: string | null } | null {
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < info.attributions.length; i++) {
    const a = info.attributions[i]!;
    const s = info.speakers[i];
    if (!s) continue;
    // A verb inside a quotation belongs to the quoted speech.
    const verbOffset = info.tokens[a.verbStart]!.start;
    const kindScore = isPersonKind(a) ? 2 : 1;
    const score = kindScore * 1000 - Math.min(999, Math.abs(verbOffset - offset) / 10);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) return null;
  return {
    speaker: info.speakers[best]!,
    statedAt: info.statedAt[best] ?? null,
    person: isPersonKind(info.attributions[best]!),
    pronoun: info.attributions[best]!.kind === 'pronoun' ? info.attributions[best]!.name : null,
  };
}

/** The first date at which each speaker of the article is dated, by name. */
export function speakerDates(infos: SentenceInfo[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const info of infos) {
    for (let i = 0; i < info.speakers.length; i++) {
      const name = info.speakers[i]?.name;
      if (name && info.statedAt[i] && !out.has(name)) out.set(name, info.statedAt[i]!);
    }
  }
  return out;
}

/** Who a quotation belongs to: the attribution after its closing mark, else before its opening mark. */
export function quoteAttribution(
  q: QuoteRegion,
  infos: SentenceInfo[],
): { speaker: Speaker; statedAt: string | null } | null {
  const closing = sentenceAt(infos, q.close);
  if (closing) {
    for (let i = 0; i < closing.attributions.length; i++) {
      const a = closing.attributions[i]!;
      const at = closing.sentence.start + closing.tokens[a.verbStart]!.start;
      if (at > q.close && closing.speakers[i])
        return { speaker: closing.speakers[i]!, statedAt: closing.statedAt[i] ?? null };
    }
  }
  const opening = sentenceAt(infos, q.open);
  if (opening) {
    for (let i = opening.attributions.length - 1; i >= 0; i--) {
      const a = opening.attributions[i]!;
      const at = opening.sentence.start + opening.tokens[a.verbStart]!.start;
      if (at < q.open && opening.speakers[i])
        return { speaker: opening.speakers[i]!, statedAt: opening.statedAt[i] ?? null };
    }
  }
  return null;
}

/** "— Jane Roe (@janeroe) March 3, 2021": an embedded post, attributed to the line above. */
export function embeddedPostAttributions(
  infos: SentenceInfo[],
  now: CalendarDay | null,
): Map<number, { speaker: Speaker; statedAt: string | null }> {
  const out = new Map<number, { speaker: Speaker; statedAt: string | null }>();
  const byLine = new Map<number, SentenceInfo[]>();
  for (const info of infos) {
    const list = byLine.get(info.line);
    if (list) list.push(info);
    else byLine.set(info.line, [info]);
  }
  for (const info of infos) {
    const m = /^[—–-]\s*(.+?)\s*\(@\w+\)\s*(.*)$/.exec(info.sentence.text);
    if (!m) continue;
    const date = findDateExpressions(m[2]!).find((d) => d.kind === 'date' || d.kind === 'month');
    const statedAt = date ? resolveDate(date, now) : null;
    const speaker = { name: m[1]!, role: null };
    // The sentences of the line above, or of the line before it when the one above is blank.
    const above = byLine.get(info.line - 1) ?? byLine.get(info.line - 2) ?? [];
    for (const prev of above) out.set(prev.index, { speaker, statedAt });
  }
  return out;
}

/** The sentence (of `infos`, in text order) that holds offset `at`, by binary search. */
function sentenceAt(infos: SentenceInfo[], at: number): SentenceInfo | undefined {
  let lo = 0;
  let hi = infos.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = infos[mid]!.sentence;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return infos[mid];
  }
  return undefined;
}
