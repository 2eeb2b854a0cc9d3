import type { QueueSet } from '@tally/queues';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JobDurationSampler } from './JobDurationSampler.ts';
import type { LogCounters } from './LogCounters.ts';

export interface MetricsSources {
  queues: QueueSet;
  counters: LogCounters;
  /** Events between the log head and the projector's checkpoint; null when unknown. */
  projectionLag: () => Promise<number | null>;
  logHead: () => Promise<number>;
  openStreams: () => number;
  /**
   * The process's own metrics, rendered after the API's: the stages' latency histograms and Node's
   * process metrics under their standard names (the runtime's registry).
   */
  process: Registry;
}

export interface ApiMetrics {
  registry: Registry;
  /** Job durations and recent throughput per queue (the pipeline page reads it too). */
  sampler: JobDurationSampler;
  /** Observes one answered request: its route's pattern (never the raw URL), method and status. */
  observeRequest(route: string, method: string, status: number, seconds: number): void;
  /** Brings the log counts and job samples up to date, then renders the exposition text. */
  render(): Promise<string>;
}

/**
 * The API's Prometheus metrics, in a registry of its own (several apps in one process never share
 * series), rendered together with the process's (`sources.process`). Queue depths, projection lag and the log head are read at scrape time; log-derived
 * counters are fed by `LogCounters`, which counts the log incrementally.
 */
export function createMetrics(sources: MetricsSources): ApiMetrics {
  const registry = new Registry();

  new Gauge({
    name: 'tally_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, prioritized, failed, completed).',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await sources.queues.counts();
      for (const [queue, states] of Object.entries(counts)) {
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
      }
    },
  });

  const durations = new Histogram({
    name: 'tally_job_duration_seconds',
    help: 'Time from a job starting to finishing, per queue and outcome (sampled from the finished-job sets).',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const requests = new Histogram({
    name: 'tally_http_request_duration_seconds',
    help: 'API requests from arrival to the last byte of the answer, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const sampler = new JobDurationSampler((queue, outcome, seconds) => durations.observe({ queue, outcome }, seconds));

  const events = new Counter({
    name: 'tally_events_appended_total',
    help: 'Events in the log, by type (counted from the log).',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const fetches = new Counter({
    name: 'tally_fetch_outcomes_total',
    help: 'Outcomes of feed polls, article fetches and extractions: ok, not-modified or a reason code.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const verdicts = new Counter({
    name: 'tally_dedupe_verdicts_total',
    help: 'Articles found to be copies of earlier ones, by detection method.',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  sources.counters.onEvent((e) => {
    events.inc({ type: e.type });
    switch (e.type) {
      case 'ArticleFetched':
        fetches.inc({ kind: 'article', outcome: 'ok' });
        break;
      case 'ArticleFetchFailed':
        fetches.inc({ kind: 'article', outcome: e.data.reason });
        break;
      case 'FeedPolled':
        fetches.inc({ kind: 'feed', outcome: e.data.notModified ? 'not-modified' : 'ok' });
        break;
      case 'FeedPollFailed':
        fetches.inc({ kind: 'feed', outcome: e.data.reason });
        break;
      case 'ArticleExtracted':
        fetches.inc({ kind: 'extract', outcome: 'ok' });
        break;
      case 'ArticleExtractionFailed':
        fetches.inc({ kind: 'extract', outcome: e.data.reason });
        break;
      case 'ArticleDuplicateDetected':
        verdicts.inc({ method: e.data.method });
        break;
      default:
        break;
    }
  });

  new Gauge({
    name: 'tally_projection_lag_events',
    help: 'Events between the log head and the projector checkpoint (-1 when unknown).',
    registers: [registry],
    async collect() {
      this.set((await sources.projectionLag()) ?? -1);
    },
  });
  new Gauge({
    name: 'tally_log_head_position',
    help: 'The position of the last event in the log.',
    registers: [registry],
    async collect() {
      this.set(await sources.logHead());
    },
  });
  new Gauge({
    name: 'tally_api_open_streams',
    help: 'Open figure streams (Server-Sent Events).',
    registers: [registry],
    collect() {
      this.set(sources.openStreams());
    },
  });

  return {
    registry,
    sampler,
    observeRequest(route, method, status, seconds) {
      requests.observe({ route, method, status: String(status) }, seconds);
    },
    async render() {
      await sources.counters.update();
      await sampler.sample(Object.values(sources.queues.queues));
      return Registry.merge([registry, sources.process]).metrics();
    },
  };
}
