import { demoOutlets } from './demoOutlets.ts';
import type { PlannedItem } from './demoPages.ts';
import { pdfDocument } from './pdfDocument.ts';
import { makeResource, type Resource } from './Site.ts';

/**
 * The usual trouble of real feeds, added to `items` and `resources`: an item whose page was taken
 * down, an item linking to a PDF document, and a broken item.
 */
export function addTroubleItems(origin: string, items: PlannedItem[], resources: Map<string, Resource>): void {
  // A feed item whose page was taken down: the link answers 404.
  const ledger = demoOutlets.atlanticLedger;
  const missingPath = '/o/atlantic-ledger/world/2023/10/12/pentagon-weighs-air-defence-package-for-kyiv';
  const missingAt = '2023-10-12T17:05:00-04:00';
  items.push({
    outlet: ledger,
    entry: {
      title: 'Pentagon weighs a new air-defence package for Kyiv',
      link: origin + missingPath,
      id: origin + missingPath,
      idIsPermaLink: true,
      publishedAt: missingAt,
      rawDate: null,
      updatedAt: null,
      author: ledger.desk,
      categories: ['World'],
      summary: 'Officials are discussing which systems could be sent before winter.',
      contentHtml: null,
    },
    article: {
      url: origin + missingPath,
      feedLink: origin + missingPath,
      feedUrls: [],
      outlet: ledger.name,
      outletSlug: ledger.slug,
      publishedAt: missingAt,
      title: 'Pentagon weighs a new air-defence package for Kyiv',
      kind: 'missing',
      lang: 'en',
      charset: 'utf-8',
    },
  });

  // A feed item that links to a PDF document.
  const observer = demoOutlets.levantObserver;
  const pdfPath = '/o/levant-observer/files/2023/10/white-house-briefing-dprk-arms-transfers.pdf';
  const pdfAt = '2023-10-13T19:00:00+03:00';
  const pdfTitle = 'Full text: White House briefing on DPRK arms transfers (PDF)';
  resources.set(
    pdfPath,
    makeResource(
      pdfDocument('White House press briefing (excerpt)', [
        'Document served by the demo newsroom.',
        'This file stands in for a transcript an outlet links from its feed.',
      ]),
      'application/pdf',
      { lastModified: new Date(pdfAt), cacheControl: 'public, max-age=86400' },
    ),
  );
  items.push({
    outlet: observer,
    entry: {
      title: pdfTitle,
      link: origin + pdfPath,
      id: `tag:levant-observer.example,2023-10-13:briefing-pdf`,
      idIsPermaLink: false,
      publishedAt: pdfAt,
      rawDate: null,
      updatedAt: null,
      author: observer.desk,
      categories: ['Documents'],
      summary: 'Read the full briefing as a PDF document.',
      contentHtml: null,
    },
    article: {
      url: origin + pdfPath,
      feedLink: origin + pdfPath,
      feedUrls: [],
      outlet: observer.name,
      outletSlug: observer.slug,
      publishedAt: pdfAt,
      title: pdfTitle,
      kind: 'pdf',
      lang: 'en',
      charset: 'utf-8',
    },
  });

  // A broken item: no link, no guid, a date no parser can read. The rest of the feed is fine.
  const vistula = demoOutlets.vistulaDaily;
  items.push({
    outlet: vistula,
    entry: {
      title: 'Weekly review: the week in Ukraine',
      link: null,
      id: null,
      idIsPermaLink: false,
      publishedAt: null,
      rawDate: 'Friday, 32 Octember 2023 25:61:00 CEST',
      updatedAt: null,
      author: vistula.desk,
      categories: ['World'],
      summary: 'A round-up of the week on the front line and in diplomacy.',
      contentHtml: null,
    },
    article: null,
  });
}
