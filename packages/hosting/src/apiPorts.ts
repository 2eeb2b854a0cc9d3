import type { Runtime } from '@tally/pipeline';

/** What the API takes from a process's runtime (`buildApp({ ...apiPorts(rt), config, logger })`): the few ports it uses. */
export function apiPorts(rt: Runtime) {
  return {
    store: rt.store,
    feedCommands: rt.feedCommands,
    queues: rt.queues,
    redis: rt.redis,
    processMetrics: rt.metrics.registry,
    websub: rt.websub,
  };
}
