/**
 * An article as the fixture generator knows it: the text an outlet wrote, before any template wraps
 * it in a page. The expected extraction of a page is derived from this and from what the template
 * shows (a template that hides the standfirst does not expect it).
 */

export type BodyBlock = { p: string } | { h: string } | { ul: string[] } | { ol: string[] } | { quote: string };

export type ArticleLang = 'en' | 'ru' | 'uk' | 'de' | 'fr';

export interface ArticleSource {
  id: string;
  lang: ArticleLang;
  headline: string;
  /** The standfirst (dek): article text, shown under the headline by most templates. */
  standfirst: string | null;
  authors: string[];
  /** ISO 8601 with the outlet's offset, as its CMS would print it. */
  publishedAt: string;
  modifiedAt: string | null;
  section: string;
  slug: string;
  body: BodyBlock[];
  caption: string;
  credit: string;
}

/** The expected text of a body block, in the extractor's output convention. */
export function blockText(block: BodyBlock): string {
  if ('p' in block) return block.p;
  if ('h' in block) return block.h;
  if ('quote' in block) return block.quote;
  const items = 'ul' in block ? block.ul : block.ol;
  return items.map((item) => `- ${item}`).join('\n');
}

/** Inline markup is not text: `<a>`, `<em>`, `<strong>` in the sources render to their words. */
export function plain(text: string): string {
  return text.replace(/<[^>]+>/g, '');
}

/**
 * The text a reader would call the article: standfirst (when shown), paragraphs, subheadings, lists
 * (one `- item` line each) and quotes of the body, joined by blank lines. Not the headline, byline,
 * dates, captions, credits or anything around the text.
 */
export function expectedText(article: ArticleSource, options: { standfirst: boolean }): string {
  const parts: string[] = [];
  if (options.standfirst && article.standfirst) parts.push(plain(article.standfirst));
  for (const block of article.body) parts.push(plain(blockText(block)));
  return parts.join('\n\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Source text may carry inline tags (`<a href>`, `<em>`): they pass through, the rest is escaped. */
export function inlineHtml(text: string): string {
  return text
    .split(/(<\/?(?:a|em|strong|b|i)(?:\s[^>]*)?>)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeHtml(part)))
    .join('');
}
