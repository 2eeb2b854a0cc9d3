import { createRequire } from 'node:module';
import { mapResolution } from './recognizersConventions.ts';
import type { Extract, ScoredQuantity } from './scoreRecognizers.ts';

const require = createRequire(import.meta.url);

// The packages ship a UMD build as "main": loaded through require, typed from their declarations.
type UnitPackage = typeof import('@microsoft/recognizers-text-number-with-unit');
type NumberPackage = typeof import('@microsoft/recognizers-text-number');

interface ModelResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: { value?: string | null; unit?: string; isoCurrency?: string };
}

const KIND: Record<string, string> = {
  currency: 'money',
  dimension: 'measure',
  temperature: 'measure',
  age: 'age',
  percentage: 'percent',
  number: 'count',
};

/**
 * Microsoft Recognizers-Text (English) as an extractor of the same shape as `extractQuantities`:
 * the currency, dimension, temperature and age models of `@microsoft/recognizers-text-number-with-unit`
 * and the percentage and number models of `@microsoft/recognizers-text-number`, in that order, a
 * later model's mention dropped where an earlier one's overlaps it. Resolutions are mapped with the
 * same conventions as the specifications' labels. It finds no concept and no change.
 */
export function microsoftRecognizers(): Extract {
  const units = require('@microsoft/recognizers-text-number-with-unit') as UnitPackage;
  const numbers = require('@microsoft/recognizers-text-number') as NumberPackage;
  const withUnit = new units.NumberWithUnitRecognizer(units.Culture.English);
  const plain = new numbers.NumberRecognizer(numbers.Culture.English);
  const models = [
    withUnit.getCurrencyModel(),
    withUnit.getDimensionModel(),
    withUnit.getTemperatureModel(),
    withUnit.getAgeModel(),
    plain.getPercentageModel(),
    plain.getNumberModel(),
  ];
  return (sentence) => {
    const out: ScoredQuantity[] = [];
    for (const model of models) {
      for (const r of model.parse(sentence) as ModelResult[]) {
        const span: [number, number] = [r.start, r.end + 1];
        if (out.some((q) => q.span[0] < span[1] && span[0] < q.span[1])) continue;
        const mapped = mapResolution(r.typeName, r.resolution, r.text);
        if (!mapped) continue;
        out.push({
          value: mapped.value,
          range: mapped.range,
          bound: mapped.bound,
          change: null,
          unit: mapped.unit,
          concept: null,
          kind: KIND[r.typeName] ?? 'count',
          span,
        });
      }
    }
    return out.sort((a, b) => a.span[0] - b.span[0]);
  };
}
