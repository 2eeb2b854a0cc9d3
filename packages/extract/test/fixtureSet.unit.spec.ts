import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, tallyExtractor } from '../corpus/evaluate.ts';
import { type FixturePage, loadFixtures } from '../corpus/fixtureSet.ts';
import { type ArticleDraft, draftArticle, finishArticle } from '../src/extractArticle.ts';
import { CLEANING_RULES, decodeHtml, EXTRACTION_STEPS, extractArticle, shingleF1 } from '../src/index.ts';

const pages = loadFixtures();

describe('the fixture set', () => {
  it('has at least 60 generated pages from at least 12 templates, and hand-written edge pages', () => {
    const templates = new Set(pages.map((p) => p.template));
    expect(pages.filter((p) => p.template !== 'edge').length).toBeGreaterThanOrEqual(60);
    expect(templates.size).toBeGreaterThanOrEqual(13);
    expect(pages.filter((p) => p.template === 'edge').length).toBeGreaterThanOrEqual(10);
  });

  it('decodes every page in the charset it is stored in', () => {
    for (const page of pages) expect(decodeHtml(page.bytes, page.contentType).charset, page.name).toBe(page.charset);
  });
});

describe('text quality on the fixture set (token F1, word 4-gram shingles)', () => {
  const score = evaluate(pages, tallyExtractor());
  const worst = [...score.pages].sort((a, b) => a.f1 - b.f1).slice(0, 5);
  const summary = worst.map((p) => `${p.name} ${p.f1.toFixed(3)}`).join(', ');

  it('scores a mean F1 of at least 0.99 (target 0.96)', () => {
    expect(score.f1, summary).toBeGreaterThanOrEqual(0.99);
  });

  it('scores at least 0.95 on every page', () => {
    expect(worst[0]!.f1, summary).toBeGreaterThanOrEqual(0.95);
  });

  it('extracts every page (no page fails)', () => {
    expect(score.pages.filter((p) => p.error !== null)).toEqual([]);
  });
});

describe('metadata on the fixture set', () => {
  it.each(pages.map((p) => [p.name, p] as [string, FixturePage]))('%s', (_name, page) => {
    const { html } = decodeHtml(page.bytes, page.contentType);
    const article = extractArticle(html, { url: page.url });
    const actual = article as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(page.expected)) expect(actual[field], field).toEqual(value);
  });
});

describe('every rule is judged on the fixture set', () => {
  const textRules = CLEANING_RULES.map((rule) => `text:${rule.name}`);
  const drafts: (ArticleDraft | null)[] = [];
  const fired = new Map<string, number>();

  beforeAll(() => {
    for (const page of pages) {
      const { html } = decodeHtml(page.bytes, page.contentType);
      const draft = draftArticle(html, page.url, new Set(), (step) => fired.set(step, (fired.get(step) ?? 0) + 1));
      drafts.push(draft);
      finishArticle(draft, new Set(), (step) => fired.set(step, (fired.get(step) ?? 0) + 1));
    }
  });

  /** Mean precision and recall with some steps off, reusing the parsed pages for text-rule steps. */
  function scoreWithout(steps: string[]): { precision: number; recall: number } {
    const disabled = new Set(steps);
    let precision = 0;
    let recall = 0;
    pages.forEach((page, i) => {
      let text = '';
      try {
        text = finishArticle(drafts[i]!, disabled).text;
      } catch {
        text = '';
      }
      const s = shingleF1(text, page.text);
      precision += s.precision;
      recall += s.recall;
    });
    return { precision: precision / pages.length, recall: recall / pages.length };
  }

  it('fires every text rule and recovery step somewhere in the set', () => {
    const steps = [...textRules, 'text:pull-quote', 'text:comments-tail', 'text:about-boilerplate'];
    const silent = [...steps, 'recover:lead', 'recover:gap', 'recover:json-ld-body', 'dom:preview-card'].filter(
      (step) => !fired.has(step),
    );
    expect(silent).toEqual([]);
  });

  it('never lowers recall with a text rule: each only removes furniture', () => {
    const all = scoreWithout([]);
    for (const step of [...textRules, 'text:pull-quote', 'text:comments-tail', 'text:about-boilerplate']) {
      const without = scoreWithout([step]);
      expect(all.recall, `${step} costs recall`).toBeGreaterThanOrEqual(without.recall - 1e-12);
      expect(all.precision, `${step} costs precision`).toBeGreaterThanOrEqual(without.precision - 1e-12);
    }
  });

  it('gains F1 with each markup and recovery step', () => {
    const base = evaluate(pages, tallyExtractor());
    for (const step of EXTRACTION_STEPS.filter((s) => s.startsWith('dom:') || s.startsWith('recover:'))) {
      const without = evaluate(pages, tallyExtractor([step]));
      expect(base.f1, `${step} does not pay`).toBeGreaterThan(without.f1);
      expect(base.recall, `${step} costs recall`).toBeGreaterThanOrEqual(without.recall - 1e-12);
    }
  });
});
