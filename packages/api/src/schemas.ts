import { eventTypes, type StoredEvent } from '@tally/events';
import type { ArticleView, FigureSummary as FigureListing, FigureView } from '@tally/projection-store';
import { type FeedRow, hedgeKinds } from '@tally/projections';
import { z } from 'zod';
import { FeedSubscriptionView } from './feedSchemas.ts';
import { freeText, identifierText } from './requestText.ts';

/**
 * The schemas of every request (they validate it) and of the answers (they document it, and the
 * answers are checked against them): one source for validation and for the OpenAPI document.
 */

const position = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const FigureParams = z.object({
  key: identifierText(z.string().min(1).max(512)).describe(
    'The figure key, URL-encoded (e.g. `transfer%3AKP%3ERU%3Acontainer`).',
  ),
});

export const ArticleParams = z.object({ id: identifierText(z.string().min(1).max(200)) });
export const FeedParams = z.object({ id: identifierText(z.string().min(1).max(200)) });

export const ArticleStatusParam = z.enum([
  'discovered',
  'fetch-failed',
  'fetched',
  'extraction-failed',
  'extracted',
  'analyzed',
  'duplicate',
]);

export const ArticlesQuery = z.object({
  status: ArticleStatusParam.optional().describe('Only articles at this stage.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: position.optional().describe('The `next` cursor of the previous page: the page after it.'),
});

export const NewFeed = z
  .object({
    url: identifierText(z.string().min(1).max(2048)).describe(
      'The feed URL (http or https), without credentials (`user:password@` is refused).',
    ),
    title: freeText(z.string().min(1).max(300)).optional(),
  })
  .strict()
  .meta({ id: 'NewFeed' });

export const RemoveFeedQuery = z.object({ reason: freeText(z.string().max(300)).optional() });

export const EVENTS_MAX_LIMIT = 1000;
export const EventsQuery = z.object({
  after: position.default(0).describe('Events with a position greater than this.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .transform((n) => Math.min(n, EVENTS_MAX_LIMIT))
    .describe(`At most this many events (capped at ${EVENTS_MAX_LIMIT}).`),
  types: identifierText(z.string().max(2000))
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const list = s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const unknown = list.filter((t) => !(eventTypes as readonly string[]).includes(t));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown event types: ${unknown.join(', ')}` });
        return z.NEVER;
      }
      return list;
    })
    .describe('Comma-separated event types; only these are returned.'),
});

export const StreamQuery = z.object({
  after: position
    .optional()
    .describe('Start after this log position when no `Last-Event-ID` header is sent (default 0: every change).'),
});

export const StreamHeaders = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/, 'Last-Event-ID must be a log position')
    .optional()
    .describe('Resume after this log position (what the last event received carried as `id`).'),
});

// ------------------------------------------------------------------ answers

const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

/**
 * An answer's schema checks (and documents) the fields clients rely on and lets the rest of the
 * row through; its type is the row's own, which the projections package defines.
 */
const rowOf = <Row>(schema: z.ZodType) => schema as unknown as z.ZodType<Row>;

// The fields of figures of any beat are optional: while a rebuild runs, readers are served the
// tables of the version before it, whose rows do not have them.
const period = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    text: z.string().describe('As the report writes it ("the fourth quarter").'),
    label: z.string().optional().describe('Normalised ("Q4 2019", "2019"), where the dates allow.'),
  })
  .nullable();

const statementShape = loose({
  value: z.number().nullable(),
  bound: z.string(),
  qualifier: z
    .string()
    .nullable()
    .describe('The words of the bound ("more than", "about", "nearly"); null for a plain number: no source gave any.'),
  measure: z.string().nullable().optional().describe('What the figure measures ("revenue", "death toll").'),
  valueIs: z
    .enum(['level', 'change'])
    .optional()
    .describe('Whether `value` is the level of the figure, or itself a change of it ("sales rose 5%").'),
  change: z.enum(['up', 'down']).nullable().describe('The direction of the move stated with the value.'),
  changeBy: z
    .number()
    .nullable()
    .optional()
    .describe('For a level: the stated amount of its change, in `changeUnit` ("rose 3.5% to $27.2bn" → 3.5).'),
  changeUnit: z.string().nullable().optional().describe('"%", "percentage point", or the figure\'s own unit.'),
  previous: z.number().nullable().optional().describe('For a level: the earlier level it moved from.'),
  period: period.optional().describe('The period the figure is about; the history runs by it where given.'),
  hedged: z.boolean().describe('A forecast, target, plan or possibility, not a statement of fact.'),
  hedge: z
    .enum(hedgeKinds)
    .nullable()
    .optional()
    .describe('What kind of hedged statement it is; null when not hedged.'),
});

const figureShape = loose({
  figureKey: z.string(),
  position: z.number().int(),
  statementCount: z.number().int(),
  measure: z.string().nullable().optional().describe('What the figure measures, as its current statement names it.'),
  current: statementShape
    .nullable()
    .describe(
      'The latest statement: of the latest period when periods are given, and not a forecast while a statement of fact stands.',
    ),
}).meta({
  id: 'Figure',
  description:
    'A figure: the current statement, its history (statements oldest first, each with its sources, quotes and conflicts) and its claims.',
});

export const FigureSummary = rowOf<FigureListing>(figureShape);
export const FigureDetail = rowOf<FigureView>(figureShape);
/** A keyset page's query: `limit` rows after the `after` cursor (every row without either). */
const pageQuery = (rows: string, order: string, cursorMax: number) =>
  z.object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe(`${rows} per page, in ${order}; without \`limit\` or \`after\`, every one at once.`),
    after: identifierText(z.string().min(1).max(cursorMax))
      .optional()
      .describe('The `next` cursor of the previous page: the page after it.'),
  });
const nextCursor = z
  .string()
  .nullable()
  .describe('Pass as `after` for the next page; null on the last page (and without paging).');

export const FiguresQuery = pageQuery('Figures', 'key order', 512);
export const FiguresAnswer = z.object({ figures: z.array(FigureSummary), next: nextCursor });
export const FigureAnswer = z.object({ figure: FigureDetail });

export const ArticleSummary = rowOf<ArticleView>(
  loose({
    articleId: z.string(),
    status: ArticleStatusParam,
    position: z.number().int(),
  }).meta({ id: 'Article', description: 'An article: its stage, reason codes, feeds, duplicate link and figures.' }),
);
export const ArticlesAnswer = z.object({
  articles: z.array(ArticleSummary),
  next: z.number().int().nullable().describe('Pass as `after` for the next page; null on the last page.'),
});
export const ArticleAnswer = z.object({ article: ArticleSummary });

export const FeedSummary = rowOf<FeedRow>(
  loose({ feedId: z.string(), url: z.string().nullable(), subscription: FeedSubscriptionView }).meta({
    id: 'Feed',
    description: 'A feed: health, last and next poll, consecutive errors, its WebSub subscription.',
  }),
);
export const FeedsQuery = pageQuery('Feeds', 'feed id order', 200);
export const FeedsAnswer = z.object({ feeds: z.array(FeedSummary), next: nextCursor });
export const FeedCreated = z.object({ feedId: z.string(), created: z.boolean(), url: z.string() });
export const OpmlImported = z
  .object({
    feeds: z.array(
      z.object({
        feedId: z.string(),
        url: z.string(),
        title: z.string().nullable(),
        tags: z.array(z.string()).describe('The folders the feed sat in, outermost first, then its OPML categories.'),
        created: z.boolean().describe('False when the feed was registered already (left as it was).'),
      }),
    ),
    created: z.number().int(),
    existing: z.number().int(),
    skipped: z
      .array(z.object({ url: z.string(), reason: z.literal('invalid-url') }))
      .describe('Outlines whose `xmlUrl` is not an http(s) URL.'),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'OpmlImported' });

export const StoredEventSchema = rowOf<StoredEvent>(
  loose({
    id: z.string(),
    type: z.string(),
    streamId: z.string(),
    streamVersion: z.number().int(),
    position: z.number().int(),
    recordedAt: z.string(),
    data: z.record(z.string(), z.unknown()),
    metadata: z.record(z.string(), z.unknown()),
  }).meta({ id: 'Event', description: 'An event of the log, as stored.' }),
);

export const EventsAnswer = z.object({
  events: z.array(StoredEventSchema),
  next: z.number().int().describe('Pass as `after` for the next page (past every event returned or skipped).'),
  head: z.number().int().describe('The log head when the page was read.'),
});

export const HealthAnswer = z.object({ status: z.literal('ok') });
export const ReadyAnswer = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
});
