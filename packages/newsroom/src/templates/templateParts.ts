import type { ArticlePage, Block } from '../ArticlePage.ts';
import {
  type BlockClasses,
  blockClasses,
  canonicalUrl,
  commentsTeaser,
  cookieBanner,
  feedAlternates,
  jsonLd,
  navLinks,
  newsletterBox,
  openGraphMeta,
  renderBlocks,
  shareBar,
} from './common.ts';

/**
 * What every outlet template starts from: the outlet's class prefix and home path, and the parts
 * all news pages carry (meta, navigation, share bar, consent banner, newsletter box, comments
 * teaser, content blocks) bound to the page, so that a template only says where they go and with
 * which class names. `classOverrides` names the content blocks' classes from the outlet's prefix.
 */
export function templateParts(
  page: ArticlePage,
  classOverrides: (prefix: string) => Partial<BlockClasses> = () => ({}),
) {
  const p = page.outlet.classPrefix;
  const classes = blockClasses(p, classOverrides(p));
  return {
    p,
    home: page.outlet.homePath,
    canonical: canonicalUrl(page),
    openGraph: openGraphMeta(page),
    feedLinks: feedAlternates(page),
    jsonLd: (shape: 'plain' | 'graph' | 'array') => jsonLd(page, shape),
    /** Content blocks in the template's class names; `overrides` for a run that names them otherwise. */
    blocks: (blocks: readonly Block[], overrides: Partial<BlockClasses> = {}) =>
      renderBlocks(blocks, { ...classes, ...overrides }),
    nav: (itemClass: string) => navLinks(page, itemClass),
    share: (cls: string) => shareBar(page, cls),
    cookies: (id: string) => cookieBanner(page, id),
    newsletter: (cls: string) => newsletterBox(page, cls),
    comments: (cls: string) => commentsTeaser(page, cls),
  };
}
