/**
 * Claims on real news: the news-claims development set (real articles, gold claims by hand),
 * scored for the current rules and, side by side, for an earlier version.
 *
 *   npm run eval:claims                               # from the repository root
 *   npm run eval:claims -- --show missed,unmatched    # list what was missed and every unmatched claim
 *   npm run eval:claims -- --baseline <git ref>       # the version to compare with (default below)
 *   npm run eval:claims -- --baseline HEAD --show changed:speaker   # what a change turned right or wrong
 *   npm run eval:claims -- --corpus DIR               # another corpus folder of the same layout
 *   npm run eval:claims -- --unmatched-json FILE      # the unjudged unmatched claims, for judging
 *
 * Ends with one JSON line: {"eval":"claims","articles","gold","recall_lenient","recall_strict",
 * "precision","junk_rate","speaker_acc","stated_acc"}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as current from '@tally/claims';
import { corpusDir } from '../corpus.ts';
import { claimsAt } from './baselineClaims.ts';
import { type GoldArticle, loadNewsClaims } from './newsClaims.ts';
import { type OutputClaim, toOutputClaim } from './outputClaim.ts';
import { printReport } from './report.ts';
import { type ClaimsScore, type Judgment, judgmentKey, scoreClaims, valueText } from './scoreClaims.ts';

/** The rules before claims were opened to every beat (CLAIMS_VERSION 1.4.1). */
const DEFAULT_BASELINE = '708905f';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const show = new Set((option('--show') ?? '').split(',').filter(Boolean));
const only = option('--article');
const baselineRef = argv.includes('--no-baseline') ? null : (option('--baseline') ?? DEFAULT_BASELINE);

const set = loadNewsClaims(corpusDir('news-claims'));
const articles = only ? set.articles.filter((a) => a.id === only) : set.articles;
const gold = set.gold.filter((g) => articles.some((a) => a.id === g.article));

function loadJudgments(): Map<string, Judgment> {
  const file = path.resolve(import.meta.dirname, '../../judgments/news-claims.jsonl');
  const out = new Map<string, Judgment>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const j = JSON.parse(line) as Judgment;
    out.set(judgmentKey(j.article, j.value, j.sentence), j);
  }
  return out;
}

type Extract = (text: string, options: { publishedAt?: string | null; title?: string | null }) => unknown[];

function run(extract: Extract, docs: GoldArticle[]): { claims: OutputClaim[]; cpuMs: number } {
  const claims: OutputClaim[] = [];
  const cpu0 = process.cpuUsage();
  for (const a of docs) {
    const found = extract(a.text, { publishedAt: a.published, title: a.title });
    for (const c of found) claims.push(toOutputClaim(a.id, c as Parameters<typeof toOutputClaim>[1]));
  }
  const cpu = process.cpuUsage(cpu0);
  return { claims, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Two names of one entity: the same state or organisation of the gazetteer, whole ("UK" and "United
 * Kingdom") or named inside a phrase ("UK adults" of the UK, "Britons" of Britain is not known).
 */
const sameEntity = (a: string, b: string): boolean => {
  const x = current.normalizeEntity(a);
  const y = current.normalizeEntity(b);
  if (x !== null && y !== null) return x.id === y.id;
  const ids = new Set(current.entitiesIn(a).map((e) => e.id));
  return current.entitiesIn(b).some((e) => ids.has(e.id));
};

const judgments = loadJudgments();
const now = run(current.extractClaims as Extract, articles);
const nowScore = scoreClaims(
  articles.length,
  gold,
  now.claims.filter((c) => !c.negated),
  judgments,
  sameEntity,
);

let before: ClaimsScore | null = null;
if (baselineRef) {
  const old = await claimsAt(baselineRef);
  const prev = run(old.extractClaims as Extract, articles);
  before = scoreClaims(
    articles.length,
    gold,
    prev.claims.filter((c) => !c.negated),
    judgments,
    sameEntity,
  );
}

const dump = option('--unmatched-json');
if (dump) {
  const lines = nowScore.unmatched
    .filter((u) => u.verdict === null)
    .map((u) =>
      JSON.stringify({
        article: u.claim.article,
        value: valueText(u.claim),
        sentence: u.claim.sentence,
        claim: u.claim,
      }),
    );
  writeFileSync(dump, lines.join('\n') + (lines.length ? '\n' : ''));
}

printReport({ now: nowScore, before, baselineRef, version: current.CLAIMS_VERSION, articles, gold, show, sameEntity });

const round = (x: number): number => Math.round(x * 1000) / 1000;
const acc = (f: { right: number; of: number }): number => (f.of === 0 ? 0 : round(f.right / f.of));
console.log(
  JSON.stringify({
    eval: 'claims',
    articles: nowScore.articles,
    gold: nowScore.gold,
    recall_lenient: round(nowScore.recallLenient),
    recall_strict: round(nowScore.recallStrict),
    precision: round(nowScore.precision),
    junk_rate: round(nowScore.junkRate),
    speaker_acc: acc(nowScore.fields.speaker),
    stated_acc: acc(nowScore.fields.statedAt),
  }),
);
