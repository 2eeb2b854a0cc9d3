import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * How long the stages' work takes, as Prometheus histograms, in a registry of this process's own
 * together with Node's default process metrics under their standard names (`process_cpu_seconds_total`,
 * `nodejs_heap_size_used_bytes`, …), so stock Node dashboards read them. Tally's own series are
 * prefixed `tally_`. Every long-running process has one (the runtime makes it); the metrics server
 * and the API's `/metrics` render it.
 */
export interface StageMetrics {
  registry: Registry;
  /** An HTTP fetch of a feed or an article page, redirects included: `kind` feed|article, `outcome` ok, not-modified or the failure's reason code. */
  fetchSeconds: Histogram<'kind' | 'outcome'>;
  /** Extracting an article page's text in the extraction pool: `outcome` ok or the reason code. */
  extractSeconds: Histogram<'outcome'>;
  /** Analysing an extracted article (claims, the dedupe check) before its events are appended: `outcome` analyzed, skipped or error. */
  analyzeSeconds: Histogram<'outcome'>;
  /** One append to the log (one transaction, one or several streams): `outcome` ok or error. */
  appendSeconds: Histogram<'outcome'>;
}

/** Bounds from 5 ms to 60 s: a local append is milliseconds, a slow site's page tens of seconds. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export function createStageMetrics(): StageMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Histogram<L>({ name, help, labelNames, buckets: SECONDS, registers: [registry] });
  return {
    registry,
    fetchSeconds: histogram(
      'tally_fetch_duration_seconds',
      'HTTP fetches of feeds and article pages, redirects included, by kind and outcome.',
      ['kind', 'outcome'],
    ),
    extractSeconds: histogram(
      'tally_extract_duration_seconds',
      'Extraction of article text in the extraction pool, by outcome.',
      ['outcome'],
    ),
    analyzeSeconds: histogram(
      'tally_analyze_duration_seconds',
      'Analysis of an extracted article (claims, dedupe check) before its events are appended, by outcome.',
      ['outcome'],
    ),
    appendSeconds: histogram(
      'tally_append_duration_seconds',
      'Appends to the event log (one transaction each), by outcome.',
      ['outcome'],
    ),
  };
}

/** Runs `work` and observes how long it took, labelled by what `outcomeOf` says of its result or error. */
export async function timed<T>(
  histogram: Histogram<'outcome'>,
  work: () => Promise<T>,
  outcomeOf: (result: { value: T } | { error: unknown }) => string,
): Promise<T> {
  const end = histogram.startTimer();
  try {
    const value = await work();
    end({ outcome: outcomeOf({ value }) });
    return value;
  } catch (error) {
    end({ outcome: outcomeOf({ error }) });
    throw error;
  }
}
