/** Events as the pipeline appends them, for the store's benchmarks. */
import { eventId, type NewEvent } from '@tally/events';

const words =
  'the council said on tuesday that unemployment rose to percent in march while inflation eased slightly'.split(' ');
function sentence(seed: number, length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += `${words[(seed * 7 + i * 13) % words.length]} `;
  return s.slice(0, length);
}

/** Article and feed events as the pipeline appends them: about 300–800 bytes of data each. */
export function eventFor(i: number): NewEvent {
  const articleId = `a_${i.toString(36).padStart(16, '0')}`;
  const feedId = `f_${(i % 97).toString(36).padStart(16, '0')}`;
  const url = `https://news.example.org/${2026 - (i % 3)}/${(i % 12) + 1}/${i}/${sentence(i, 40).replaceAll(' ', '-')}`;
  switch (i % 3) {
    case 0:
      return {
        id: eventId('ArticleDiscovered', articleId),
        type: 'ArticleDiscovered',
        data: {
          articleId,
          feedId,
          url,
          canonicalUrl: url,
          itemKey: url,
          title: sentence(i, 60 + (i % 40)),
          publishedAt: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
          summary: sentence(i + 1, 80 + ((i * 37) % 360)),
        },
        metadata: { schemaVersion: 1, correlationId: `poll-${feedId}-${i >> 4}` },
      };
    case 1:
      return {
        id: eventId('ArticleFetched', articleId),
        type: 'ArticleFetched',
        data: {
          articleId,
          url,
          finalUrl: url,
          httpStatus: 200,
          contentType: 'text/html',
          charset: 'utf-8',
          bytes: 40_000 + ((i * 131) % 90_000),
          contentHash: `sha256-${eventId('ArticleFetched', i).replaceAll('-', '')}`,
          etag: `"${i.toString(16)}-${(i * 7).toString(16)}"`,
          lastModified: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toUTCString(),
          durationMs: 120 + (i % 900),
        },
        metadata: { schemaVersion: 1, causationId: eventId('ArticleDiscovered', articleId) },
      };
    default:
      return {
        id: eventId('FeedPolled', feedId, i),
        type: 'FeedPolled',
        data: {
          feedId,
          url: `https://news.example.org/feeds/${feedId}.xml`,
          slot: new Date(Date.UTC(2026, 2, 1) + i * 300_000).toISOString(),
          httpStatus: 200,
          notModified: false,
          feedTitle: sentence(i, 30 + (i % 50)),
          itemCount: 20 + (i % 30),
          newItemCount: i % 5,
          etag: `W/"${i.toString(16)}"`,
          lastModified: new Date(Date.UTC(2026, 2, 1) + i * 300_000).toUTCString(),
          nextCheckAt: new Date(Date.UTC(2026, 2, 1) + (i + 1) * 300_000).toISOString(),
          durationMs: 80 + (i % 400),
        },
        metadata: { schemaVersion: 1 },
      };
  }
}

export function makeBatches(total: number, firstIndex: number, batchSize: number): NewEvent[][] {
  const batches: NewEvent[][] = [];
  for (let start = 0; start < total; start += batchSize) {
    const length = Math.min(batchSize, total - start);
    batches.push(Array.from({ length }, (_, j) => eventFor(firstIndex + start + j)));
  }
  return batches;
}
