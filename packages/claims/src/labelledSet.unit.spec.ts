import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuantities } from './extractQuantities.ts';
import { baselineQuantities, type Field, loadLabelledSet, scoreExtractor } from './labelledSet.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const dev = loadLabelledSet(path.join(fixtures, 'labelled.jsonl'));
const heldOut = loadLabelledSet(path.join(fixtures, 'heldout.jsonl'));
const fresh = loadLabelledSet(path.join(fixtures, 'fresh.jsonl'));

/**
 * Pinned figures: what the rules reach, rounded down a little. The development set was used to
 * write the rules. The two later sets were each scored once before any rule was changed for them
 * (the README keeps those first-look figures); their errors were read afterwards, so they now pin
 * behaviour rather than measure generalisation. A drop below a pin is a regression to explain.
 */
const PINS: Record<'dev' | 'heldOut' | 'fresh', Record<Field, { precision: number; recall: number }>> = {
  dev: {
    value: { precision: 0.99, recall: 0.99 },
    valueUnit: { precision: 0.98, recall: 0.98 },
    valueBound: { precision: 0.99, recall: 0.99 },
    valueChange: { precision: 0.98, recall: 0.98 },
    concept: { precision: 0.95, recall: 0.9 },
  },
  heldOut: {
    value: { precision: 0.97, recall: 0.98 },
    valueUnit: { precision: 0.96, recall: 0.97 },
    valueBound: { precision: 0.97, recall: 0.98 },
    valueChange: { precision: 0.97, recall: 0.98 },
    concept: { precision: 0.9, recall: 0.9 },
  },
  fresh: {
    value: { precision: 0.98, recall: 0.98 },
    valueUnit: { precision: 0.98, recall: 0.98 },
    valueBound: { precision: 0.98, recall: 0.98 },
    valueChange: { precision: 0.98, recall: 0.98 },
    concept: { precision: 0.93, recall: 0.95 },
  },
};

describe('labelled sentences', () => {
  it('has at least 300 development sentences in the style of wire and diplomatic news, with traps', () => {
    expect(dev.length).toBeGreaterThanOrEqual(300);
    const topics = new Set(dev.map((s) => s.topic));
    for (const t of ['arms', 'cas', 'aid', 'stock', 'econ', 'poll', 'measure', 'vague', 'trap', 'dipl'])
      expect(topics.has(t), t).toBe(true);
    // Sentences whose gold is "no quantity at all": dates, times, phone numbers, models, ordinals, furniture
    // (shares such as "two-thirds of Germans" are percentages now, as news-claims writes them).
    expect(dev.filter((s) => s.quantities.length === 0).length).toBeGreaterThanOrEqual(35);
    const ids = new Set([...dev, ...heldOut, ...fresh].map((s) => s.id));
    expect(ids.size).toBe(dev.length + heldOut.length + fresh.length);
  });

  it('every gold mention is in its sentence', () => {
    for (const s of [...dev, ...heldOut, ...fresh]) {
      for (const g of s.quantities) expect(s.text.includes(g.text), `${s.id}: ${g.text}`).toBe(true);
    }
  });

  for (const [name, set] of [
    ['dev', dev],
    ['heldOut', heldOut],
    ['fresh', fresh],
  ] as const) {
    const score = scoreExtractor(set, extractQuantities);
    it.each(Object.entries(PINS[name]))(
      `${name}: %s precision and recall stay at or above their pins`,
      (field, pin) => {
        const s = score.fields[field as Field];
        expect(s.precision).toBeGreaterThanOrEqual(pin.precision);
        expect(s.recall).toBeGreaterThanOrEqual(pin.recall);
      },
    );
  }

  it('beats the plain number regex by a wide margin on values', () => {
    const all = [...dev, ...heldOut, ...fresh];
    const rules = scoreExtractor(all, extractQuantities).fields.value.f1;
    const baseline = scoreExtractor(all, baselineQuantities).fields.value.f1;
    expect(baseline).toBeLessThan(0.7);
    expect(rules - baseline).toBeGreaterThan(0.3);
  });
});
