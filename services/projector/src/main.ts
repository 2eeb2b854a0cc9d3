// The projector as a service of its own (distributed mode: REDIS_URL and DATABASE_URL point at shared servers).
import { loadConfig } from '@tally/config';
import { createLogger } from '@tally/logger';
import { runService } from '@tally/pipeline';

const config = loadConfig();
await runService(['projector'], config, createLogger({ level: config.LOG_LEVEL, name: 'tally-projector' }));
