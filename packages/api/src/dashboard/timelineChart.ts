import type { Bound } from '@tally/events';
import { readableNumber } from '@tally/figure-wording';
import { html, type SafeHtml, trusted } from './html.ts';
import { readableDate } from './wording.ts';

/** One statement on the timeline. */
export interface TimelinePoint {
  /** Anchor of the statement's details on the page (the point links there). */
  anchor: string;
  /**
   * First and last day of the period the statement is about, else of what its statement date may mean
   * (YYYY-MM-DD); `to` wider than `from` for "Q4 2019" or "May 2024".
   */
  from: string;
  to: string;
  value: number | null;
  range: readonly [number, number] | null;
  bound: Bound;
  /** "nearly 11,000 containers — Tracey Newell, May 2024" */
  label: string;
  /** Bounds the sources disagree on (drawn too, in the conflict colour); empty when they agree. */
  conflictingBounds: readonly Bound[];
  conflict: boolean;
  current: boolean;
}

export interface TimelineOptions {
  width?: number;
  height?: number;
  /** The y axis title, e.g. "containers". */
  unitLabel?: string;
}

const DAY = 86_400_000;

function dayMs(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
}

function niceStep(span: number, maxTicks: number): number {
  const raw = span / Math.max(1, maxTicks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

interface Scale {
  at(v: number): number;
  ticks: number[];
}

function valueScale(values: number[], top: number, bottom: number): Scale {
  const positive = values.every((v) => v > 0);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (positive && hi / lo >= 20) {
    // Orders of magnitude apart (1,000 then 11,000 then 1 million): a log axis keeps all readable.
    const l0 = Math.floor(Math.log10(lo));
    const l1 = Math.ceil(Math.log10(hi));
    const span = Math.max(1, l1 - l0);
    const ticks: number[] = [];
    for (let e = l0; e <= l1; e++) {
      ticks.push(10 ** e);
      if (span <= 2 && e < l1) ticks.push(2 * 10 ** e, 5 * 10 ** e);
    }
    return { at: (v) => bottom - ((Math.log10(v) - l0) / span) * (bottom - top), ticks };
  }
  const min = Math.min(0, lo);
  const max = hi === min ? min + 1 : hi;
  const step = niceStep(max - min, 5);
  const top0 = Math.ceil((max * 1.08) / step) * step;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= top0 + step / 2; t += step) ticks.push(t);
  const first = ticks[0]!;
  const last = ticks.at(-1)!;
  return { at: (v) => bottom - ((v - first) / (last - first || 1)) * (bottom - top), ticks };
}

function timeTicks(t0: number, t1: number): number[] {
  const spanDays = (t1 - t0) / DAY;
  const ticks: number[] = [];
  const start = new Date(t0);
  if (spanDays > 45) {
    const step = [1, 2, 3, 6, 12, 24].find((m) => spanDays / 30.4 / m <= 7) ?? 24;
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth() + 1;
    m = Math.ceil(m / step) * step;
    for (;;) {
      while (m >= 12) {
        m -= 12;
        y++;
      }
      const t = Date.UTC(y, m, 1);
      if (t > t1) break;
      if (t >= t0) ticks.push(t);
      m += step;
    }
  } else {
    const step = [1, 2, 7, 14].find((d) => spanDays / d <= 7) ?? 14;
    for (let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()); t <= t1; t += step * DAY) {
      if (t >= t0) ticks.push(t);
    }
  }
  return ticks;
}

function tickDate(t: number, monthly: boolean): string {
  const iso = new Date(t).toISOString().slice(0, 10);
  return readableDate(monthly ? iso.slice(0, 7) : iso);
}

const ARROW = 26;

/** The marks that show a bound at (x, y): an arrow up for "more than", down for "up to", a bar for "about". */
function boundMarks(bound: Bound, x: number, y: number, yOf: (v: number) => number, v: number, cls: string): string {
  const f = (n: number) => n.toFixed(1);
  switch (bound) {
    case '>':
    case '>=':
      return `<path class="${cls}" d="M${f(x)},${f(y - 7)} V${f(y - ARROW)} M${f(x - 5)},${f(y - ARROW + 6)} L${f(x)},${f(y - ARROW)} L${f(x + 5)},${f(y - ARROW + 6)}"/>`;
    case '<':
    case '<=':
      return `<path class="${cls}" d="M${f(x)},${f(y + 7)} V${f(y + ARROW)} M${f(x - 5)},${f(y + ARROW - 6)} L${f(x)},${f(y + ARROW)} L${f(x + 5)},${f(y + ARROW - 6)}"/>`;
    case '~': {
      const a = yOf(v * 1.1);
      const b = yOf(v * 0.9);
      return `<path class="${cls}" d="M${f(x)},${f(a)} V${f(b)} M${f(x - 5)},${f(a)} H${f(x + 5)} M${f(x - 5)},${f(b)} H${f(x + 5)}"/>`;
    }
    case '~<': {
      const b = yOf(v * 0.9);
      return `<path class="${cls}" d="M${f(x)},${f(y)} V${f(b)} M${f(x - 5)},${f(b)} H${f(x + 5)} M${f(x - 7)},${f(y)} H${f(x + 7)}"/>`;
    }
    case '~>': {
      const a = yOf(v * 1.1);
      return `<path class="${cls}" d="M${f(x)},${f(y)} V${f(a)} M${f(x - 5)},${f(a)} H${f(x + 5)} M${f(x - 7)},${f(y)} H${f(x + 7)}"/>`;
    }
    case '=':
      return '';
    default: {
      const unknown: never = bound;
      return unknown;
    }
  }
}

/**
 * The timeline of a figure's statements as inline SVG: one point per statement at its date (a
 * horizontal bar when the date is a month or a year) and value (a vertical bar for a range), with
 * its bound drawn as a mark (arrow up for "more than", down for "up to", bars for "about" and
 * "nearly"); conflicting sources' bounds are drawn too, in red, with a ring around the point. Each
 * point links to the statement's sources and quotes on the page. No script, no external assets.
 */
export function timelineChart(points: readonly TimelinePoint[], options: TimelineOptions = {}): SafeHtml {
  const width = options.width ?? 900;
  const height = options.height ?? 340;
  const left = 78;
  const right = 24;
  const top = 36;
  const bottom = height - 44;
  const plotted = points.filter((p) => (p.value !== null || p.range !== null) && !Number.isNaN(dayMs(p.from)));
  if (plotted.length === 0) {
    return html`<p class="empty">No dated statement with a value to chart yet.</p>`;
  }
  const values = plotted.flatMap((p) => {
    const v = p.value ?? p.range![0];
    const hi = p.range ? p.range[1] : v;
    return [Math.min(v, hi) * (p.bound.startsWith('~') ? 0.9 : 1), Math.max(v, hi) * (p.bound === '~' ? 1.1 : 1)];
  });
  const y = valueScale(values, top, bottom);
  let t0 = Math.min(...plotted.map((p) => dayMs(p.from)));
  let t1 = Math.max(...plotted.map((p) => dayMs(p.to) || dayMs(p.from)));
  const pad = Math.max(15 * DAY, (t1 - t0) * 0.06);
  t0 -= pad;
  t1 += pad;
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const f = (n: number) => n.toFixed(1);

  const parts: string[] = [];
  for (const tick of y.ticks) {
    const ty = y.at(tick);
    if (ty < top - 1 || ty > bottom + 1) continue;
    parts.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${f(ty)}" y2="${f(ty)}"/>`,
      `<text class="tick" x="${left - 8}" y="${f(ty + 4)}" text-anchor="end">${readableNumber(tick)}</text>`,
    );
  }
  const xt = timeTicks(t0, t1);
  const monthly = (t1 - t0) / DAY > 45;
  for (const tick of xt) {
    parts.push(
      `<line class="axis-tick" x1="${f(x(tick))}" x2="${f(x(tick))}" y1="${bottom}" y2="${bottom + 5}"/>`,
      `<text class="tick" x="${f(x(tick))}" y="${bottom + 20}" text-anchor="middle">${tickDate(tick, monthly)}</text>`,
    );
  }
  parts.push(`<line class="axis" x1="${left}" x2="${width - right}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${bottom}"/>`);

  const centre = (p: TimelinePoint) => {
    const from = dayMs(p.from);
    const to = dayMs(p.to) || from;
    const v = p.value ?? (p.range![0] + p.range![1]) / 2;
    return { cx: x((from + to) / 2), cy: y.at(v), v };
  };
  const ordered = [...plotted].sort((a, b) => dayMs(a.from) - dayMs(b.from));
  if (ordered.length > 1) {
    const d = ordered.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(centre(p).cx)},${f(centre(p).cy)}`).join(' ');
    parts.push(`<path class="trend" d="${d}"/>`);
  }

  const svgOpen = `<svg class="timeline" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`;
  const labelled = options.unitLabel
    ? html`<text class="unit" x="${left}" y="${top - 16}">${options.unitLabel}</text>`
    : html``;
  const pointsSvg = plotted.map((p) => {
    const { cx, cy, v } = centre(p);
    const from = dayMs(p.from);
    const to = dayMs(p.to) || from;
    const marks: string[] = [];
    if (to - from >= DAY) {
      marks.push(`<line class="date-span" x1="${f(x(from))}" x2="${f(x(to + DAY))}" y1="${f(cy)}" y2="${f(cy)}"/>`);
    }
    if (p.range) {
      marks.push(
        `<line class="range" x1="${f(cx)}" x2="${f(cx)}" y1="${f(y.at(p.range[0]))}" y2="${f(y.at(p.range[1]))}"/>`,
      );
    }
    const bounds = p.conflictingBounds.length > 0 ? p.conflictingBounds : [p.bound];
    for (const b of new Set(bounds)) {
      marks.push(boundMarks(b, cx, cy, y.at, v, p.conflictingBounds.length > 0 ? 'bound conflicting' : 'bound'));
    }
    if (p.conflict) marks.push(`<circle class="conflict-ring" cx="${f(cx)}" cy="${f(cy)}" r="11"/>`);
    const dotClass = `dot${p.bound === '=' ? ' exact' : ''}${p.current ? ' current' : ''}`;
    marks.push(`<circle class="${dotClass}" cx="${f(cx)}" cy="${f(cy)}" r="6"/>`);
    return html`<a class="point${p.conflict ? ' has-conflict' : ''}" href="#${p.anchor}" data-anchor="${p.anchor}"
      ><title>${p.label}${p.conflict ? ' (sources disagree)' : ''}</title>${trusted(marks.join(''))}</a
    >`;
  });
  return html`${trusted(svgOpen)}${labelled}${trusted(parts.join(''))}${pointsSvg}${trusted('</svg>')}`;
}
