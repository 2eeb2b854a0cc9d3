// Worker thread entry of `SerializeWorker`. Plain JavaScript because a worker starts without the
// parent's TypeScript loader when the parent runs under a test runner; when it does inherit one
// (the parent runs under `tsx` or `node --import tsx`), the first import simply succeeds.
import { parentPort, workerData } from 'node:worker_threads';

async function loadRunner() {
  try {
    return await import('./serializeRows.ts');
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    // The failed import is cached under its URL: ask again under another one.
    return await import('./serializeRows.ts?loader=tsx');
  }
}

const { rowSerializer } = await loadRunner();
const serialize = rowSerializer(workerData);
parentPort.on('message', (request) => {
  try {
    parentPort.postMessage({ id: request.id, rows: serialize(request.name, request.rows) });
  } catch (err) {
    parentPort.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort.postMessage({ ready: true });
