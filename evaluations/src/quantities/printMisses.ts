import type { QuantitiesEvaluation } from './evaluateQuantities.ts';
import type { ScoredQuantity } from './scoreRecognizers.ts';

const view = (q: ScoredQuantity | null): string =>
  q === null
    ? '—'
    : `${JSON.stringify(q.range ?? q.value)} ${q.bound} ${q.unit ?? '∅'}${q.change ? ` ${q.change}` : ''}${q.concept ? ` [${q.concept}]` : ''} (${q.kind})`;

/** Lists what was missed or wrong, for reading the errors by category. `only`: a model name, or "news". */
export function printMisses(result: QuantitiesEvaluation, only: string): void {
  if (only === '' || only !== 'news') {
    console.log('\nmisses on quantities-recognizers:');
    for (const m of result.recognizers.misses) {
      if (only !== '' && m.model !== only) continue;
      const gold = m.gold?.gold
        ? `${JSON.stringify(m.gold.gold.range ?? m.gold.gold.value)} ${m.gold.gold.unit ?? '∅'}`
        : '';
      console.log(
        `  [${m.model.replace('Model', '')}] ${m.why}: «${m.gold?.text ?? ''}» ${gold} → ${view(m.predicted)}  | ${m.input.slice(0, 160)}`,
      );
    }
  }
  if (only === '' || only === 'news') {
    console.log('\nmisses on news-claims:');
    for (const m of result.newsClaims.misses) {
      const g = m.gold;
      console.log(
        `  ${m.gid} ${m.field}: gold ${JSON.stringify(g.range ?? g.value)} ${g.unit ?? '∅'}${g.change ? ` ${g.change}${g.expectedChange ? '' : ' (level)'}` : ''} [${g.measure ?? ''}] → ${m.predicted.map(view).join('; ') || 'nothing'}  | ${m.sentence.slice(0, 200)}`,
      );
    }
  }
}
