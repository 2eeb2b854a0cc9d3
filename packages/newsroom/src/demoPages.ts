import type { ArticlePage, Block, Outlet } from './ArticlePage.ts';
import { relatedLinks } from './demoOutlets.ts';
import type { FeedEntry } from './feedDocuments.ts';
import { escapeHtml } from './markup.ts';
import type { NewsroomArticle } from './Newsroom.ts';
import { makeResource, type Resource } from './Site.ts';
import type { SeedPageParts } from './seedLayouts.ts';

// The demo newsroom's pages: an article page from a seed's parts, and what its feed entry says of it.

/** One item of an outlet's feed, and the article it stands for (null: an item with no page). */
export interface PlannedItem {
  outlet: Outlet;
  entry: FeedEntry;
  article: NewsroomArticle | null;
}

export function htmlResource(html: string, outlet: Outlet, lastModified: string): Resource {
  return makeResource(html, `text/html; charset=${outlet.charset}`, {
    charset: outlet.charset,
    lastModified: new Date(lastModified),
    cacheControl: 'public, max-age=300',
  });
}

function summaryOf(parts: { standfirst: string | null; body: readonly Block[] }): string {
  if (parts.standfirst) return parts.standfirst;
  const first = parts.body.find((b) => b.kind === 'p');
  const text = first?.kind === 'p' ? first.text : '';
  return text.length > 240 ? `${text.slice(0, text.lastIndexOf(' ', 240))}…` : text;
}

export function bodyHtml(blocks: readonly Block[]): string {
  return blocks
    .filter((b) => b.kind === 'p')
    .map((b) => (b.kind === 'p' ? `<p>${escapeHtml(b.text)}</p>` : ''))
    .join('\n');
}

export function pageFrom(
  outlet: Outlet,
  origin: string,
  path: string,
  parts: SeedPageParts,
  meta: {
    publishedAt: string;
    modifiedAt: string | null;
    section: string;
    byline: string | null;
    tags: string[];
    commentsCount: number;
    relatedOffset: number;
  },
): ArticlePage {
  return {
    outlet,
    origin,
    path,
    headline: parts.headline,
    standfirst: parts.standfirst,
    section: meta.section,
    byline: meta.byline ?? outlet.desk,
    publishedAt: meta.publishedAt,
    modifiedAt: meta.modifiedAt,
    dateline: parts.dateline,
    widgets: parts.widgets,
    pixel: parts.pixel,
    imageTitle: parts.imageTitle,
    body: parts.body,
    after: parts.after,
    related: relatedLinks(outlet, 5, meta.relatedOffset),
    tags: meta.tags,
    description: summaryOf(parts),
    image: { src: `${outlet.homePath}media/lead-${meta.relatedOffset}.jpg`, alt: parts.headline },
    commentsCount: meta.commentsCount,
    padding: null,
  };
}
