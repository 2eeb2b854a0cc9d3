/**
 * Resolves on the first SIGINT/SIGTERM; a second one exits at once. A repeat of the first within a
 * second is that same request delivered twice (a terminal's Ctrl+C reaches npm and the service it
 * runs, and npm passes it on again), not a second one.
 */
export function untilShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let first: { sig: NodeJS.Signals; at: number } | null = null;
    const handler = (sig: NodeJS.Signals) => {
      if (!first) {
        first = { sig, at: performance.now() };
        resolve(sig);
      } else if (sig !== first.sig || performance.now() - first.at >= 1000) {
        process.exit(130);
      }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}
