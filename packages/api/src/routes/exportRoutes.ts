import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import { csvRecord } from '../exports/csv.ts';
import { currentRow, historyRows, type StatementRow, statementColumns } from '../exports/statementRows.ts';
import type { ProjectionReads } from '../ProjectionReads.ts';
import { FigureParams } from '../schemas.ts';

/** Figures read per page while an export streams: memory stays flat however many there are. */
export const EXPORT_PAGE_SIZE = 500;
const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const JSON_TYPE = 'application/json; charset=utf-8';

const columnList = statementColumns.map((c) => `\`${c}\``).join(', ');

/** Every figure's current row, a page of figures at a time in key order. */
async function* currentRows(reads: ProjectionReads, pageSize: number): AsyncGenerator<StatementRow> {
  let after: string | undefined;
  for (;;) {
    const page = await reads.listFigurePage({ limit: pageSize, after });
    for (const figure of page.items) yield currentRow(figure);
    if (!page.next) return;
    after = page.next;
  }
}

async function* asCsv(rows: AsyncIterable<StatementRow> | Iterable<StatementRow>): AsyncGenerator<string> {
  yield csvRecord(statementColumns);
  for await (const row of rows) yield csvRecord(statementColumns.map((c) => row[c]));
}

async function* asJson(rows: AsyncIterable<StatementRow> | Iterable<StatementRow>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]\n';
}

/** A file name a header can carry: the figure key's letters and digits, the rest as `_`. */
function fileNameOf(figureKey: string): string {
  return figureKey.replace(/[^0-9A-Za-z._-]+/g, '_').slice(0, 100) || 'figure';
}

function sendFile(reply: FastifyReply, type: string, fileName: string, chunks: AsyncGenerator<string>) {
  // Each chunk is one record: Node's stream buffering batches them into socket writes.
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Readable.from(chunks, { objectMode: false }));
}

/**
 * Exports of the figures as CSV (RFC 4180, formula-safe) and JSON, one statement a row: the current
 * figures streamed a page at a time, and one figure's history.
 */
export function exportRoutes(
  app: FastifyInstance,
  reads: ProjectionReads,
  options: { /** @defaultValue EXPORT_PAGE_SIZE */ pageSize?: number } = {},
): void {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'read' as const };

  for (const format of ['csv', 'json'] as const) {
    const type = format === 'csv' ? CSV_TYPE : JSON_TYPE;
    const encode = format === 'csv' ? asCsv : asJson;
    r.get(
      `/figures.${format}`,
      {
        config,
        schema: {
          tags: ['figures'],
          summary: `Current figures as ${format.toUpperCase()}`,
          description: `Every figure's current statement, one row each in key order (a figure with no statement yet has its statement's cells empty), streamed as it is read. Columns: ${columnList}. ${
            format === 'csv'
              ? "RFC 4180 (CRLF, quoted fields with doubled quotes); a text cell starting with `=`, `+`, `-`, `@`, a tab or CR is prefixed with `'` so a spreadsheet shows it instead of running it. `source_urls` lists the first sources, space-separated (all of them: the history export)."
              : 'A JSON array of objects keyed by those column names. `source_urls` lists the first sources, space-separated (all of them: the history export).'
          }`,
          produces: [type.split(';')[0]!],
          response: { 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (_request, reply) => sendFile(reply, type, `tally-figures.${format}`, encode(currentRows(reads, pageSize))),
    );

    r.get(
      `/figures/:key/history.${format}`,
      {
        config,
        schema: {
          tags: ['figures'],
          summary: `One figure's history as ${format.toUpperCase()}`,
          description: `Every statement of the figure, oldest first, one row each (\`current\` marks the current one), with every source's URL in \`source_urls\`. Columns as \`GET /figures.${format}\`.`,
          params: FigureParams,
          produces: [type.split(';')[0]!],
          response: { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const figure = await reads.getFigure(request.params.key);
        if (!figure) throw new ApiError('TALLY_ERR_FIGURE_NOT_FOUND', `no figure with key ${request.params.key}`);
        const name = `${fileNameOf(figure.figureKey)}-history.${format}`;
        return sendFile(reply, type, name, encode(historyRows(figure)));
      },
    );
  }
}
