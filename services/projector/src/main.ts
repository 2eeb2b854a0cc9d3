// The projector as a service of its own (distributed mode: REDIS_URL and DATABASE_URL point at shared servers).
import { loadConfig } from '@tally/config';
import { runService } from '@tally/hosting';
import { createLogger } from '@tally/logger';

const config = loadConfig();
await runService(['projector'], config, createLogger({ level: config.LOG_LEVEL, name: 'tally-projector' }));
