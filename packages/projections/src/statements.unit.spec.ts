import { describe, expect, it } from 'vitest';
import { boundsAgree } from './qualifiers.ts';
import type { FigureClaim } from './Statement.ts';
import { sameSpeaker, speakerTokens } from './speakerName.ts';
import { deriveStatements, updateStatements } from './statements.ts';

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
    measure: null,
    change: null,
    changeBy: null,
    changeUnit: null,
    previous: null,
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

  it('takes collective speakers for the same state as one voice, and those of two states as two', () => {
    const said = (name: string, articleId: string) =>
      claim({ articleId, speaker: { name, role: null }, statedAt: '2023-10', value: 300 });
    // 001: "Photographs released by officials show 300 containers …"; 003 under "White House: …"
    expect(grouped([said('US officials', 'a'), said('White House', 'b')])).toEqual([['a', 'b']]);
    expect(grouped([said('US officials', 'a'), said('Russian officials', 'b')])).toHaveLength(2);
    expect(grouped([said('US officials', 'a'), said('Kremlin', 'b')])).toHaveLength(2);
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
    // "just over 1,000" agrees with "more than 1,000", not with "up to 1,000" or "nearly 1,000".
    expect(boundsAgree('~>', '>', 1000)).toBe(true);
    expect(boundsAgree('~>', '<=', 1000)).toBe(false);
    expect(boundsAgree('~>', '~<', 1000)).toBe(false);
    expect(boundsAgree('~>', '~', 1000)).toBe(true);
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

describe('statements: repetitions inside one article', () => {
  const kirby = { name: 'John Kirby', role: 'spokesman for the US National Security Council' };
  const smith = { name: 'Julianne Smith', role: 'US Ambassador to NATO' };
  const said = (name: string) => ({ name, role: null });
  /** Statements as [speaker, statedAt, sources, claims] rows, oldest first. */
  const timeline = (claims: FigureClaim[]) =>
    deriveStatements(claims, new Map()).history.map((s) => [
      s.speaker?.name ?? null,
      s.statedAt,
      s.sources.map((x) => x.articleId),
      s.claimIds.length,
    ]);

  it('given a caption and a lead repeating the figure, unattributed, when grouped, then they are the named statement', () => {
    const claims = [
      claim({ articleId: 'a', speaker: kirby, bound: '>', statedAt: '2023-10-13', span: [500, 510] }),
      claim({ articleId: 'a', speaker: null, bound: '>', statedAt: '2023-10', span: [900, 910] }),
      claim({ articleId: 'a', speaker: null, bound: '>', statedAt: '2023-10', hedged: true, span: [1200, 1210] }),
    ];
    expect(timeline(claims)).toEqual([['John Kirby', '2023-10-13', ['a'], 3]]);
    const [s] = deriveStatements(claims, new Map()).history;
    expect(s!.sources[0]!.mentions).toBe(3);
    // The source shown is the attributed sentence; a hedged re-statement does not hedge the statement.
    expect(s!.sources[0]!.claimId).toBe(claims[0]!.claimId);
    expect(s!.hedged).toBe(false);
  });

  it('given the White House and Kirby of the US National Security Council in one report, then one statement, with the qualifiers in conflict', () => {
    const claims = [
      claim({ articleId: 'a', speaker: said('White House'), bound: '=', statedAt: '2023-10', span: [100, 110] }),
      claim({ articleId: 'a', speaker: kirby, bound: '>', statedAt: '2023-10-13', span: [300, 310] }),
      claim({ articleId: 'b', speaker: { name: 'John Kirby', role: null }, bound: '<=', statedAt: '2023-10' }),
    ];
    const { history } = deriveStatements(claims, new Map());
    expect(history).toHaveLength(1);
    const s = history[0]!;
    expect([s.speaker?.name, s.statedAt, s.bound, s.independentSources]).toEqual(['John Kirby', '2023-10-13', '>', 2]);
    // The report's source shows Kirby's sentence, not the White House's.
    expect(s.sources.map((x) => x.claimId)).toEqual([claims[1]!.claimId, claims[2]!.claimId]);
    expect(s.conflicts.map((c) => c.detail)).toEqual([
      'sources disagree: 1,000 (1 source) vs up to 1,000 (1 source) vs more than 1,000 (1 source)',
    ]);
  });

  it.each([
    ['US officials', smith],
    ['officials', smith],
    ['the administration', { name: 'Kirby', role: null }],
    ['NATO', smith],
  ])('given "%s" in the report of a named speaker whose roles fit, then it joins that statement', (group, named) => {
    const claims = [
      claim({ articleId: 'a', speaker: said(group), statedAt: '2023-12' }),
      claim({ articleId: 'a', speaker: named, statedAt: '2023-12-20' }),
    ];
    expect(timeline(claims)).toEqual([[named.name, '2023-12-20', ['a'], 2]]);
  });

  it('given a surname alone, then the roles the report gives the full name elsewhere fit the collective', () => {
    const claims = [
      claim({ articleId: 'a', speaker: said('US officials'), statedAt: '2023-12' }),
      claim({ articleId: 'a', speaker: said('Smith'), statedAt: '2023-12-20', value: 1000 }),
      claim({ articleId: 'a', speaker: smith, statedAt: '2023-12-20', value: 300 }),
    ];
    expect(timeline(claims).map((r) => r[3])).toEqual([2, 1]);
  });

  it('given an unattributed repetition in a report whose only speaker is a collective, then it joins the collective', () => {
    const claims = [
      claim({ articleId: 'a', speaker: said('White House'), statedAt: '2023-10' }),
      claim({ articleId: 'a', speaker: null, statedAt: '2023-10', bound: '>' }),
    ];
    expect(timeline(claims)).toEqual([['White House', '2023-10', ['a'], 2]]);
  });

  describe('never merged', () => {
    it('given the same figure unattributed in another report, then it stays the report speaking', () => {
      const claims = [
        claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-13' }),
        claim({ articleId: 'b', speaker: null, statedAt: '2023-10' }),
      ];
      expect(timeline(claims)).toEqual([
        [null, '2023-10', ['b'], 1],
        ['John Kirby', '2023-10-13', ['a'], 1],
      ]);
    });

    it("given Kirby's October statement and Smith's December one, both more than 1,000, each with its report's repetitions, then two statements", () => {
      const claims = [
        claim({ articleId: 'oct', speaker: kirby, bound: '>', statedAt: '2023-10-13' }),
        claim({ articleId: 'oct', speaker: said('White House'), bound: '=', statedAt: '2023-10' }),
        claim({ articleId: 'dec', speaker: said('US officials'), bound: '>', statedAt: '2023-12' }),
        claim({ articleId: 'dec', speaker: smith, bound: '>', statedAt: '2023-12-20' }),
        claim({ articleId: 'dec', speaker: null, bound: '>', statedAt: '2023-12' }),
      ];
      expect(timeline(claims)).toEqual([
        ['John Kirby', '2023-10-13', ['oct'], 2],
        ['Julianne Smith', '2023-12-20', ['dec'], 3],
      ]);
    });

    it('given two named speakers with the same figure in one report, then neither is folded into the other, and a repetition stays apart', () => {
      const claims = [
        claim({ articleId: 'a', speaker: kirby, statedAt: '2023-12-20' }),
        claim({ articleId: 'a', speaker: smith, statedAt: '2023-12-20' }),
        claim({ articleId: 'a', speaker: null, statedAt: '2023-12' }),
        claim({ articleId: 'a', speaker: said('officials'), statedAt: '2023-12' }),
      ];
      expect(timeline(claims).map((r) => [r[0], r[3]])).toEqual([
        [null, 1],
        ['officials', 1],
        ['John Kirby', 1],
        ['Julianne Smith', 1],
      ]);
    });

    it.each([
      ['officials of another state', said('Russian officials'), kirby],
      ['a state the named speaker has no role for', said('White House'), { name: 'John Kirby', role: null }],
      ['an unnamed group that is no institution', said('analysts'), kirby],
    ])('given %s, then the collective keeps its own statement', (_what, group, named) => {
      const claims = [
        claim({ articleId: 'a', speaker: group, statedAt: '2023-10' }),
        claim({ articleId: 'a', speaker: named, statedAt: '2023-10-13' }),
      ];
      expect(timeline(claims)).toHaveLength(2);
    });

    it.each([
      ['another number', { value: 300 }],
      ['a date beyond the window', { statedAt: '2023-09-02' }],
      ['a denial', { negated: true }],
      ['another unit', { unit: 'tonne' }],
    ])('given an unattributed figure with %s, then it is no repetition', (_what, over) => {
      const claims = [
        claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-13' }),
        claim({ articleId: 'a', speaker: null, statedAt: '2023-10', ...over }),
      ];
      expect(timeline(claims)).toHaveLength(2);
    });

    it('given a month-dated repetition between two statements of one speaker, then it cannot bridge them', () => {
      const claims = [
        claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-02', span: [100, 110] }),
        claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-28', span: [900, 910] }),
        claim({ articleId: 'a', speaker: null, statedAt: '2023-10', span: [800, 810] }),
      ];
      expect(timeline(claims)).toEqual([
        ['John Kirby', '2023-10-02', ['a'], 1],
        ['John Kirby', '2023-10-28', ['a'], 2],
      ]);
    });
  });

  describe('incremental regrouping', () => {
    const refs = new Map();
    const update = (before: FigureClaim[], after: FigureClaim[]) => {
      const previous = deriveStatements(before, refs).history;
      const ids = new Set(before.map((c) => c.claimId));
      const afterIds = new Set(after.map((c) => c.claimId));
      return updateStatements(previous, after, refs, {
        addedClaimIds: after.filter((c) => !ids.has(c.claimId)).map((c) => c.claimId),
        removedClaimIds: before.filter((c) => !afterIds.has(c.claimId)).map((c) => c.claimId),
        articleIds: [],
      });
    };

    it('given a repetition, when its named claim arrives later, then it joins it as a full derivation would', () => {
      const caption = claim({ articleId: 'a', speaker: null, statedAt: '2023-10' });
      const named = claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-13' });
      const other = claim({ articleId: 'b', speaker: kirby, statedAt: '2023-10-13', bound: '<=' });
      const after = [caption, other, named];
      expect(update([caption, other], after)).toEqual(deriveStatements(after, refs));
      expect(update([caption, other], after).history).toHaveLength(1);
    });

    it('given a repetition, when a second named speaker of the same figure arrives, then it leaves the statement', () => {
      const caption = claim({ articleId: 'a', speaker: null, statedAt: '2023-10' });
      const named = claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-13' });
      const second = claim({ articleId: 'a', speaker: smith, statedAt: '2023-10-13' });
      const after = [caption, named, second];
      expect(update([caption, named], after)).toEqual(deriveStatements(after, refs));
      expect(update([caption, named], after).history).toHaveLength(3);
    });

    it('given a report re-analysed, when its named claim is replaced by an unattributed one, then the repetition is freed', () => {
      const caption = claim({ articleId: 'a', speaker: null, statedAt: '2023-10', bound: '>' });
      const named = claim({ articleId: 'a', speaker: kirby, statedAt: '2023-10-13' });
      const elsewhere = claim({ articleId: 'b', speaker: kirby, statedAt: '2023-10-13' });
      const reanalysed = claim({ articleId: 'a', speaker: null, statedAt: '2023-10', value: 300 });
      const after = [caption, elsewhere, reanalysed];
      expect(update([caption, named, elsewhere], after)).toEqual(deriveStatements(after, refs));
      expect(update([caption, named, elsewhere], after).history).toHaveLength(3);
    });
  });
});
