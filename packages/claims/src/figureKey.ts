import { DIRECTED, type Predicate } from './predicates.ts';

export interface FigureKeyParts {
  predicate: Predicate;
  /** Entity id of the subject ("KP"), or null when unknown. */
  subject: string | null;
  recipient: string | null;
  unit: string | null;
  /** A narrower scope of the same figure, e.g. `shipment` for "one load of 300 containers". */
  scope?: string | null;
}

/**
 * The figure key: `predicate:subject>recipient:unit[:scope]`, e.g. `transfer:KP>RU:container`,
 * `stock:RU:artillery shell`, `halt-aid:US>UA:USD`, `transfer:KP>RU:container:shipment`.
 * Predicates without a recipient (stock, produce, spend, price, poll, purchase, displace) drop the
 * `>recipient` part; unknown parts are `?`. Entity ids come from the gazetteer, units are
 * normalised and lower-case except currency codes and symbols.
 */
export function figureKey(p: FigureKeyParts): string {
  const who = DIRECTED.has(p.predicate) ? `${p.subject ?? '?'}>${p.recipient ?? '?'}` : (p.subject ?? '?');
  const base = `${p.predicate}:${who}:${p.unit ?? '?'}`;
  return p.scope ? `${base}:${p.scope}` : base;
}
