import { DIRECTED } from './predicates.ts';

export interface FigureKeyParts {
  /** The figure's family: an arms and aid class (`transfer`, `stock`), `level`, `change`, or an open predicate. */
  predicate: string;
  /** Entity id of the subject ("KP", "home-depot"), or null when unknown. */
  subject: string | null;
  recipient: string | null;
  unit: string | null;
  /** The measure's key ("net income", "death toll"): two measures of one subject are two figures. */
  measure?: string | null;
  /** Whether the figure has another party; by default, the arms and aid classes that have one. */
  directed?: boolean;
  /** A narrower scope of the same figure, e.g. `shipment` for "one load of 300 containers". */
  scope?: string | null;
}

/**
 * The figure key: `family:subject>recipient:measure:unit[:scope]`, e.g. `transfer:KP>RU:container`,
 * `level:home-depot:revenue:USD`, `stock:RU:artillery shell`, `halt-aid:US>UA:USD`. Undirected
 * families drop `>recipient`, figures without a measure drop it; unknown parts are `?`. Entity ids
 * come from the gazetteer (countries, organisations) or from the name ("home-depot"), units are
 * normalised and lower-case except currency codes and symbols.
 */
export function figureKey(p: FigureKeyParts): string {
  const directed = p.directed ?? DIRECTED.has(p.predicate);
  const who = directed ? `${p.subject ?? '?'}>${p.recipient ?? '?'}` : (p.subject ?? '?');
  const measure = p.measure ? `:${p.measure}` : '';
  const base = `${p.predicate}:${who}${measure}:${p.unit ?? '?'}`;
  return p.scope ? `${base}:${p.scope}` : base;
}
