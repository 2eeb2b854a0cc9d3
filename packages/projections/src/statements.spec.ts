import { describe, expect, it } from 'vitest';
import { boundsAgree } from './qualifiers.ts';
import { sameSpeaker, speakerTokens } from './speakerName.ts';
import { deriveStatements, type FigureClaim } from './statements.ts';

let n = 0;
function claim(over: Partial<FigureClaim> & { articleId: string }): FigureClaim {
  n += 1;
  return {
    claimId: `c${n}`,
    subject: null,
    predicate: 'transfer',
    recipient: null,
    value: 1000,
    range: null,
    bound: '=',
    unit: null,
    concept: null,
    change: null,
    negated: false,
    hedged: false,
    speaker: { name: 'John Kirby', role: null },
    statedAt: '2023-10-13',
    period: null,
    sentence: 'A sentence.',
    span: [0, 11],
    url: `https://${over.articleId}.example/story`,
    publishedAt: '2023-10-14T00:00:00Z',
    siteName: null,
    extractorVersion: 'claims-1',
    position: n,
    ...over,
  };
}

const grouped = (claims: FigureClaim[], windowDays?: number) =>
  deriveStatements(claims, new Map(), { statementWindowDays: windowDays }).history.map((s) =>
    s.sources.map((x) => x.articleId),
  );

describe('statements: which claims are one statement', () => {
  it('groups the same number by the same speaker on the same day, whatever the qualifier', () => {
    expect(grouped([claim({ articleId: 'a', bound: '<=' }), claim({ articleId: 'b', bound: '>' })])).toEqual([
      ['a', 'b'],
    ]);
  });

  it('keeps two speakers stating the same number apart', () => {
    const other = { name: 'Julianne Smith', role: null };
    expect(grouped([claim({ articleId: 'a' }), claim({ articleId: 'b', speaker: other })])).toHaveLength(2);
  });

  it('matches a surname alone, an initial and a title to the full name, but not another first name', () => {
    expect(sameSpeaker(speakerTokens('John Kirby'), speakerTokens('Kirby'))).toBe(true);
    expect(sameSpeaker(speakerTokens('J. Kirby'), speakerTokens('John Kirby'))).toBe(true);
    expect(sameSpeaker(speakerTokens('Mr. John Kirby'), speakerTokens('JOHN KIRBY'))).toBe(true);
    expect(sameSpeaker(speakerTokens('Ants Kiviselg'), speakerTokens('Ants Kivisèlg'))).toBe(true);
    expect(sameSpeaker(speakerTokens('Julianne Smith'), speakerTokens('John Smith'))).toBe(false);
    const kirby = (name: string, articleId: string) => claim({ articleId, speaker: { name, role: null } });
    expect(grouped([kirby('John Kirby', 'a'), kirby('Kirby', 'b')])).toEqual([['a', 'b']]);
  });

  it('groups unattributed claims with unattributed ones only', () => {
    const statements = deriveStatements(
      [claim({ articleId: 'a', speaker: null }), claim({ articleId: 'b', speaker: null }), claim({ articleId: 'c' })],
      new Map(),
    ).history;
    expect(statements.map((s) => s.sources.map((x) => x.articleId).sort()).sort()).toEqual([['a', 'b'], ['c']]);
  });

  it('groups statement dates within the window (3 days by default) and splits them beyond it', () => {
    const at = (articleId: string, statedAt: string) => claim({ articleId, statedAt });
    expect(grouped([at('a', '2023-10-13'), at('b', '2023-10-16')])).toEqual([['a', 'b']]);
    expect(grouped([at('a', '2023-10-13'), at('b', '2023-10-17')])).toEqual([['a'], ['b']]);
    expect(grouped([at('a', '2023-10-13'), at('b', '2023-10-14')], 0)).toEqual([['a'], ['b']]);
    // A month covers its days: "2023-10" and "2023-10-13" can be the same statement.
    expect(grouped([at('a', '2023-10-13'), at('b', '2023-10')])).toHaveLength(1);
  });

  it('dates a claim without a statement date by its publication', () => {
    expect(
      grouped([
        claim({ articleId: 'a', statedAt: '2023-10-13' }),
        claim({ articleId: 'b', statedAt: null, publishedAt: '2023-10-14T09:00:00Z' }),
        claim({ articleId: 'c', statedAt: null, publishedAt: '2023-11-30T09:00:00Z' }),
      ]),
    ).toEqual([['a', 'b'], ['c']]);
  });

  it('groups overlapping ranges and a number inside a range, not different numbers', () => {
    expect(
      grouped([claim({ articleId: 'a', value: null, range: [24, 99] }), claim({ articleId: 'b', value: 50 })]),
    ).toHaveLength(1);
    expect(grouped([claim({ articleId: 'a', value: 1000 }), claim({ articleId: 'b', value: 11_000 })])).toHaveLength(2);
  });

  it('does not depend on the order claims arrive in', () => {
    const claims = [
      claim({ articleId: 'a', statedAt: '2023-10-13' }),
      claim({ articleId: 'b', statedAt: '2023-10-15' }),
      claim({ articleId: 'c', statedAt: '2023-10-17' }),
      claim({ articleId: 'd', statedAt: '2023-10-13', value: 5 }),
    ];
    const forward = deriveStatements(claims, new Map());
    const backward = deriveStatements([...claims].reverse(), new Map());
    expect(backward).toEqual(forward);
  });
});

describe('statements: qualifiers and conflicts', () => {
  it('treats qualifiers that cannot both be true as a conflict', () => {
    expect(boundsAgree('<=', '>', 1000)).toBe(false);
    expect(boundsAgree('=', '>', 1000)).toBe(false);
    expect(boundsAgree('~<', '>', 1000)).toBe(false);
    expect(boundsAgree('~', '>', 1000)).toBe(true);
    expect(boundsAgree('>=', '<=', 1000)).toBe(true);
    expect(boundsAgree('=', '~', 1000)).toBe(true);
  });

  it('takes the qualifier most sources give, and lists the disagreement', () => {
    const { current } = deriveStatements(
      [
        claim({ articleId: 'a', bound: '<=' }),
        claim({ articleId: 'b', bound: '>' }),
        claim({ articleId: 'c', bound: '>' }),
      ],
      new Map(),
    );
    expect(current!.bound).toBe('>');
    expect(current!.conflicts.map((c) => c.kind)).toEqual(['bound']);
  });

  it('lists different day dates and different values within one statement as conflicts', () => {
    const { current } = deriveStatements(
      [
        claim({ articleId: 'a', statedAt: '2023-10-13', value: 50 }),
        claim({ articleId: 'b', statedAt: '2023-10-14', value: null, range: [24, 99], bound: '~' }),
      ],
      new Map(),
    );
    expect(current!.conflicts.map((c) => c.kind).sort()).toEqual(['statedAt', 'value']);
  });

  it('shows no conflict when sources agree', () => {
    const { current } = deriveStatements(
      [claim({ articleId: 'a', bound: '>' }), claim({ articleId: 'b', bound: '>=' })],
      new Map(),
    );
    expect(current!.conflicts).toEqual([]);
  });

  it('counts outlets, not articles: two reports on one site are one outlet', () => {
    const { current } = deriveStatements(
      [claim({ articleId: 'a', siteName: 'Same Site' }), claim({ articleId: 'b', siteName: 'same site' })],
      new Map(),
    );
    expect(current!.independentSources).toBe(2);
    expect(current!.independentOutlets).toBe(1);
  });
});
