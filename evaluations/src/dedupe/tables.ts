import type { BaseText } from './baseTexts.ts';
import type { Story, TableStyle } from './outlets.ts';
import { int, pick, type Random, sample, shuffled } from './random.ts';

/**
 * Articles that are mostly a table of numbers: league tables after successive rounds and box scores of
 * games, as a results desk publishes them. Team and player names are capitalised words drawn from the
 * real texts. Two rounds of one league, or two games of one team, share the outlet's template, the
 * column heads and the names, and differ in the numbers: different documents. A copy of one table
 * (another outlet's rendering, a corrected cell) is the same document.
 */

const CLUB = ['Rovers', 'United', 'Athletic', 'City', 'Wanderers', 'Rangers', 'Albion', 'Town', 'Harriers', 'Olympic'];

/** Capitalised words of the real texts that are not sentence starts: names of places, people, firms. */
export function namePool(bases: readonly BaseText[]): string[] {
  const names = new Set<string>();
  for (const b of bases) {
    for (const p of b.paragraphs) {
      for (const m of p.matchAll(/(?<=[a-z,] )[A-Z][a-z]{3,11}\b/g)) names.add(m[0]);
    }
  }
  return [...names].sort();
}

export interface TableSeries {
  /** One story per round or game, in publication order. */
  stories: Story[];
  /** Re-renders a story of the series in another table style (what another outlet's page gives). */
  render(index: number, style: TableStyle): Story;
  /** The same table with one cell corrected and a correction note. */
  corrected(index: number, style: TableStyle, r: Random): Story;
}

type Row = (string | number)[];

function renderTable(head: string[], rows: Row[], style: TableStyle): string[] {
  const all = [head, ...rows].map((row) => row.map(String));
  switch (style) {
    case 'cells':
      return all.flat();
    case 'pipes':
      return all.map((row) => row.join(' | '));
    case 'tabs':
      return all.map((row) => row.join('\t'));
    case 'spaces':
      return all.map((row) => row.map((c, i) => (i === 1 ? c.padEnd(22) : c.padStart(4))).join(' '));
  }
}

interface Table {
  title: string;
  intro: string[];
  head: string[];
  rows: Row[];
  note: string;
}

function story(t: Table, style: TableStyle): Story {
  return { title: t.title, paragraphs: [...t.intro, ...renderTable(t.head, t.rows, style), t.note] };
}

function series(tables: Table[], style: TableStyle): TableSeries {
  return {
    stories: tables.map((t) => story(t, style)),
    render: (i, s) => story(tables[i]!, s),
    corrected(i, s, r) {
      const t = tables[i]!;
      const rows = t.rows.map((row) => [...row]);
      const row = rows[int(r, 0, rows.length - 1)]!;
      const col = int(r, 2, row.length - 1);
      row[col] = Number(row[col]) + 1;
      return story(
        {
          ...t,
          rows,
          note: `${t.note} Correction: an earlier version of this table gave a wrong figure for ${row[1]}.`,
        },
        s,
      );
    },
  };
}

/** A league of `teams` clubs over `rounds` rounds: the table after each round. */
export function leagueTables(r: Random, names: readonly string[], style: TableStyle, rounds: number): TableSeries {
  const league = `${pick(r, names)} ${pick(r, ['Premier', 'Regional', 'County', 'National', 'Northern'])} League`;
  const teams = sample(r, names, int(r, 10, 16)).map((n) => `${n} ${pick(r, CLUB)}`);
  const stats = new Map(teams.map((t) => [t, { p: 0, w: 0, d: 0, l: 0, gf: 0, ga: 0 }]));
  const firstRound = int(r, 3, 20);
  const play = () => {
    const order = shuffled(r, teams);
    for (let i = 0; i + 1 < order.length; i += 2) {
      const a = stats.get(order[i]!)!;
      const b = stats.get(order[i + 1]!)!;
      const ga = int(r, 0, 4);
      const gb = int(r, 0, 4);
      a.p++;
      b.p++;
      a.gf += ga;
      a.ga += gb;
      b.gf += gb;
      b.ga += ga;
      const [win, lose] = ga > gb ? [a, b] : [b, a];
      if (ga === gb) {
        a.d++;
        b.d++;
      } else {
        win.w++;
        lose.l++;
      }
    }
  };
  // the rounds before the first published one
  for (let i = 1; i < firstRound; i++) play();
  const tables: Table[] = [];
  for (let round = firstRound; round < firstRound + rounds; round++) {
    play();
    const rows = [...stats.entries()]
      .map(([team, s]) => ({ team, ...s, pts: 3 * s.w + s.d, gd: s.gf - s.ga }))
      .sort((a, b) => b.pts - a.pts || b.gd - a.gd || b.gf - a.gf || a.team.localeCompare(b.team))
      .map((s, i) => [i + 1, s.team, s.p, s.w, s.d, s.l, s.gf, s.ga, s.gd, s.pts] as Row);
    tables.push({
      title: `${league} table after round ${round}`,
      intro: [
        `Here is the ${league} table after round ${round}.`,
        'Teams are ranked by points, then goal difference, then goals scored.',
      ],
      head: ['Pos', 'Team', 'P', 'W', 'D', 'L', 'GF', 'GA', 'GD', 'Pts'],
      rows,
      note: 'Three points for a win and one for a draw.',
    });
  }
  return series(tables, style);
}

/** Box scores of `games` games of one club against others, with the same squad throughout. */
export function boxScores(r: Random, names: readonly string[], style: TableStyle, games: number): TableSeries {
  const club = `${pick(r, names)} ${pick(r, CLUB)}`;
  const squad = Array.from({ length: 9 }, () => `${pick(r, names).slice(0, 1)}. ${pick(r, names)}`);
  const tables: Table[] = [];
  for (let g = 0; g < games; g++) {
    const rival = `${pick(r, names)} ${pick(r, CLUB)}`;
    const rows: Row[] = squad.map((player, i) => [
      i + 1,
      player,
      int(r, 8, 38),
      int(r, 0, 31),
      int(r, 0, 14),
      int(r, 0, 11),
      int(r, 0, 5),
    ]);
    const ours = rows.reduce((n, row) => n + Number(row[3]), 0);
    const theirs = ours + int(r, -15, 15);
    tables.push({
      title: `${club} ${ours}, ${rival} ${theirs}: box score`,
      intro: [`${club} ${ours > theirs ? 'beat' : 'lost to'} ${rival} ${ours}-${theirs}.`, 'Full statistics below.'],
      head: ['No', 'Player', 'MIN', 'PTS', 'REB', 'AST', 'STL'],
      rows,
      note: 'Statistics are provisional until confirmed by the league.',
    });
  }
  return series(tables, style);
}
