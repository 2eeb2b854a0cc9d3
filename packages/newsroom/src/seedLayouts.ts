import type { ArticlePage, LinkRef, Outlet } from './ArticlePage.ts';
import { demoOutlets } from './demoOutlets.ts';
import { slugify } from './markup.ts';
import type { Seed } from './Seed.ts';

/**
 * How each seed report sits on its outlet's page. The seeds are plain text copied from real
 * pages, furniture included; these rules put every furniture line back where such a line lives on
 * a page (date widget in the top bar, "- Advertisement -" between paragraphs, "Source link" and the
 * donation plea after the text), so that extraction meets them where it would in the wild.
 * Rules name lines by pattern, never by position, and the seed text itself is read at run time.
 */

export type LineRole =
  | 'title'
  | 'standfirst'
  | 'dateline'
  | 'widget'
  | 'pixel'
  | 'imageTitle'
  | 'caption'
  | 'p'
  | 'h2'
  | 'label'
  | 'ad'
  | 'tweet'
  | 'readmore'
  | 'related'
  | 'plea'
  | 'notice'
  | 'modal'
  | 'source';

interface LineContext {
  headline: string | null;
}

export interface LineRule {
  test: RegExp | ((line: string, context: LineContext) => boolean);
  role: LineRole;
}

export interface SeedLayout {
  seedId: string;
  outlet: Outlet;
  /** Canonical path of the page. */
  path: string;
  publishedAt: string;
  modifiedAt: string | null;
  /** Date as printed on the page when the text has no dateline line of its own. */
  dateline: string;
  /** A headline of the outlet's own when the copied text has none; otherwise the first unclaimed line is the headline. */
  headline: string | null;
  /** `next-line`: the line after the headline is the standfirst. */
  standfirst: string | 'next-line' | null;
  section: string;
  byline: string | null;
  tags: string[];
  commentsCount: number;
  rules: LineRule[];
}

/** Roles after which the rest of the page is after-text furniture. */
const afterRoles: ReadonlySet<LineRole> = new Set(['source', 'related', 'plea', 'notice']);

const { dniproDispatch, atlanticLedger, bridgesReview, vistulaDaily, levantObserver } = demoOutlets;

export const seedLayouts: readonly SeedLayout[] = [
  {
    seedId: '000',
    outlet: dniproDispatch,
    path: '/o/dnipro-dispatch/news/3810427-russian-forces-received-thousands-of-ammunition-containers-from-north-korea.html',
    publishedAt: '2023-12-21T17:24:00+02:00',
    modifiedAt: null,
    dateline: '17:24 21 Dec 2023',
    headline: null,
    standfirst: null,
    section: 'War',
    byline: null,
    tags: ['North Korea', 'Russia', 'NATO', 'ammunition'],
    commentsCount: 37,
    rules: [
      { test: /^fbpx$/, role: 'pixel' },
      { test: /^\d{1,2}:\d{2}\s\d{1,2}\s[A-Z][a-z]{2}\s\d{4}$/, role: 'dateline' },
      { test: /^Photo: /, role: 'caption' },
      { test: /^If you have found a spelling error/, role: 'notice' },
      { test: /^Spelling\serror\sreport$/, role: 'modal' },
      { test: /^The following text will be sent to our editors:?$/, role: 'modal' },
    ],
  },
  {
    seedId: '001',
    outlet: atlanticLedger,
    path: '/o/atlantic-ledger/world/2023/10/14/north-korea-containers-russia',
    publishedAt: '2023-10-14T08:30:00-04:00',
    modifiedAt: '2023-10-14T11:02:00-04:00',
    dateline: 'Oct. 14, 2023 8:30 a.m. ET',
    headline: 'White House accuses North Korea of arming Russia for its war in Ukraine',
    standfirst: 'US intelligence tracked shipments by sea and rail to a depot in southwestern Russia, officials said.',
    section: 'World',
    byline: 'Ledger World Desk',
    tags: ['North Korea', 'Russia', 'Ukraine', 'White House'],
    commentsCount: 214,
    rules: [],
  },
  {
    seedId: '002',
    outlet: bridgesReview,
    path: '/o/bridges-review/2024/05/03/us-diplomat-says-north-korea-ships-thousands-of-ammunition-containers-to-russia/',
    publishedAt: '2024-05-03T06:04:00+03:00',
    modifiedAt: null,
    dateline: 'May 3, 2024 - 06:04',
    headline: null,
    standfirst: 'next-line',
    section: 'News',
    byline: null,
    tags: ['North Korea', 'Russia', 'OSCE', 'Iran'],
    commentsCount: 12,
    rules: [
      { test: /^[A-Z][a-z]+\s\d{1,2},\s\d{4}\s-\s\d{2}:\d{2}$/, role: 'dateline' },
      { test: (line, context) => context.headline !== null && line === context.headline, role: 'imageTitle' },
      { test: /\(Image source: [^)]+\)$/, role: 'caption' },
      { test: /^Related:\s*$/, role: 'related' },
      { test: /^You could close this page\./, role: 'plea' },
    ],
  },
  {
    seedId: '003',
    outlet: vistulaDaily,
    path: '/o/vistula-daily/usa-white-house-north-korea-sent-russia-over-1000-containers-of-weapons/',
    publishedAt: '2023-10-13T21:40:00+02:00',
    modifiedAt: null,
    dateline: 'October 13, 2023',
    headline: null,
    standfirst: null,
    section: 'USA',
    byline: 'Vistula Daily',
    tags: ['North Korea', 'Russia', 'weapons', 'White House'],
    commentsCount: 0,
    rules: [
      { test: /^-?\d+(?:\.\d+)?\s?C$/, role: 'widget' },
      { test: /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s[A-Z][a-z]+\s\d{1,2},\s\d{4}$/, role: 'widget' },
      { test: /^(?:Must read|More articles|Latest article)$/, role: 'label' },
      { test: /^- Advertisement -$/, role: 'ad' },
      { test: /^North Korea supplies weapons to Russia$/, role: 'caption' },
      { test: /national security council$/, role: 'caption' },
      { test: /^Source link$/, role: 'source' },
    ],
  },
  {
    seedId: '004',
    outlet: levantObserver,
    path: '/o/levant-observer/news/world/1153218-wh-claims-dprk-sent-1k-containers-of-military-assistance-to-russia',
    publishedAt: '2023-10-14T10:15:00+03:00',
    modifiedAt: null,
    dateline: '14 Oct 2023 10:15',
    headline: null,
    standfirst: 'next-line',
    section: 'World',
    byline: 'Levant Observer Staff',
    tags: ['DPRK', 'Russia', 'Ukraine', 'US'],
    commentsCount: 5,
    rules: [
      { test: /^Confirmed now by satellite imagery/, role: 'tweet' },
      { test: /^—\s.+\(@\w+\)\s[A-Z][a-z]+\s\d{1,2},\s\d{4}$/, role: 'tweet' },
      { test: /pic\.twitter\.com\//, role: 'tweet' },
      { test: /^Read more: /, role: 'readmore' },
    ],
  },
];

/** What a seed's layout decides of its article page. */
export type SeedPageParts = Pick<
  ArticlePage,
  'headline' | 'standfirst' | 'dateline' | 'widgets' | 'pixel' | 'imageTitle' | 'body' | 'after'
>;

function classify(line: string, rules: readonly LineRule[], context: LineContext): LineRole | null {
  for (const rule of rules) {
    const hit = typeof rule.test === 'function' ? rule.test(line, context) : rule.test.test(line);
    if (hit) return rule.role;
  }
  return null;
}

/** Splits a seed's lines into the parts of its page, following the layout's rules. */
export function layoutSeed(seed: Seed, layout: SeedLayout, related: readonly LinkRef[]): SeedPageParts {
  const outlet = layout.outlet;
  const parts: SeedPageParts = {
    headline: layout.headline ?? '',
    standfirst: layout.standfirst === 'next-line' ? null : layout.standfirst,
    dateline: layout.dateline,
    widgets: [],
    pixel: null,
    imageTitle: null,
    body: [],
    after: [],
  };
  const context: LineContext = { headline: layout.headline };
  let inAfter = false;
  let wantStandfirst = false;
  let images = 0;
  for (const line of seed.lines) {
    let role = classify(line, layout.rules, context);
    if (role === null) {
      if (context.headline === null) role = 'title';
      else if (wantStandfirst) role = 'standfirst';
      else role = 'p';
    }
    wantStandfirst = false;
    if (afterRoles.has(role)) inAfter = true;
    const target = inAfter ? parts.after : parts.body;
    const last = target[target.length - 1];
    switch (role) {
      case 'title':
        parts.headline = line;
        context.headline = line;
        wantStandfirst = layout.standfirst === 'next-line';
        break;
      case 'standfirst':
        parts.standfirst = line;
        break;
      case 'dateline':
        parts.dateline = line;
        break;
      case 'widget':
        parts.widgets.push(line);
        break;
      case 'pixel':
        parts.pixel = line;
        break;
      case 'imageTitle':
        parts.imageTitle = line;
        break;
      case 'caption':
        images++;
        target.push({
          kind: 'figure',
          caption: line,
          alt: line,
          src: `${outlet.homePath}media/${seed.hash}-${images}.jpg`,
        });
        break;
      case 'p':
        target.push({ kind: 'p', text: line });
        break;
      case 'h2':
        target.push({ kind: 'h2', text: line });
        break;
      case 'label':
        target.push({ kind: 'label', text: line });
        break;
      case 'ad':
        target.push({ kind: 'ad', label: line });
        break;
      case 'tweet':
        if (last?.kind === 'tweet') last.lines.push(line);
        else target.push({ kind: 'tweet', lines: [line] });
        break;
      case 'readmore': {
        const [lead, ...rest] = line.split(': ');
        const title = rest.join(': ');
        target.push({
          kind: 'readmore',
          lead: `${lead}:`,
          link: { title, href: `${outlet.homePath}news/world/${slugify(title)}` },
        });
        break;
      }
      case 'related':
        target.push({ kind: 'related', label: line.trim(), links: related.slice(0, 3) });
        break;
      case 'plea':
        target.push({ kind: 'plea', text: line, cta: 'Support us' });
        break;
      case 'notice':
        target.push({ kind: 'notice', text: line });
        break;
      case 'modal':
        if (last?.kind === 'modal' && last.text === '') last.text = line;
        else target.push({ kind: 'modal', title: line, text: '' });
        break;
      case 'source':
        target.push({ kind: 'source', text: line, href: `${outlet.homePath}out?src=${seed.hash}` });
        break;
    }
  }
  if (!parts.headline) parts.headline = seed.lines[0] ?? seed.id;
  return parts;
}
