import type { Context } from './quantityContext.ts';

// One measure given in two units, linked both ways.

/** "180 miles (290 kilometers)": the same measure in two units, linked both ways. */
export function linkMeasures(ctx: Context): void {
  const { out, tokens } = ctx;
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.quantity.kind !== 'measure' || b.quantity.kind !== 'measure' || a.dimension !== b.dimension) continue;
    const between = tokens
      .slice(a.endToken, b.startToken)
      .map((t) => t.text)
      .join('');
    if (between !== '(' && between !== ',or' && between !== 'or' && between !== '/' && between !== ',') continue;
    a.quantity.linkedTo = i + 1;
    b.quantity.linkedTo = i;
    if (b.quantity.bound === '=' && a.quantity.bound !== '=') b.quantity.bound = a.quantity.bound;
    if (b.quantity.concept === null) b.quantity.concept = a.quantity.concept;
  }
}
