/** Options of `createDedupeIndex`. */
export interface DedupeIndexOptions {
  /**
   * Key prefix; becomes the Redis Cluster hash tag `{prefix}`, so every key of one index lives in
   * one slot (an index is one shard; run several with different prefixes to spread load).
   * @defaultValue 'tally:dedupe'
   */
  prefix?: string;
  /**
   * Documents older than this are forgotten (by insertion time), which bounds memory under
   * continuous ingestion. Expiry runs in 32 slices: a document lives between 31/32 of the window and
   * the whole window.
   * @defaultValue 30
   */
  windowDays?: number;
  /**
   * Estimated Jaccard similarity of 4-word shingles from which a document is a copy.
   * @defaultValue DEFAULT_THRESHOLD from `@tally/dedupe` (0.4)
   */
  threshold?: number;
  /**
   * The same between two documents of one source. Higher, because until the source's boilerplate is
   * learned (its first few articles) two of its articles share it; after that it costs little, since
   * a source's own copies (updated versions at a new address) share its boilerplate too.
   * @defaultValue DEFAULT_SAME_SOURCE_THRESHOLD from `@tally/dedupe` (0.5), or `threshold` if higher
   */
  sameSourceThreshold?: number;
  /**
   * Learn what each source repeats (documents with a `url`): a sentence that this many other recent
   * documents of the source had is left out of its fingerprints. `false` fingerprints every text whole.
   * @defaultValue 3
   */
  sourceBoilerplate?: number | false;
  /**
   * A document that leaving out what its source repeats leaves with less than this share of its
   * shingles is checked as a whole text too, when the check without the repeats finds nothing and
   * most of its repeats are new to its source's bins (see wholeText.lua). What a host carried four
   * times is learnt as its boilerplate even when it is a story (a wire story on a platform of several
   * outlets, an outlet's third update at a new address): left out, its next version keeps a few stray
   * shingles and no match. 0 never looks twice (a text of nothing but repeats is still checked
   * whole). 0, 0.3, 0.5 and 1 scored alike on the hard set (draws 1-20).
   * @defaultValue 0.5
   */
  wholeTextBelow?: number;
  /**
   * Sentences remembered per source, in each of two generations (see sourceSentences.lua): about
   * 35 bytes each in Redis, so at most ~35 KB for a source that publishes a lot. A generation holds
   * the sentences of some 15 to 25 articles: what a source repeats less often than every 30 or so
   * articles (one author's bio among many) is not learnt. 256 to 1,024 scored alike on the hard set.
   * @defaultValue 512
   */
  sourceMemory?: number;
  /**
   * The clock, in ms since the epoch. By default the Redis server's clock, so that every worker
   * agrees on the time; tests pass their own.
   */
  now?: () => number;
  /**
   * Documents per script call in `checkAndInsertMany` and `checkAndInsertFingerprinted` (the calls
   * of one request are pipelined). A call is atomic and holds Redis for its whole batch, so the
   * batch is kept small enough (about a millisecond of Redis time for 16) not to stall the queues
   * that share the server; larger batches save little more.
   * @defaultValue 16
   */
  batchSize?: number;
}
