import type { Rng } from './Rng.ts';

/** The page layouts the newsroom can dress an article in; each mimics a common kind of news site. */
export type TemplateFamily = 'ledger' | 'wordpress' | 'portal' | 'magazine' | 'wire' | 'aggregator' | 'bulletin';

export const templateFamilies: readonly TemplateFamily[] = [
  'ledger',
  'wordpress',
  'portal',
  'magazine',
  'wire',
  'aggregator',
  'bulletin',
];

/** Interface strings of an outlet, in its own language. */
export interface OutletUi {
  home: string;
  cookie: string;
  cookieAccept: string;
  newsletter: string;
  newsletterCta: string;
  share: readonly string[];
  comments: (count: number) => string;
  related: string;
  mostRead: string;
  footer: string;
  search: string;
  subscribe: string;
}

export interface OutletFeedLink {
  path: string;
  format: 'rss' | 'atom';
  title: string;
}

export interface Outlet {
  /** Path-safe identifier, also the first path segment under the newsroom's prefix. */
  slug: string;
  /** Display name, as in `og:site_name`. */
  name: string;
  family: TemplateFamily;
  lang: string;
  /** Encoding of the outlet's pages and feeds (`utf-8`, or `windows-1251` for an old Cyrillic site). */
  charset: string;
  /** Path of the outlet's home page, e.g. `/o/dnipro-dispatch/`. */
  homePath: string;
  sections: readonly string[];
  accent: string;
  /** Prefix of the outlet's CSS class names, so that two outlets of one family differ in markup. */
  classPrefix: string;
  /** Feeds the outlet advertises with `<link rel="alternate">`. */
  feeds: OutletFeedLink[];
  ui: OutletUi;
  /** Organisation or desk credited when an article carries no personal byline. */
  desk: string;
}

export interface LinkRef {
  title: string;
  href: string;
}

/** One element of an article page's content column, in page order. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'figure'; caption: string; alt: string; src: string }
  | { kind: 'ad'; label: string }
  | { kind: 'label'; text: string }
  | { kind: 'readmore'; lead: string; link: LinkRef }
  | { kind: 'tweet'; lines: string[] }
  | { kind: 'related'; label: string; links: LinkRef[] }
  | { kind: 'plea'; text: string; cta: string }
  | { kind: 'notice'; text: string }
  | { kind: 'modal'; title: string; text: string }
  | { kind: 'source'; text: string; href: string }
  | { kind: 'credit'; text: string };

export interface PagePadding {
  /** Exact size of the page in UTF-8 bytes, reached with scripts, styles, sprites and comments. */
  targetBytes: number;
  rng: Rng;
}

/** Everything a template needs to render one article page. */
export interface ArticlePage {
  outlet: Outlet;
  /** `http://host:port` of the newsroom, for absolute canonical and OpenGraph URLs. */
  origin: string;
  /** Canonical path (no query). */
  path: string;
  headline: string;
  standfirst: string | null;
  section: string;
  byline: string;
  /** ISO 8601 with offset. */
  publishedAt: string;
  modifiedAt: string | null;
  /** The publication date as printed on the page. */
  dateline: string;
  /** Header widgets printed above the masthead (weather, today's date). */
  widgets: string[];
  /** Stray tracking-pixel text some sites leak into the page ("fbpx"). */
  pixel: string | null;
  /** A repeat of the headline shown over the lead image, as some themes do. */
  imageTitle: string | null;
  body: Block[];
  /** Furniture after the article text: source links, "More articles", pleas, notices. */
  after: Block[];
  related: LinkRef[];
  tags: string[];
  description: string;
  image: { src: string; alt: string };
  commentsCount: number;
  padding: PagePadding | null;
}
