import type { HouseRules, Layer } from './checkHouse.ts';
import type { WorkspacePackage } from './readWorkspace.ts';

const LAYERS: Record<string, Layer> = {
  '@tally/events': 'domain',
  '@tally/feeds': 'domain',
  '@tally/extract': 'domain',
  '@tally/dedupe': 'domain',
  '@tally/claims': 'domain',
  '@tally/projections': 'domain',
  // The write side: each stream's state and a decide per command.
  '@tally/ingest': 'domain',
  // How figures read; pure. The faces word figures with it, and the figures fold its conflict labels.
  '@tally/figure-wording': 'domain',
  '@tally/event-store': 'adapter',
  '@tally/projection-store': 'adapter',
  '@tally/queues': 'adapter',
  '@tally/http-fetch': 'adapter',
  '@tally/dedupe-index': 'adapter',
  '@tally/extract-pool': 'adapter',
  // Webhook registrations (log), deliveries (BullMQ, HTTP under the SSRF guard), the delivery log (Redis).
  '@tally/webhooks': 'adapter',
  '@tally/pipeline': 'pipeline',
  '@tally/api': 'face',
  '@tally/config': 'host',
  '@tally/logger': 'host',
  // Process hosting: a service of pipeline stages, its signals and start-up retries.
  '@tally/hosting': 'host',
  '@tally/local-services': 'support',
  '@tally/newsroom': 'support',
  // Support code apart: evaluations on real material (benches are tools by their folder, tools/*).
  '@tally/evaluations': 'tools',
  '@tally/architecture': 'support',
};

/**
 * Tally's rules (see STYLE.md, "Layout"). A package not named above is a service when it lives in
 * services/, and tools when it lives in tools/.
 */
export const houseRules: HouseRules = {
  layerOf(pkg: WorkspacePackage): Layer {
    const layer = LAYERS[pkg.name];
    if (layer) return layer;
    if (pkg.dir.startsWith('services/')) return 'service';
    if (pkg.dir.startsWith('tools/')) return 'tools';
    throw new Error(`${pkg.name} (${pkg.dir}) has no layer: name it in houseRules`);
  },
  impureModules: ['pg', '@electric-sql/pglite', 'ioredis', 'bullmq', 'pino', 'undici', 'piscina'],
  supportDirs: ['bench', 'corpus', 'labelled', 'conformance'],
  forbidden: [
    {
      from: 'face',
      to: 'pipeline',
      why: 'the API takes the few ports it uses (store, reads, feed commands, queues); the process serving it wires the pipeline',
    },
    ...(['adapter', 'pipeline', 'face', 'host', 'service', 'support'] as const).map((from) => ({
      from,
      to: 'tools' as const,
      why: 'benches and evaluations measure what ships; nothing that ships imports them',
    })),
  ],
  allowed: [],
};
