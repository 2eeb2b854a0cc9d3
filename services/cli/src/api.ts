import { buildApp } from '@tally/api';
import type { Config } from '@tally/config';
import type { Logger } from '@tally/logger';
import type { Runtime } from '@tally/pipeline';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApi(rt: Runtime, config: Config, log: Logger): Promise<RunningApi> {
  const app = await buildApp({ runtime: rt, config, logger: log });
  const address = await app.listen({ host: config.API_HOST, port: config.API_PORT });
  return { url: address.replace('[::1]', 'localhost'), close: () => app.close() };
}
