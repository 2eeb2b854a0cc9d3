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
  /**
   * What figures read of articles, as it changed: the JSON of `[facts, removed]`, a
   * `FigureArticleFacts` array and the ids of articles deleted since.
   */
  | { op: 'articles'; json: string }
  /** Rows to make, finalize and serialize: the JSON of a `FigureMark` array. */
  | { op: 'build'; id: number; json: string };

/**
 * A rebuild's figures, made where the claims were gathered: `claims` gathers, `articles` keeps the
 * facts as they change, `build` makes each marked figure's row (`FigureClaims.row`), finalizes it
 * and serializes it for `ProjectionTables.writeSerialized`. Answers `build` with the rows, in the
 * marks' order.
 */
export function figureBuilder(options: ProjectionSetOptions) {
  const figures = createProjectionSet(options).get('figures');
  const claims = new FigureClaims();
  const facts = new Map<string, FigureArticleFacts>();
  const lookup = { article: (id: string) => facts.get(id) ?? null };
  return (request: FigureRequest): SerializedRow[] | null => {
    switch (request.op) {
      case 'claims': {
        for (const [position, data] of JSON.parse(request.json) as [number, ClaimExtracted][]) {
          claims.addExtracted(data, position);
        }
        return null;
      }
      case 'articles': {
        const [changed, removed] = JSON.parse(request.json) as [FigureArticleFacts[], string[]];
        for (const f of changed) facts.set(f.articleId, f);
        for (const id of removed) facts.delete(id);
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
