import { entitiesIn, normalizeEntity } from '@tally/claims';
import type { Speaker } from '@tally/events';
import { speakerTokens } from './speakerName.ts';

/**
 * Words that make a speaker a collective or institutional voice rather than someone named: "US
 * officials", "the administration", "the ministry", "Western intelligence sources", "a government
 * spokesman", "the US envoy" (a role the article never tied to a name). Groups that are not
 * institutions ("analysts", "experts", "residents") are left out on purpose: their estimate is a
 * claim of its own, not a repetition of an official's.
 */
const COLLECTIVE_WORDS = new Set(
  `officials official sources source authorities authority administration government governments ministry
  ministries department departments office council agency agencies intelligence military army navy command staff
  embassy mission delegation cabinet presidency parliament committee commission bureau directorate headquarters
  spokesman spokeswoman spokesperson spokespeople representative representatives envoy envoys diplomat diplomats
  minister ministers secretary`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Unnamed groups that are not institutions: "analysts", "experts", "residents". Their figure is
 * their own (an estimate, a count on the ground), so it neither repeats an official's statement
 * nor takes in the article's unattributed repetitions.
 */
const GROUP_WORDS = new Set(
  `analysts analyst experts expert researchers researcher scientists economists observers monitors investigators
  residents witnesses activists volunteers doctors medics lawmakers legislators critics`
    .split(/\s+/)
    .filter(Boolean),
);

export type SpeakerKind = 'named' | 'collective' | 'group';

const kindCache = new Map<string, SpeakerKind>();
const entityCache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 10_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Whether a speaker is someone named (a person, an outlet: "John Kirby", "Kirby", "Bloomberg"), a
 * collective voice — an office or officials ("US officials", "the ministry"), or a state or
 * organisation speaking as such ("White House", "Kremlin", "NATO") — or an unnamed group that is no
 * institution ("analysts"). A speaker with a role is a person.
 */
export function speakerKind(speaker: Speaker): SpeakerKind {
  if (speaker.role) return 'named';
  const known = kindCache.get(speaker.name);
  if (known) return known;
  const tokens = speakerTokens(speaker.name);
  // "military analysts" are analysts: the group word wins over an institutional modifier.
  const kind: SpeakerKind = tokens.some((t) => GROUP_WORDS.has(t))
    ? 'group'
    : tokens.some((t) => COLLECTIVE_WORDS.has(t)) || normalizeEntity(speaker.name) !== null
      ? 'collective'
      : 'named';
  return remember(kindCache, speaker.name, kind);
}

/** The states and organisations a phrase names, as gazetteer ids ("US Ambassador to NATO" → US, NATO). */
export function affiliationsOf(phrase: string | null): readonly string[] {
  if (!phrase) return [];
  const known = entityCache.get(phrase);
  if (known) return known;
  return remember(
    entityCache,
    phrase,
    entitiesIn(phrase).map((e) => e.id),
  );
}

/**
 * Whether a collective speaker can be speaking for a named one, given the states and organisations
 * the named speaker's roles name: every state or organisation the collective names must be among
 * them ("US officials" and "White House" fit "spokesman for the US National Security Council";
 * "Russian officials" do not). A collective that names none ("officials", "the ministry") fits
 * anyone; a named speaker whose roles name none is fitted only by such a generic collective.
 */
export function collectiveFits(collective: Speaker, namedAffiliations: ReadonlySet<string>): boolean {
  return affiliationsOf(collective.name).every((id) => namedAffiliations.has(id));
}
