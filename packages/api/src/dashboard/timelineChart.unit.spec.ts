import { describe, expect, it } from 'vitest';
import { type TimelinePoint, timelineChart } from './timelineChart.ts';

const point = (p: Partial<TimelinePoint> & Pick<TimelinePoint, 'anchor' | 'from'>): TimelinePoint => ({
  to: p.from,
  value: 1000,
  range: null,
  bound: '=',
  label: p.anchor,
  conflictingBounds: [],
  conflict: false,
  current: false,
  ...p,
});

/** The containers figure of the seeds: Kirby (sources disagree: more than / up to), Smith, Newell. */
const containers = [
  point({ anchor: 'statement-1', from: '2023-10-13', bound: '>', conflict: true, conflictingBounds: ['>', '<='] }),
  point({ anchor: 'statement-2', from: '2023-12-20', bound: '>' }),
  point({ anchor: 'statement-3', from: '2024-05-01', to: '2024-05-31', value: 11_000, bound: '~<', current: true }),
];

function circles(svg: string, cls: string): { cx: number; cy: number }[] {
  return [...svg.matchAll(new RegExp(`<circle class="${cls}[^"]*" cx="([\\d.]+)" cy="([\\d.]+)"`, 'g'))].map((m) => ({
    cx: Number(m[1]),
    cy: Number(m[2]),
  }));
}

describe('timelineChart', () => {
  it('draws one linked point per statement, in date order, higher for larger values', () => {
    const svg = timelineChart(containers).value;
    expect(svg.match(/<a class="point/g)).toHaveLength(3);
    expect([...svg.matchAll(/href="#(statement-\d)"/g)].map((m) => m[1])).toEqual([
      'statement-1',
      'statement-2',
      'statement-3',
    ]);
    const dots = circles(svg, 'dot');
    expect(dots.map((d) => d.cx)).toEqual([...dots.map((d) => d.cx)].sort((a, b) => a - b));
    expect(dots[0]!.cy).toBe(dots[1]!.cy);
    expect(dots[2]!.cy).toBeLessThan(dots[0]!.cy - 100);
    expect(svg).not.toContain('NaN');
  });

  it('marks bounds, month-wide dates and conflicts', () => {
    const svg = timelineChart(containers).value;
    // Kirby: both sides' bounds drawn in the conflict colour, with a ring.
    expect(svg.match(/class="bound conflicting"/g)).toHaveLength(2);
    expect(circles(svg, 'conflict-ring')).toHaveLength(1);
    // Smith: an arrow up; Newell ("nearly", May 2024): a bar below the value and a month-wide span.
    expect(svg.match(/class="bound"/g)).toHaveLength(2);
    expect(svg.match(/class="date-span"/g)).toHaveLength(1);
    expect(svg).toContain('class="dot current"');
  });

  it('marks "just over" as a bar above the value', () => {
    const svg = timelineChart([point({ anchor: 'statement-1', from: '2024-01-01', bound: '~>' })]).value;
    const mark = /<path class="bound" d="M([\d.]+),([\d.]+) V([\d.]+)/.exec(svg);
    expect(mark).not.toBeNull();
    // Up the page: the bar ends above the point (a smaller y).
    expect(Number(mark![3])).toBeLessThan(Number(mark![2]));
  });

  it('switches to a log axis when values are orders of magnitude apart', () => {
    const svg = timelineChart([
      point({ anchor: 'a', from: '2023-10-01', value: 1000 }),
      point({ anchor: 'b', from: '2023-11-01', value: 1_000_000 }),
      point({ anchor: 'c', from: '2023-12-01', value: 30_000 }),
    ]).value;
    const [a, b, c] = circles(svg, 'dot');
    // On a log axis 30,000 sits about halfway between 1,000 and 1,000,000.
    expect(Math.abs(c!.cy - (a!.cy + b!.cy) / 2)).toBeLessThan((a!.cy - b!.cy) * 0.1);
    expect(svg).toContain('>1 million<');
  });

  it('draws a range as a bar and escapes labels', () => {
    const svg = timelineChart([
      point({
        anchor: 'x',
        from: '2024-05-03',
        value: null,
        range: [24, 99],
        bound: '~',
        label: '<b>dozens</b> & more',
      }),
    ]).value;
    expect(svg.match(/class="range"/g)).toHaveLength(1);
    expect(svg).toContain('&lt;b&gt;dozens&lt;/b&gt; &amp; more');
    expect(svg).not.toContain('<b>');
  });

  it('says so when nothing can be charted', () => {
    expect(timelineChart([point({ anchor: 'x', from: 'unknown' })]).value).toContain('No dated statement');
  });
});
