import { wordSet } from '../lexicon.ts';
import type { Speaker } from '../types.ts';
import type { SentenceInfo } from './sentenceInfo.ts';
import { isPersonKind } from './speakerResolution.ts';

/** Words that may follow an anaphoric object ("announced this on Wednesday", "confirmed it to reporters"). */
const ADJUNCT_OPENERS = wordSet(`
  on during in at to at via through earlier later yesterday today late last while after before when as
`);

/** Nouns by which a reporting verb takes up the news of the sentence before: "announced the news". */
const NEWS_NOUNS = new Set(['news', 'deal', 'settlement', 'agreement', 'decision']);
/** Verbs that make news public: "announced the news"; commenting on it ("welcomed the deal") is not this. */
const ANNOUNCING = /^(?:announced|announces|confirmed|confirms|revealed|reveals|disclosed|discloses|unveiled|unveils)$/;

/**
 * Sentences whose figures a following sentence attributes: "French Ambassador to the UN Claire Morel
 * announced this on Wednesday during an online briefing" gives the sentence before it a speaker and
 * a date. The reporting verb must take "this" or "it" (or "that" closing its clause) as its object —
 * followed by the end of the clause, a date or an adjunct, never by a clause of its own ("said it
 * would send 300 tanks", "said that in September…" are not anaphoric) — and the sentence must state
 * no figure of its own after it. Assessments ("believes this") attribute nothing.
 */
export function anaphoricAttributions(
  infos: SentenceInfo[],
): Map<number, { speaker: Speaker; statedAt: string | null; person: boolean }> {
  const out = new Map<number, { speaker: Speaker; statedAt: string | null; person: boolean }>();
  for (const info of infos) {
    if (info.index === 0) continue;
    const { tokens } = info;
    for (let i = 0; i < info.attributions.length; i++) {
      const a = info.attributions[i]!;
      const speaker = info.speakers[i];
      if (!speaker || a.hedged || a.npEnd > a.verbStart) continue;
      const object = tokens[a.verbEnd];
      if (!object || info.inQuote[a.verbEnd]) continue;
      // "announced the news", "confirmed the figures": the news of the sentence before.
      const news =
        object.lower === 'the' &&
        NEWS_NOUNS.has(tokens[a.verbEnd + 1]?.lower ?? '') &&
        ANNOUNCING.test(tokens[a.verbStart]?.lower ?? '');
      if (!news && !/^(?:this|it|that)$/.test(object.lower)) continue;
      if (news) {
        out.set(info.index - 1, { speaker, statedAt: info.statedAt[i] ?? null, person: isPersonKind(a) });
        break;
      }
      let k = a.verbEnd + 1;
      while (k < tokens.length && info.dateTokens.some((d) => k >= d.start && k < d.end)) k++;
      const next = tokens[k];
      const closes = !next || /^[,.;:!?]$/.test(next.text);
      if (!closes && (object.lower === 'that' || next.kind !== 'word' || !ADJUNCT_OPENERS.has(next.lower))) continue;
      const objectOffset = object.start;
      if (info.quantities.some((q) => q.span[0] > objectOffset)) continue;
      out.set(info.index - 1, { speaker, statedAt: info.statedAt[i] ?? null, person: isPersonKind(a) });
      break;
    }
  }
  return out;
}
