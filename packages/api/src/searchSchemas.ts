import type { FigureSummary, ArticleHit as FoundArticle } from '@tally/projection-store';
import { z } from 'zod';
import { freeText, identifierText } from './requestText.ts';

/** Requests and answers of `GET /search` (see `schemas.ts` for the others). */

/** The longest query the API takes (characters); the index is asked at most 500. */
export const MAX_QUERY_LENGTH = 200;

export const SearchKind = z.enum(['figures', 'articles']);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchQuery = z.object({
  q: freeText(z.string().max(MAX_QUERY_LENGTH))
    .refine((q) => q.trim() !== '', 'must not be empty')
    .describe(
      'What to look for, as a web search engine reads it: every word must match (stemmed: "tariffs" finds "tariff"), `"quoted words"` in that order, `or` between alternatives, `-word` leaves out. Other punctuation only separates words.',
    ),
  kind: SearchKind.default('figures').describe(
    '`figures`: by subject, recipient, measure, concept and speaker; `articles`: by title, outlet, byline and text.',
  ),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: identifierText(z.string().min(3).max(600))
    .optional()
    .describe('The `next` cursor of the previous page: the page after it.'),
});

const rank = z.number().describe('How well it matches (`ts_rank`): a name or title counts ten times the text.');

/** Checked and documented by the fields clients rely on; typed as the reader's rows (as `schemas.ts` does). */
const hitOf = <Row>(schema: z.ZodType) => schema as unknown as z.ZodType<Row & { rank: number }>;

const FigureHit = hitOf<FigureSummary>(
  z
    .looseObject({
      figureKey: z.string(),
      rank,
      statementCount: z.number().int(),
      current: z.unknown().describe('The current statement, as `GET /figures` lists it.'),
    })
    .meta({ id: 'FigureHit', description: 'A figure found: as `GET /figures` lists it, with its rank.' }),
);

const ArticleHit = hitOf<FoundArticle>(
  z
    .looseObject({
      articleId: z.string(),
      rank,
      url: z.string().nullable(),
      title: z.string().nullable(),
      siteName: z.string().nullable().describe('The outlet.'),
      publishedAt: z.string().nullable(),
      status: z.string().describe('The stage the article is at (as `GET /articles/{id}` gives it).'),
    })
    .meta({ id: 'ArticleHit', description: 'An article found, with its rank.' }),
);

export const SearchAnswer = z
  .object({
    kind: SearchKind,
    figures: z.array(FigureHit).optional().describe('With `kind=figures`: the figures found, best first.'),
    articles: z.array(ArticleHit).optional().describe('With `kind=articles`: the articles found, best first.'),
    next: z.string().nullable().describe('Pass as `after` for the next page; null on the last page.'),
  })
  .meta({ id: 'SearchResults' });
