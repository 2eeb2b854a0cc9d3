import type { Gazetteer } from '../gazetteer.ts';

/**
 * Speaker attribution inside one sentence: "X said", "said X, the …", "according to X",
 * "X told reporters", "As X reported", "X: …" and "… – X" in headlines. A found speaker is a person
 * (name and role), an organisation or outlet ("Bloomberg", "the White House"), a group ("US
 * officials"), or a reference to be resolved against the article (a pronoun, a bare surname, a
 * role alone such as "the US envoy").
 */
export type SpeakerKind = 'person' | 'org' | 'group' | 'role' | 'pronoun' | 'single';

export interface Attribution {
  kind: SpeakerKind;
  /** Person name, organisation or group name; null for a role or a pronoun. */
  name: string | null;
  role: string | null;
  /** Token range of the speaker phrase. */
  npStart: number;
  npEnd: number;
  /** Token range of the reporting verb (or of "according to", the dash, the colon). */
  verbStart: number;
  verbEnd: number;
  /** "believes", "suspects", "assesses": an assessment rather than a statement. */
  hedged: boolean;
  /**
   * Tokens after the speaker phrase where a date says when the speaker spoke: the date after an
   * appended role ("said Moreau, the spokesperson …, on Monday") or inside a relative clause
   * ("According to Novak, the deputy minister, who spoke to journalists on December 1, …").
   */
  dateZone?: [number, number];
  /** Named as where figures come from ("figures released by X"): covers its paragraph. */
  source?: boolean;
  /** Token range of an appositive role ("…, the spokesperson for Ukraine's military intelligence,"): its places name no party. */
  roleSpan?: [number, number];
}

export interface AttributionOptions {
  gazetteer: Gazetteer;
  /** Tokens that belong to a quotation or a date: reporting verbs there are not this sentence's. */
  inQuote: Uint8Array;
  isDate: Uint8Array;
}
