// Worker thread entry. Plain JavaScript because a worker starts without the parent's TypeScript
// loader when the parent runs under a test runner or a bundler; when it does inherit one (the
// parent runs under `tsx` or `node --import tsx`), the first import simply succeeds.
import { parentPort } from 'node:worker_threads';

async function loadRunner() {
  try {
    return await import('./runExtraction.ts');
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    // The failed import is cached under its URL: ask again under another one.
    return await import('./runExtraction.ts?loader=tsx');
  }
}

const { runExtraction } = await loadRunner();
parentPort.on('message', (request) => parentPort.postMessage(runExtraction(request)));
parentPort.postMessage({ ready: true });
