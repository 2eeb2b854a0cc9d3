import { extractClaims } from './src/index.ts';

for (const s of [
  'The depot is about 180 miles (290 kilometers) from the Ukrainian border.',
  'Kim Jong Un met Vladimir Putin for two days.',
  'For the cost of one cup of coffee a month you can support Ukraine.',
  'Iran has supplied Russia with about 400 ballistic missiles, according to three sources familiar with the matter.',
  'Rosoboronexport sent 40 helicopters to India.',
  'Mark Rutte, NATO’s secretary general, said on Thursday that allies had pledged $40 billion.',
  'Kharkiv has suffered 30 attacks since January.',
  'The Russian economy sustained 3% growth last year.',
])
  for (const c of extractClaims(s, { publishedAt: '2024-03-01' }))
    console.log(s.slice(0, 40), '|', c.figureKey, c.value, c.subject, c.predicate, c.measure);
