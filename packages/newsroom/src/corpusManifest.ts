import type { Corpus, CorpusManifest } from './Corpus.ts';

export function corpusManifest(corpus: Corpus, origin: string): CorpusManifest {
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  return {
    seed: corpus.options.seed,
    origin,
    feeds: corpus.feeds.map((f) => ({
      url: origin + f.path,
      title: f.title,
      format: f.format,
      charset: f.charset,
      outlet: f.outlet,
    })),
    articles: corpus.articles.map((a) => ({
      id: a.id,
      kind: a.kind,
      url: origin + a.path,
      feedLink: origin + a.feedLink,
      feed: origin + a.feedPath,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      title: a.title,
      copyOf: a.copyOf ? origin + byId.get(a.copyOf)!.path : null,
      edits: a.edits,
      text: a.paragraphs.join('\n\n'),
      claims: a.claims,
      targetBytes: a.targetBytes,
    })),
    statements: corpus.statements,
  };
}
