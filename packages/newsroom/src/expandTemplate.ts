import { slotValues } from './corpusPhrases.ts';
import type { Rng } from './Rng.ts';

type TemplatePart = string | { slot: string } | { alternatives: string[] };

const compiled = new Map<string, TemplatePart[]>();

function compile(template: string): TemplatePart[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
      if (match.index > last) parts.push(template.slice(last, match.index));
      const body = match[1]!;
      parts.push(body.startsWith('@') ? { slot: body.slice(1) } : { alternatives: body.split('|') });
      last = match.index + match[0].length;
    }
    if (last < template.length) parts.push(template.slice(last));
    compiled.set(template, parts);
  }
  return parts;
}

/** Expands `{a|b}` alternatives and `{@slot}` slots. */
export function expand(template: string, rng: Rng, slots: Record<string, string | readonly string[]>): string {
  let out = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') out += part;
    else if ('alternatives' in part) out += rng.pick(part.alternatives);
    else {
      const value = slots[part.slot] ?? slotValues[part.slot];
      if (value === undefined) throw new Error(`unknown slot ${part.slot}`);
      out += typeof value === 'string' ? value : rng.pick(value);
    }
  }
  return out;
}
