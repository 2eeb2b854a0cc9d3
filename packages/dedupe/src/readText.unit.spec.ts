import { describe, expect, it } from 'vitest';
import { stories } from '../labelled/stories.ts';
import { fingerprint, readText } from './fingerprint.ts';
import { estimateSimilarity } from './similarity.ts';

/** A league table as a results desk prints it; `round` moves every row's numbers. */
function leagueTable(round: number, style: 'rows' | 'cells'): string {
  const teams = [
    'Harwick Rovers',
    'Densford Town',
    'Kestrel Athletic',
    'Tamsin United',
    'Aldgate City',
    'Morrow Albion',
  ];
  const rows = teams.map((team, i) => {
    const won = (i * 3 + round) % 7;
    const drawn = (i + round) % 3;
    const lost = round - won - drawn;
    return [String(i + 1), team, String(round), String(won), String(drawn), String(lost), String(3 * won + drawn)];
  });
  const head = ['Pos', 'Team', 'P', 'W', 'D', 'L', 'Pts'];
  const table = style === 'rows' ? [head, ...rows].map((r) => r.join(' | ')) : [head, ...rows].flat();
  return [
    `County League table after round ${round}`,
    `Here is the County League table after round ${round}.`,
    'Teams are ranked by points, then goal difference, then goals scored.',
    ...table,
    'Three points for a win and one for a draw.',
  ].join('\n');
}

/** What one outlet prints under every article. */
const footer = [
  'The Harwick Ledger is an independent, reader-funded newsroom founded in 1921. We cover local politics, business and the environment for readers across the county.',
  'Sign up for the Ledger Morning Briefing and get the stories that matter delivered to your inbox every weekday. You can unsubscribe at any time.',
  'This material may not be published, broadcast, rewritten or redistributed without written permission from Harwick Ledger Media Ltd.',
];

const story = (s: number) => stories[s]!.reports[0]!.paragraphs.join('\n');

describe('tables', () => {
  it('reads a table of numbers as body, the same whether the page gave a row or a cell per line', () => {
    const rows = fingerprint(leagueTable(12, 'rows'));
    const cells = fingerprint(leagueTable(12, 'cells'));
    expect(estimateSimilarity(rows, cells)).toBe(1);
    expect(rows.contentHash).toBe(cells.contentHash);
  });

  it('tells two rounds of one league apart although their template sentences are the same', () => {
    const a = fingerprint(leagueTable(12, 'rows'));
    const b = fingerprint(leagueTable(13, 'rows'));
    expect(estimateSimilarity(a, b)).toBeLessThan(0.4);
  });

  it('still leaves out furniture lines that carry a number or two', () => {
    const body = story(0);
    const dressed = ['Advertisement', 'Updated 09:12 GMT', 'Comments (14)', body, 'Most read', 'Page 2 of 3'].join(
      '\n',
    );
    expect(estimateSimilarity(fingerprint(body), fingerprint(dressed))).toBe(1);
  });
});

describe('readText and ignore', () => {
  it('fingerprints a read text as the text itself when nothing is ignored', () => {
    const text = `${story(1)}\n${footer.join('\n')}`;
    const read = readText(text);
    expect(Array.from(fingerprint(read).minhash)).toEqual(Array.from(fingerprint(text).minhash));
    expect(fingerprint(read, { ignore: new Set() }).contentHash).toBe(fingerprint(text).contentHash);
  });

  it('gives every sentence of the body a hash, equal for equal sentences whatever the typography', () => {
    const a = readText(footer.join('\n'));
    const b = readText(footer.join('\n').replace(/'/g, '\u2019').replace(/ - /g, ' \u2014 ').toUpperCase());
    expect(a.sentenceHashes.length).toBe(5);
    expect(Array.from(b.sentenceHashes)).toEqual(Array.from(a.sentenceHashes));
  });

  it('leaves out ignored sentences, also when the page ran them into a body paragraph', () => {
    const boilerplate = new Set(readText(footer.join('\n')).sentenceHashes);
    const first = readText(`${story(2)}\n${footer.join('\n')}`);
    const second = readText(`${story(3)}\n${footer.join('\n')}`);
    // the same two stories with the footer glued to their last paragraph
    const glued = (s: number) => {
      const paragraphs = stories[s]!.reports[0]!.paragraphs;
      return [...paragraphs.slice(0, -1), `${paragraphs[paragraphs.length - 1]} ${footer.join(' ')}`].join('\n');
    };
    expect(estimateSimilarity(fingerprint(first), fingerprint(second))).toBeGreaterThan(0.1);
    const a = fingerprint(first, { ignore: boilerplate });
    const b = fingerprint(second, { ignore: boilerplate });
    expect(estimateSimilarity(a, b)).toBeLessThan(0.02);
    expect(estimateSimilarity(a, fingerprint(story(2)))).toBe(1);
    expect(estimateSimilarity(fingerprint(readText(glued(2)), { ignore: boilerplate }), a)).toBeGreaterThan(0.95);
    expect(estimateSimilarity(fingerprint(readText(glued(3)), { ignore: boilerplate }), b)).toBeGreaterThan(0.95);
  });
});
