// Worker thread entry of `FigureWorker`. Plain JavaScript because a worker starts without the
// parent's TypeScript loader when the parent runs under a test runner; when it does inherit one
// (the parent runs under `tsx` or `node --import tsx`), the first import simply succeeds.
import { parentPort, workerData } from 'node:worker_threads';

async function loadRunner() {
  try {
    return await import('./buildFigures.ts');
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    // The failed import is cached under its URL: ask again under another one.
    return await import('./buildFigures.ts?loader=tsx');
  }
}

const { figureBuilder } = await loadRunner();
const handle = figureBuilder(workerData);
// A request without an id (claims, articles) has no answer; its failure is the answer to the next
// request that has one.
let failure = null;
parentPort.on('message', (request) => {
  try {
    if (failure) throw failure;
    const rows = handle(request);
    if (request.id !== undefined) parentPort.postMessage({ id: request.id, rows });
  } catch (err) {
    failure ??= err;
    if (request.id !== undefined) {
      parentPort.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
    }
  }
});
parentPort.postMessage({ ready: true });
