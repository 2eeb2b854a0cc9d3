import type { ArticlePage, TemplateFamily } from '../ArticlePage.ts';
import { renderAggregator } from './aggregator.ts';
import { renderBulletin } from './bulletin.ts';
import { renderLedger } from './ledger.ts';
import { renderMagazine } from './magazine.ts';
import { padPage } from './padding.ts';
import { renderPortal } from './portal.ts';
import { renderWire } from './wire.ts';
import { renderWordpress } from './wordpress.ts';

/** Each template family's renderer. */
const renderers: Record<TemplateFamily, (page: ArticlePage) => string> = {
  ledger: renderLedger,
  wordpress: renderWordpress,
  portal: renderPortal,
  magazine: renderMagazine,
  wire: renderWire,
  aggregator: renderAggregator,
  bulletin: renderBulletin,
};

/** The full HTML of an article page in its outlet's template (without padding). */
export function renderArticlePage(page: ArticlePage): string {
  return renderers[page.outlet.family](page);
}

/** The page as UTF-8 bytes, padded to its target size when one is set. */
export function renderArticlePageBytes(page: ArticlePage): Buffer {
  const html = Buffer.from(renderArticlePage(page), 'utf8');
  return page.padding ? padPage(html, page, page.padding.targetBytes, page.padding.rng) : html;
}
