// The API as a service of its own: REST, live stream, figures page, queue dashboard, metrics.
import { buildApp } from '@tally/api';
import { loadConfig } from '@tally/config';
import { apiPorts, runService } from '@tally/hosting';
import { createLogger } from '@tally/logger';

const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'tally-api' });
await runService([], config, logger, async (runtime) => {
  const app = await buildApp({ ...apiPorts(runtime), config, logger });
  const url = await app.listen({ host: config.API_HOST, port: config.API_PORT });
  logger.info({ url }, 'api listening');
  return { close: () => app.close() };
});
