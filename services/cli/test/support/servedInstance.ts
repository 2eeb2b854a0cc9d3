import { buildApp } from '@tally/api';
import { loadConfig } from '@tally/config';
import { apiPorts } from '@tally/hosting';
import type {} from '@tally/local-services/vitest-setup';
import { silentLogger } from '@tally/logger';
import { openRuntime, type Runtime } from '@tally/pipeline';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { recordRunningInstance } from '../../src/runningInstance.ts';

export interface ServedInstance {
  runtime: Runtime;
  app: FastifyInstance;
  /** Forgets the running instance's record, stops serving, closes the runtime. */
  close(): Promise<void>;
}

/**
 * The test process playing the running instance: it holds the embedded log of `dataDir`, serves the
 * API on loopback with `token`, and leaves the record by which a `tally` command finds it.
 */
export async function servedInstance(
  dataDir: string,
  { queuePrefix, token }: { queuePrefix: string; token: string },
): Promise<ServedInstance> {
  const config = loadConfig(
    {
      TALLY_DATA_DIR: dataDir,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: `${queuePrefix}-${process.pid}`,
      API_HOST: '127.0.0.1',
      API_TOKEN: token,
      LOG_LEVEL: 'silent',
    },
    {},
  );
  const runtime = await openRuntime(config, silentLogger, { extractPool: false });
  const app = await buildApp({ ...apiPorts(runtime), config, logger: silentLogger });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  const record = recordRunningInstance(dataDir, `http://127.0.0.1:${address.port}`, 'start');
  return {
    runtime,
    app,
    async close() {
      record.remove();
      await app.close();
      await runtime.close();
    },
  };
}
