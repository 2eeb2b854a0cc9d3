import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Disposition, disposition, type MappedResolution, mapResolution } from './recognizersConventions.ts';

/** One labelled mention of a Recognizers specification, in Tally's terms. */
export interface GoldMention {
  text: string;
  /** Offsets into the sentence, end exclusive. */
  span: [number, number];
  disposition: Disposition;
  /** Null when the mention is not a quantity to us or is not judged. */
  gold: MappedResolution | null;
}

export interface SpecSentence {
  /** The model the specification tests ("CurrencyModel"). */
  model: string;
  input: string;
  mentions: GoldMention[];
}

interface RawResult {
  Text: string;
  TypeName: string;
  Resolution?: { value?: string | null; unit?: string; isoCurrency?: string };
  Start: number;
  End: number;
}

interface RawCase {
  Input: string;
  Results?: RawResult[];
}

/** Reads every `*Model.json` of a quantities-recognizers folder (JSON arrays, UTF-8 with or without a BOM). */
export function loadRecognizersSpecs(dir: string): SpecSentence[] {
  const out: SpecSentence[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /Model\.json$/.test(f))
    .sort()) {
    const model = file.replace(/\.json$/, '');
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    for (const c of JSON.parse(text) as RawCase[]) {
      const mentions = (c.Results ?? []).map((r): GoldMention => {
        const span: [number, number] = [r.Start, r.End + 1];
        const mapped = mapResolution(r.TypeName, r.Resolution, r.Text);
        const how = disposition(model, c.Input, span[0], span[1], mapped);
        return { text: r.Text, span, disposition: how, gold: how === 'quantity' ? mapped : null };
      });
      out.push({ model, input: c.Input, mentions });
    }
  }
  return out;
}
