import { qualifierOf } from './qualifiers.ts';
import type {
  AlsoPublishedBy,
  ArticleRefs,
  FigureClaim,
  Statement,
  StatementSource,
  StoredStatement,
} from './Statement.ts';

/** The outlet of a source: its site name, else the URL's host without `www.`. */
export function outletOf(siteName: string | null, url: string | null): string {
  const name = siteName?.trim();
  if (name) return name;
  if (url) {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return url;
    }
  }
  return 'unknown outlet';
}

/** A stored statement with its sources filled in from the figure's claims and article references. */
export function expandStatement(
  statement: StoredStatement,
  claims: ReadonlyMap<string, FigureClaim>,
  articles: ArticleRefs,
): Statement {
  const sources = statement.sources.map((src): StatementSource => {
    const c = claims.get(src.claimId)!;
    const origin = src.articleId;
    const own = c.articleId === origin;
    const ref = articles.get(origin);
    const siteName = ref?.siteName ?? (own ? c.siteName : null);
    const url = ref?.url ?? (own ? c.url : null);
    return {
      articleId: origin,
      outlet: outletOf(siteName, url),
      siteName,
      url,
      feedId: ref?.feedId ?? null,
      feedIds: ref?.feedIds ?? [],
      publishedAt: ref?.publishedAt ?? (own ? c.publishedAt : null),
      claimId: c.claimId,
      sentence: c.sentence,
      span: c.span,
      bound: c.bound,
      qualifier: qualifierOf[c.bound],
      value: c.value,
      range: c.range,
      statedAt: c.statedAt,
      speaker: c.speaker,
      change: c.change,
      changeBy: c.changeBy,
      changeUnit: c.changeUnit,
      previous: c.previous,
      period: c.period,
      hedged: c.hedged,
      quotedFrom: own ? null : c.articleId,
      mentions: src.mentions,
      alsoPublishedBy: src.copies.map((copy): AlsoPublishedBy => {
        const copyRef = articles.get(copy.articleId);
        const copyClaim = copy.claimId ? claims.get(copy.claimId) : undefined;
        const copySite = copyRef?.siteName ?? copyClaim?.siteName ?? null;
        const copyUrl = copyRef?.url ?? copyClaim?.url ?? null;
        return {
          articleId: copy.articleId,
          outlet: outletOf(copySite, copyUrl),
          siteName: copySite,
          url: copyUrl,
          feedId: copyRef?.feedId ?? null,
          similarity: copyRef?.duplicateOf?.similarity ?? null,
          method: copyRef?.duplicateOf?.method ?? null,
          claimId: copyClaim?.claimId ?? null,
          bound: copyClaim?.bound ?? null,
          qualifier: copyClaim ? qualifierOf[copyClaim.bound] : null,
        };
      }),
    };
  });
  return { ...statement, sources };
}
