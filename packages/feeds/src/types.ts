/** One entry of a feed, normalised across RSS, RDF, Atom and JSON Feed. */
export interface FeedItem {
  /** GUID, Atom id, rdf:about or JSON Feed id, trimmed. */
  id: string | null;
  /** Plain text (HTML in titles is reduced to its text). */
  title: string | null;
  /**
   * The title as an HTML fragment: inline markup of an HTML title kept and sanitised (`A <b>bold</b>
   * move`), a plain title escaped (`Q&amp;A`). Null exactly when `title` is.
   */
  titleHtml: string | null;
  /** Absolute URL when it could be resolved (xml:base, then the feed URL). */
  link: string | null;
  /** ISO 8601 UTC (`2024-01-05T12:30:00.000Z`); null when absent or not a valid date. */
  published: string | null;
  updated: string | null;
  /** A display name (or an e-mail address when that is all there is). */
  author: string | null;
  /** An HTML fragment; plain-text sources are escaped. */
  summary: string | null;
  /** An HTML fragment; plain-text sources are escaped. */
  content: string | null;
}

export interface Feed {
  /** Plain text, as for items. */
  title: string | null;
  /** The title as sanitised HTML, as for items. */
  titleHtml: string | null;
  link: string | null;
  /**
   * A display name for the feed as a whole: Atom `author`, JSON Feed `authors`, RSS `dc:creator`,
   * `dc:author`, `itunes:author`, `atom:author`, else `managingEditor`. Atom and JSON Feed items without an
   * author of their own inherit it; RSS items do not.
   */
  author: string | null;
  format: 'rss' | 'rdf' | 'atom' | 'json';
  /**
   * How long the feed says it may be cached, in minutes: RSS `<ttl>`, else the syndication module's
   * `sy:updatePeriod` / `sy:updateFrequency` (`daily` twice = 720). Null when absent or unreadable.
   */
  ttlMinutes: number | null;
  /**
   * WebSub hubs the document names (`<atom:link rel="hub">`, JSON Feed `hubs`), absolute http(s)
   * URLs; none when it names none. A poll adds the HTTP `Link` header's (`headerHubLinks`).
   */
  hubs: string[];
  /** The URL the document gives itself (`<atom:link rel="self">`, JSON Feed `feed_url`): a WebSub topic. */
  self: string | null;
}

export type FeedErrorCode = 'not-a-feed' | 'malformed' | 'bad-encoding' | 'empty';

export interface FeedError {
  code: FeedErrorCode;
  message: string;
  /** For `not-a-feed` HTML pages: the absolute feed URLs the page advertises with `<link rel="alternate">`. */
  advertisedFeeds: string[];
}

export type ParseResult =
  | { ok: true; feed: Feed; items: FeedItem[]; encoding: string; warnings: string[] }
  | { ok: false; error: FeedError };

export interface ParseFeedOptions {
  /** The HTTP Content-Type header, whose charset wins over the XML prolog. */
  contentType?: string | null;
  /** The feed's URL: the last base for relative links. */
  url?: string | null;
}
