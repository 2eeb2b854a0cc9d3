import { extractClaims } from './src/index.ts';

for (const s of [
  'Last week, rival Shell reported an annual profit of $17.5bn - a record profit for a UK-listed company.',
  "American Airlines' parent AMR reported a loss of $387m (£206m) for the fourth quarter of 2004.",
  'Utility vehicle and tractor maker Mahindra has reported a 52% rise in net profit during the last three months of 2004.',
  'Laura Ashley sells clothes. Last September it reported that interim six month losses had risen to £1.2m.',
  'This is nearly half of the £11,724,929 received by 16 political parties listed by the Electoral Commission.',
  "Gamers spent more than £1.34bn in 2004, according to figures released by the UK gaming industry's trade body.",
])
  for (const c of extractClaims(s, { publishedAt: '2005-01-01' }))
    console.log(c.value, c.subject, c.predicate, '| speaker:', c.speaker?.name);
