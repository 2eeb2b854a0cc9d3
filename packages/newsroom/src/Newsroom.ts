import type { CorpusClaim, CorpusManifest } from './Corpus.ts';

export interface NewsroomFeed {
  url: string;
  title: string;
  format: 'rss' | 'atom';
  /** Encoding of the feed's bytes, as declared in the HTTP charset and the XML prolog. */
  charset: string;
  /** Display name of the outlet publishing the feed. */
  outlet: string;
}

export interface NewsroomArticle {
  /** Canonical URL: what `<link rel="canonical">` says, without tracking parameters. */
  url: string;
  /** The URL exactly as the outlet's feeds list it (syndicated copies carry `utm_*` parameters). */
  feedLink: string;
  /** Feeds listing the item. */
  feedUrls: string[];
  /** Display name of the outlet, as in `og:site_name`. */
  outlet: string;
  outletSlug: string;
  /** The seed file's id (`000`…`004`) for pages carrying a seed's text, copies included. */
  seedId?: string;
  /** ISO 8601 with the outlet's offset. */
  publishedAt: string;
  title: string;
  /** For a syndicated copy: canonical URL of the original. */
  syndicatedFrom?: string;
  /** `missing`: the feed links to a page that answers 404. `pdf`: it links to an `application/pdf` document. */
  kind: 'article' | 'missing' | 'pdf';
  lang: string;
  charset: string;
  /** Ground truth of a generated corpus: the claims the article's text states. */
  claims?: CorpusClaim[];
}

export interface Newsroom {
  /** `http://host:port`, no trailing slash. */
  url: string;
  host: string;
  port: number;
  feeds: NewsroomFeed[];
  articles: NewsroomArticle[];
  /** Set when serving a generated corpus: its ground truth with absolute URLs. */
  manifest: CorpusManifest | null;
  close(): Promise<void>;
  stats(): NewsroomStats;
  /** The bytes served at `pathname` (uncompressed), or undefined where the newsroom answers 404. */
  body(pathname: string): Buffer | undefined;
}

export interface NewsroomStats {
  requests: number;
  /** Responses by status code. */
  byStatus: Record<number, number>;
  /** Body bytes written (after compression). */
  bytesSent: number;
}
