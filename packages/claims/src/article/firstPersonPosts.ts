import type { Speaker } from '../types.ts';
import type { SentenceInfo } from './sentenceInfo.ts';

/**
 * A post quoted at length: "…," Ammar Askar wrote in a blog post, then paragraphs of the post
 * itself, in the first person and without quotation marks ("I chose to create lists", "our evil
 * data"), as web pages print a block quotation. Those paragraphs are the writer's statements.
 */

/** Verbs of writing a post, and the words that name what was written. */
const WRITING = /^(?:wrote|writes|posted|published)$/;
const WRITTEN = /\b(?:blog|post|letter|statement|e-?mail|essay|memo|newsletter)\b/i;
/** First-person words as printed ("US" is a state, "us" a person). */
const FIRST_PERSON = /^(?:I|[Mm]y|me|[Ww]e|[Oo]ur|us|[Oo]urs|myself|ourselves|I’m|I'm|I’ve|I've|[Ww]e’re|[Ww]e're)$/;
/** Paragraphs without the first person that a quotation may hold before it is taken to have ended. */
const GAP = 2;

/** A sentence of prose: at least five words. */
const prose = (info: SentenceInfo): boolean => info.tokens.filter((t) => t.kind === 'word').length >= 5;

function inFirstPerson(info: SentenceInfo): boolean {
  return info.tokens.some((t, k) => !info.inQuote[k] && FIRST_PERSON.test(t.text));
}

/** The writer of a post named in a sentence ("… Ammar Askar wrote in a blog post"), or null. */
function writerIn(info: SentenceInfo): { speaker: Speaker; statedAt: string | null } | null {
  if (!WRITTEN.test(info.sentence.text)) return null;
  const a = info.attributions.findIndex(
    (x, i) => x.kind === 'person' && info.speakers[i] && WRITING.test(info.tokens[x.verbStart]?.lower ?? ''),
  );
  return a < 0 ? null : { speaker: info.speakers[a]!, statedAt: info.statedAt[a] ?? null };
}

/**
 * For each sentence of a post quoted after its writer wrote it, the writer (by sentence index). One
 * pass over the paragraphs: a scan for a post starts after its writer's paragraph and the next
 * writer is looked for where the scan stopped, so no paragraph is read twice.
 */
export function firstPersonPosts(
  infos: readonly SentenceInfo[],
): Map<number, { speaker: Speaker; statedAt: string | null }> {
  const out = new Map<number, { speaker: Speaker; statedAt: string | null }>();
  const paragraphs: SentenceInfo[][] = [];
  for (const info of infos) {
    const last = paragraphs.at(-1);
    if (last && last[0]!.line === info.line) last.push(info);
    else paragraphs.push([info]);
  }
  let p = 0;
  while (p < paragraphs.length) {
    const said = paragraphs[p]!.map(writerIn).find((w) => w !== null);
    if (!said) {
      p++;
      continue;
    }
    // From the first paragraph in the first person to the last one before a gap or another speaker.
    let end = -1;
    let quiet = 0;
    let q = p + 1;
    for (; q < paragraphs.length; q++) {
      const para = paragraphs[q]!;
      if (
        para.some((s) =>
          s.attributions.some((x, i) => x.kind !== 'pronoun' && s.speakers[i]?.name !== said.speaker.name),
        )
      )
        break;
      if (para.some(inFirstPerson)) {
        end = q;
        quiet = 0;
      } else if (para.some(prose)) {
        // Lines of code or of a list in the post (no prose) neither end nor extend it.
        if (++quiet > GAP) break;
      }
    }
    for (let r = p + 1; r <= end; r++) for (const s of paragraphs[r]!) out.set(s.index, said);
    p = Math.max(p + 1, q);
  }
  return out;
}
