import { collapse, nonEmpty } from './elementText.ts';
import type { FeedWarnings } from './feedWarnings.ts';
import { jsonHubLinks } from './hubLinks.ts';
import { parseFeedDate } from './parseFeedDate.ts';
import { resolveHtmlUrls, resolveUrl } from './text.ts';
import type { FeedItem, ParseFeedOptions, ParseResult } from './types.ts';
import { escapeHtml } from './xmlMarkup.ts';

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into the normalised model. */

function str(value: unknown): string | null {
  if (typeof value === 'string') return nonEmpty(value);
  return null;
}

function jsonAuthor(obj: Record<string, unknown>): string | null {
  const authors = obj.authors;
  if (Array.isArray(authors)) {
    for (const a of authors) {
      if (a && typeof a === 'object') {
        const name = str((a as Record<string, unknown>).name);
        if (name) return collapse(name);
      }
    }
  }
  const author = obj.author;
  if (author && typeof author === 'object') return collapse(str((author as Record<string, unknown>).name));
  return null;
}

function jsonDate(value: unknown, warnings: FeedWarnings): string | null {
  const raw = str(value);
  if (raw === null) return null;
  const iso = parseFeedDate(raw);
  if (iso === null) warnings.add(`unreadable date "${raw.slice(0, 60)}" left empty`);
  return iso;
}

/** JSON Feed titles are plain text by the specification. */
function plainTitle(value: unknown): Pick<FeedItem, 'title' | 'titleHtml'> {
  const title = collapse(str(value));
  return { title, titleHtml: title === null ? null : escapeHtml(title) };
}

export function parseJsonFeed(
  text: string,
  options: ParseFeedOptions,
  encoding: string,
  warnings: FeedWarnings,
): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'malformed', message: `invalid JSON: ${(error as Error).message}`, advertisedFeeds: [] },
    };
  }
  const notAFeed: ParseResult = {
    ok: false,
    error: { code: 'not-a-feed', message: 'JSON, but not a JSON Feed', advertisedFeeds: [] },
  };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return notAFeed;
  const obj = doc as Record<string, unknown>;
  const version = typeof obj.version === 'string' ? obj.version : '';
  if (!/jsonfeed\.org\/version\//i.test(version) && !Array.isArray(obj.items)) return notAFeed;
  const base = options.url ?? str(obj.feed_url);
  const feedAuthor = jsonAuthor(obj);
  const items: FeedItem[] = [];
  for (const raw of Array.isArray(obj.items) ? obj.items : []) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const it = raw as Record<string, unknown>;
    const id = typeof it.id === 'number' && Number.isFinite(it.id) ? String(it.id) : str(it.id);
    const url = str(it.url) ?? str(it.external_url);
    const contentHtml = str(it.content_html);
    const contentText = str(it.content_text);
    const summary = str(it.summary);
    items.push({
      id,
      ...plainTitle(it.title),
      link: url ? resolveUrl(url, base) : null,
      published: jsonDate(it.date_published, warnings),
      updated: jsonDate(it.date_modified, warnings),
      author: jsonAuthor(it) ?? feedAuthor,
      summary: summary === null ? null : escapeHtml(summary),
      content: contentHtml ? resolveHtmlUrls(contentHtml, base) : contentText === null ? null : escapeHtml(contentText),
    });
  }
  const home = str(obj.home_page_url);
  return {
    ok: true,
    feed: {
      ...plainTitle(obj.title),
      link: home ? resolveUrl(home, base) : null,
      author: feedAuthor,
      format: 'json',
      ttlMinutes: null,
      ...jsonHubLinks(obj, options.url ?? null),
    },
    items,
    encoding,
    warnings: warnings.list,
  };
}
