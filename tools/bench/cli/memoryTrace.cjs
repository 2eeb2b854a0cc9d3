// Preloaded into the ingest process by `npm run bench -- --trace-memory` (Node runs preloads in
// worker threads too): every two seconds one line per thread on stderr with its V8 heap (used and
// reserved) beside the process's RSS, so growth of the main heap, of the extraction threads' heaps
// and of native memory can be told apart.
const { isMainThread, threadId } = require('node:worker_threads');
const v8 = require('node:v8');
const started = Date.now();
setInterval(() => {
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  process.stderr.write(
    `tally-bench-memory ${JSON.stringify({ s: Math.round((Date.now() - started) / 1000), thread: isMainThread ? 0 : threadId, rss: m.rss, heapUsed: h.used_heap_size, heapTotal: h.total_heap_size, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
  );
}, 2000).unref();
