import type { AllowedViolation, HouseRules, Layer } from './checkHouse.ts';
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
  '@tally/evaluations': 'support',
  '@tally/architecture': 'support',
};

/** Tally's rules (see STYLE.md, "Layout"). A package not named above is a service when it lives in services/. */
export const houseRules: HouseRules = {
  layerOf(pkg: WorkspacePackage): Layer {
    const layer = LAYERS[pkg.name];
    if (layer) return layer;
    if (pkg.dir.startsWith('services/')) return 'service';
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
  ],
  allowed: [
    // Benches that live inside the domain package they measure and drive it through the stores,
    // the fetcher or the whole pipeline. Declaring what they import would make the package depend
    // on packages that depend on it. They leave for a tools workspace of their own, with declared
    // dependencies, in the redesign that sets support code apart; then these entries go.
    ...benchReachingOut('packages/dedupe/bench/dedupe.bench.ts', {
      undeclared: ['@tally/dedupe-index'],
      outward: ['@tally/dedupe-index', '@tally/local-services', 'ioredis'],
    }),
    ...benchReachingOut('packages/dedupe/bench/sourcesRun.ts', {
      undeclared: ['@tally/dedupe-index'],
      outward: ['@tally/dedupe-index', 'ioredis'],
    }),
    ...benchReachingOut('packages/feeds/bench/feeds.bench.ts', {
      undeclared: [
        '@tally/config',
        '@tally/event-store',
        '@tally/events',
        '@tally/http-fetch',
        '@tally/local-services',
        '@tally/logger',
        '@tally/pipeline',
      ],
      outward: [
        '@tally/config',
        '@tally/event-store',
        '@tally/http-fetch',
        '@tally/local-services',
        '@tally/logger',
        '@tally/pipeline',
      ],
    }),
    ...benchReachingOut('packages/projections/bench/projector.bench.ts', {
      undeclared: ['@tally/projection-store'],
      outward: ['@tally/config', '@tally/event-store', '@tally/local-services', '@tally/projection-store'],
    }),
  ],
};

function benchReachingOut(
  file: string,
  imports: { undeclared: readonly string[]; outward: readonly string[] },
): AllowedViolation[] {
  const why = 'a bench inside the domain package it measures (moves to a tools workspace)';
  return [
    ...imports.undeclared.map((to) => ({ key: `undeclared-package ${file} -> ${to}`, why })),
    ...imports.outward.map((to) => ({ key: `domain-reaches-out ${file} -> ${to}`, why })),
  ];
}
