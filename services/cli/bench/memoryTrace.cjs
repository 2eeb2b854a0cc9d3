// Preloaded into the ingest process by `npm run bench -- --trace-memory`: one line of the main
// thread's memory every two seconds on stderr, so heap growth can be told apart from growth
// elsewhere (worker threads, native buffers).
const started = Date.now();
setInterval(() => {
  const m = process.memoryUsage();
  process.stderr.write(
    `tally-bench-memory ${JSON.stringify({ s: Math.round((Date.now() - started) / 1000), rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
  );
}, 2000).unref();
