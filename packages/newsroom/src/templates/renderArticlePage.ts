import type { ArticlePage } from '../ArticlePage.ts';
import { renderAggregator } from './aggregator.ts';
import { renderBulletin } from './bulletin.ts';
import { renderLedger } from './ledger.ts';
import { renderMagazine } from './magazine.ts';
import { padPage } from './padding.ts';
import { renderPortal } from './portal.ts';
import { renderWire } from './wire.ts';
import { renderWordpress } from './wordpress.ts';

/** The full HTML of an article page in its outlet's template (without padding). */
export function renderArticlePage(page: ArticlePage): string {
  let html: string;
  switch (page.outlet.family) {
    case 'ledger':
      html = renderLedger(page);
      break;
    case 'wordpress':
      html = renderWordpress(page);
      break;
    case 'portal':
      html = renderPortal(page);
      break;
    case 'magazine':
      html = renderMagazine(page);
      break;
    case 'wire':
      html = renderWire(page);
      break;
    case 'aggregator':
      html = renderAggregator(page);
      break;
    case 'bulletin':
      html = renderBulletin(page);
      break;
  }
  return html;
}

/** The page as UTF-8 bytes, padded to its target size when one is set. */
export function renderArticlePageBytes(page: ArticlePage): Buffer {
  const html = Buffer.from(renderArticlePage(page), 'utf8');
  return page.padding ? padPage(html, page, page.padding.targetBytes, page.padding.rng) : html;
}
