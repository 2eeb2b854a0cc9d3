import type { DateExpression } from '../dateExpressions.ts';
import type { EntityMention } from '../gazetteer.ts';
import type { Pos } from '../lexical/tagSentence.ts';
import type { Attribution } from '../speakers/attribution.ts';
import type { Token } from '../tokenize.ts';
import type { Quantity } from '../types.ts';
import { clausesOf } from './clauses.ts';

/** One sentence as the claim rules read it: tokens with their tags, quantities, names, dates, speakers. */
export interface SentenceView {
  text: string;
  tokens: Token[];
  pos: Pos[];
  lemma: string[];
  quantities: Quantity[];
  /** Token range [start, end) of each quantity. */
  quantityTokens: Array<[number, number]>;
  /** Gazetteer and named mentions, by start. */
  mentions: EntityMention[];
  attributions: Attribution[];
  dateTokens: Array<{ expr: DateExpression; start: number; end: number }>;
  /** Per token: the index of the quantity it belongs to, or -1. */
  quantityAt: Int32Array;
  /** Per token: 1 inside a date expression. */
  isDate: Uint8Array;
}

/** Words that end a clause for the claim rules. */
const CLAUSE_BREAK_WORDS = new Set([';', 'but', 'while', 'whereas', 'although', 'though', 'which', 'whilst', '—']);

/** The clause around tokens [s, e): up to `;`, "but", "while", "although", "which" on either side. */
export function clauseAround(view: SentenceView, s: number, e: number): [number, number] {
  const c = clausesOf(view.tokens, CLAUSE_BREAK_WORDS);
  return [c.start[s] ?? 0, c.end[Math.max(s, e - 1)] ?? view.tokens.length];
}

export const isVerb = (view: SentenceView, k: number): boolean => view.pos[k] === 'VERB';

/** A form of "be" or "have" used as the main verb or as an auxiliary. */
export const isAux = (view: SentenceView, k: number): boolean => view.pos[k] === 'AUX';

export function textOf(view: SentenceView, a: number, b: number): string {
  if (a >= b) return '';
  return view.text.slice(view.tokens[a]!.start, view.tokens[b - 1]!.end);
}
