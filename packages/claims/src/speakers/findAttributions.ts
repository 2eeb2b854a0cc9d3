import { isActorNoun } from '../lexical/nounClass.ts';
import type { Token } from '../tokenize.ts';
import type { Attribution, AttributionOptions } from './attribution.ts';
import { classify } from './classifySpeaker.ts';
import { sourceAttributions } from './sourceAttributions.ts';
import { leftPhrase, rightPhrase } from './speakerPhrases.ts';
import { appendRole } from './speakerRoles.ts';
import { nameishAt } from './speakerTokens.ts';
import { FURNITURE_LABELS, HEDGED_VERBS, isQuote, namesOrganisation, SPEECH_VERBS } from './speakerWords.ts';

/** All attributions in a sentence, left to right. */
export function findAttributions(tokens: Token[], opts: AttributionOptions): Attribution[] {
  const out: Attribution[] = [];
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (opts.inQuote[v]) continue;
    // "according to X"
    if (t.lower === 'according' && tokens[v + 1]?.lower === 'to') {
      const np = rightPhrase(tokens, v + 2, opts);
      if (np) {
        const a = classify(tokens, np.start, np.end, opts, v, v + 2, false);
        if (a) {
          appendRole(tokens, np.end, a, opts);
          // "According to the Office for National Statistics, …": a body named as the figures' source.
          if (a.kind === 'org' || a.kind === 'group') a.source = true;
          out.push(a);
        }
      }
      continue;
    }
    if (t.kind !== 'word' || !SPEECH_VERBS.has(t.lower)) continue;
    // "United States" is no verb; "China is estimated to have" is no attribution.
    if (t.text !== t.lower && v > 0) continue;
    if (/^(?:is|are|was|were|been|be|being)$/.test(tokens[v - 1]?.lower ?? '')) continue;
    // "showed off the new machine", "posted up": a verb with a particle that says nothing.
    if (/^(?:off|up)$/.test(tokens[v + 1]?.lower ?? '')) continue;
    // "pointed out"
    let verbEnd = v + 1;
    if (t.lower === 'pointed') {
      if (tokens[v + 1]?.lower !== 'out') continue;
      verbEnd = v + 2;
    }
    const hedged = HEDGED_VERBS.has(t.lower);
    const prev = tokens[v - 1];
    const inverted = !prev || prev.text === ',' || isQuote(prev) || (prev.text === ',' && isQuote(tokens[v - 2]));
    if (inverted) {
      const np = rightPhrase(tokens, verbEnd, opts);
      if (np) {
        const a = classify(tokens, np.start, np.end, opts, v, verbEnd, hedged);
        // "…, the University of California, announced the news": a lower-case object that names no
        // people is what was said, and the speaker stands before the verb.
        if (a && !(a.name && /^[a-z ]+$/.test(a.name) && !isActorNoun(a.name.split(' ').pop()!.replace(/s$/, '')))) {
          appendRole(tokens, np.end, a, opts);
          out.push(a);
          continue;
        }
      }
    }
    const left = leftPhrase(tokens, v, opts);
    if (left) {
      const a = classify(tokens, left.start, left.end, opts, v, verbEnd, hedged);
      if (a) {
        if (left.role) {
          a.role = left.role;
          if (left.roleSpan) a.roleSpan = left.roleSpan;
          // "Ford, the US car company, reported": an organisation's appositive makes it one.
          if (a.kind === 'single' || a.kind === 'person') a.kind = namesOrganisation(left.role) ? 'org' : 'person';
        }
        out.push(a);
      }
    }
  }
  const headline = headlineAttribution(tokens, opts);
  if (headline) out.push(headline);
  for (const a of sourceAttributions(tokens, opts)) {
    if (!out.some((o) => a.npStart < o.npEnd && o.npStart < a.npEnd)) out.push(a);
  }
  // "My estimate is", "the claims": a reporting word after a possessive or an article is a noun.
  // "…, adding that": a participle after a comma speaks for the attribution before it.
  return out.filter(
    (a, i) =>
      !/^(?:my|his|her|its|our|their|your|the|a|an)$/.test(tokens[a.verbStart - 1]?.lower ?? '') &&
      !(
        /ing$/.test(tokens[a.verbStart]!.lower) &&
        tokens[a.verbStart - 1]?.text === ',' &&
        out.slice(0, i).some((b) => b.verbStart < a.verbStart)
      ),
  );
}

/** "White House: North Korea sent…" and "… from North Korea – US envoy to NATO". */
function headlineAttribution(tokens: Token[], opts: AttributionOptions): Attribution | null {
  for (let k = tokens.length - 2; k > 2; k--) {
    const t = tokens[k]!;
    if ((t.text === '–' || t.text === '—' || t.text === '-') && t.spaceBefore && tokens[k + 1]?.spaceBefore) {
      if (tokens.length - (k + 1) > 9) break;
      const np = rightPhrase(tokens, k + 1, opts);
      if (np && np.end === tokens.length) return classify(tokens, np.start, np.end, opts, k, k + 1, false);
      break;
    }
  }
  for (let k = 1; k < Math.min(tokens.length, 7); k++) {
    if (tokens[k]!.text !== ':') continue;
    if (FURNITURE_LABELS.has(tokens[0]!.lower)) return null;
    let ok = true;
    for (let i = 0; i < k; i++) if (!nameishAt(tokens, i, opts)) ok = false;
    if (ok) return classify(tokens, 0, k, opts, k, k + 1, false);
    return null;
  }
  return null;
}
