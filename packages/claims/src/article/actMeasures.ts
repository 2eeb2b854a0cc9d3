import { actMeasure } from '../lexical/vocabulary.ts';
import type { FigureFound } from '../sentence/figureFound.ts';

/**
 * What an act's figure measures, carried through an article: "The Labour Party received more than
 * £5m in donations … while the Liberal Democrats received just over £1m": the second "received" says
 * only its act (receipts), and means the donations named before with the same act.
 */
export class ActMeasures {
  private readonly named = new Map<string, string>();

  /** Gives `f` the measure named before for its act when it names only the act; remembers a named one. */
  carry(f: FigureFound): void {
    // Amounts only: what a count's act names ("sold 1m copies") is its unit's, said each time.
    if (f.quantity.kind !== 'money') return;
    const key = `${f.predicate}:${f.quantity.kind}`;
    const generic = actMeasure(f.predicate, f.quantity.kind, f.unit);
    if (generic === null) return;
    if (f.measure === generic) {
      const before = this.named.get(key);
      if (before) f.measure = before;
    } else if (f.measure && !f.changeBy && f.change === null) {
      this.named.set(key, f.measure);
    }
  }
}
