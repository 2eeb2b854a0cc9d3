import type { GoldArticle, GoldClaim } from './newsClaims.ts';
import type { OutputClaim } from './outputClaim.ts';
import { type ClaimsScore, FIELDS, fieldRight, valueText } from './scoreClaims.ts';

export interface ReportInput {
  now: ClaimsScore;
  before: ClaimsScore | null;
  baselineRef: string | null;
  version: string;
  articles: GoldArticle[];
  gold: GoldClaim[];
  show: ReadonlySet<string>;
  sameEntity?: (a: string, b: string) => boolean;
}

const pct = (x: number): string => x.toFixed(3);
const cell = (s: string | number, w: number): string => String(s).padStart(w);
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function claimLine(c: OutputClaim): string {
  const change = c.change
    ? ` ${c.change.direction}${c.change.by !== null ? ` ${c.change.by} ${c.change.unit ?? ''}` : ''}`
    : '';
  const who = c.recipient ? `${c.subject ?? '?'} → ${c.recipient}` : (c.subject ?? '?');
  const flags = [c.hedged ? 'hedged' : '', c.negated ? 'negated' : ''].filter(Boolean).join(',');
  return `${c.bound} ${valueText(c)} ${c.unit ?? '?'} | ${c.measure ?? '-'} | ${who} | ${c.predicate ?? '-'}${change} | period ${c.period ?? '-'} | ${c.speaker ?? 'report'} ${c.statedAt ?? ''}${flags ? ` | ${flags}` : ''}`;
}

function goldLine(g: GoldClaim): string {
  const change = g.change
    ? ` ${g.change.direction}${g.change.by !== null ? ` ${g.change.by} ${g.change.unit ?? ''}` : ''}`
    : '';
  const who = g.recipient ? `${g.subject ?? '?'} → ${g.recipient}` : (g.subject ?? '?');
  return `${g.bound} ${valueText(g)} ${g.unit ?? '?'} | ${g.measure ?? '-'} | ${who} | ${g.predicate ?? '-'}${change} | period ${g.period ?? '-'} | ${g.speaker ?? 'report'} ${g.statedAt ?? ''}${g.hedged ? ' | hedged' : ''}`;
}

export function printReport(r: ReportInput): void {
  const { now, before } = r;
  const head = before ? `before (${r.baselineRef})` : '';
  console.log(`claims on news-claims: ${now.articles} articles, ${now.gold} gold claims; rules ${r.version}\n`);
  console.log(`${'figure'.padEnd(34)}${cell(head, 24)}${cell('now', 24)}`);
  const row = (label: string, f: (s: ClaimsScore) => string): void =>
    console.log(`${label.padEnd(34)}${cell(before ? f(before) : '', 24)}${cell(f(now), 24)}`);
  row('output claims', (s) => String(s.output));
  row('recall, lenient (value)', (s) => pct(s.recallLenient));
  row('recall, strict', (s) => pct(s.recallStrict));
  row('precision (matched + judged real)', (s) => pct(s.precision));
  row('  matched / real / misread / junk', (s) => `${s.matched}/${s.judgedFigure}/${s.judgedMisread}/${s.judgedJunk}`);
  row('  unjudged', (s) => String(s.unjudged));
  row('junk rate', (s) => pct(s.junkRate));
  console.log('\nfield accuracy over matched claims');
  for (const f of FIELDS) {
    row(
      `  ${f}`,
      (s) => `${pct(s.fields[f].of ? s.fields[f].right / s.fields[f].of : 0)} (${s.fields[f].right}/${s.fields[f].of})`,
    );
  }
  console.log('\nper category: recall lenient / strict, precision');
  const categories = [
    ...new Set(r.articles.map((a) => `${a.source.startsWith('bbc') ? 'bbc' : 'rdb'} ${a.category}`)),
  ].sort();
  const categoryOf = new Map(
    r.articles.map((a) => [a.id, `${a.source.startsWith('bbc') ? 'bbc' : 'rdb'} ${a.category}`]),
  );
  const byCategory = (s: ClaimsScore, cat: string): string => {
    const g = s.pairs.filter((p) => categoryOf.get(p.gold.article) === cat);
    const gold = r.gold.filter((x) => categoryOf.get(x.article) === cat).length;
    const out = s.pairs.filter((p) => categoryOf.get(p.output.article) === cat).length;
    const real = s.unmatched.filter((u) => categoryOf.get(u.claim.article) === cat && u.verdict === 'figure').length;
    const all = out + s.unmatched.filter((u) => categoryOf.get(u.claim.article) === cat).length;
    const strict = g.filter(
      (p) =>
        p.gold.bound === p.output.bound &&
        fieldRight('unit', p.gold, p.output) &&
        fieldRight('subject', p.gold, p.output, r.sameEntity) &&
        fieldRight('measure', p.gold, p.output),
    ).length;
    return `${pct(gold ? g.length / gold : 0)} ${pct(gold ? strict / gold : 0)} ${pct(all ? (out + real) / all : 0)}`;
  };
  for (const cat of categories) row(`  ${cat}`, (s) => byCategory(s, cat));

  if (r.show.has('missed')) {
    console.log(`\nmissed gold claims (${now.missed.length})`);
    for (const g of now.missed) console.log(`  ${g.gid}  ${goldLine(g)}\n      ${clip(g.sentence, 160)}`);
  }
  if (r.show.has('pairs')) {
    console.log(`\nmatched claims with a field wrong`);
    for (const p of now.pairs) {
      const wrong = FIELDS.filter((f) => !fieldRight(f, p.gold, p.output, r.sameEntity));
      if (wrong.length === 0) continue;
      console.log(
        `  ${p.gold.gid} wrong: ${wrong.join(', ')}\n      gold ${goldLine(p.gold)}\n      ours ${claimLine(p.output)}`,
      );
    }
  }
  for (const f of FIELDS) {
    if (!r.show.has(`wrong:${f}`)) continue;
    console.log(`\nmatched claims with ${f} wrong`);
    for (const p of now.pairs) {
      if (fieldRight(f, p.gold, p.output, r.sameEntity)) continue;
      const g = p.gold[f as keyof GoldClaim];
      const o = p.output[f as keyof OutputClaim];
      console.log(
        `  ${p.gold.gid.padEnd(34)} gold ${JSON.stringify(g)}  ours ${JSON.stringify(o)}\n      ${clip(p.gold.sentence, 150)}`,
      );
    }
  }
  for (const f of FIELDS) {
    if (!r.show.has(`changed:${f}`) || !before) continue;
    // Gold claims whose field is right in one version and wrong in the other.
    const rightIn = (score: ClaimsScore): Map<string, OutputClaim> =>
      new Map(
        score.pairs.filter((p) => fieldRight(f, p.gold, p.output, r.sameEntity)).map((p) => [p.gold.gid, p.output]),
      );
    const was = rightIn(before);
    const is = rightIn(now);
    console.log(`\ngold claims whose ${f} changed against ${r.baselineRef}`);
    for (const g of r.gold) {
      if (was.has(g.gid) === is.has(g.gid)) continue;
      const o = now.pairs.find((p) => p.gold.gid === g.gid)?.output;
      const field = (c: OutputClaim | undefined): string => JSON.stringify(c ? c[f as keyof OutputClaim] : null);
      console.log(
        `  ${is.has(g.gid) ? 'now right' : 'now wrong'}  ${g.gid.padEnd(34)} gold ${JSON.stringify(g[f as keyof GoldClaim])}  ours ${field(o)}\n      ${clip(g.sentence, 150)}`,
      );
    }
  }
  const listed = r.show.has('unmatched') ? now.unmatched : now.unmatched.filter((u) => u.verdict === null);
  console.log(
    `\n${r.show.has('unmatched') ? 'unmatched' : 'unjudged unmatched'} claims (${listed.length}); judge them in evaluations/judgments/news-claims.jsonl`,
  );
  for (const u of listed) {
    console.log(
      `  [${u.verdict ?? '?'}] ${u.claim.article}  ${claimLine(u.claim)}\n      ${clip(u.claim.sentence, 160)}`,
    );
  }
  console.log('');
}
