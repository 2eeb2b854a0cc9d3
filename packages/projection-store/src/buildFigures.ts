import type { ClaimExtracted } from '@tally/events';
import {
  createProjectionSet,
  type FigureArticleFacts,
  FigureClaims,
  type FigureMark,
  type ProjectionSetOptions,
} from '@tally/projections';
import { type SerializedRow, serializeRow } from './projectionTables.ts';

/** What `FigureWorker` sends its thread. JSON travels as text: copied, not cloned object by object. */
export type FigureRequest =
  /** Claims, in log order: the JSON of `[position, data]` pairs. */
  | { op: 'claims'; json: string }
  /** The facts of every article a figure may read: the JSON of a `FigureArticleFacts` array. */
  | { op: 'articles'; json: string }
  /** Rows to make, finalize and serialize: the JSON of a `FigureMark` array. */
  | { op: 'build'; id: number; json: string };

/**
 * A rebuild's figures, made where the claims were gathered: `claims` gathers, `articles` gives the
 * facts, `build` makes each marked figure's row (`FigureClaims.row`), finalizes it and serializes it
 * for `ProjectionTables.writeSerialized`. Answers `build` with the rows, in the marks' order.
 */
export function figureBuilder(options: ProjectionSetOptions) {
  const figures = createProjectionSet(options).get('figures');
  const claims = new FigureClaims();
  let facts = new Map<string, FigureArticleFacts>();
  const lookup = { article: (id: string) => facts.get(id) ?? null };
  return (request: FigureRequest): SerializedRow[] | null => {
    switch (request.op) {
      case 'claims': {
        for (const [position, data] of JSON.parse(request.json) as [number, ClaimExtracted][]) {
          const { figureKey, ...claim } = data;
          claims.addClaim(figureKey, { ...claim, position });
        }
        return null;
      }
      case 'articles': {
        facts = new Map((JSON.parse(request.json) as FigureArticleFacts[]).map((f) => [f.articleId, f]));
        return null;
      }
      case 'build': {
        const marks = JSON.parse(request.json) as FigureMark[];
        return marks.map((mark) => serializeRow('figures', mark.figureKey, figures.finalize(claims.row(mark, lookup))));
      }
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  };
}
