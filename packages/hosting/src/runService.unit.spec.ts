import { loadConfig } from '@tally/config';
import { silentLogger } from '@tally/logger';
import { describe, expect, it } from 'vitest';
import { runService } from './runService.ts';

describe('one stage as a service of its own', () => {
  it('refuses to start without the shared servers, naming what is missing', async () => {
    const alone = loadConfig({ LOG_LEVEL: 'silent' }, {});
    await expect(runService(['fetcher'], alone, silentLogger)).rejects.toThrow(
      /fetcher alone is one part of a distributed deployment: set REDIS_URL and DATABASE_URL/,
    );
    const noLog = loadConfig({ LOG_LEVEL: 'silent', REDIS_URL: 'redis://127.0.0.1:1' }, {});
    await expect(runService(['poller', 'analyzer'], noLog, silentLogger)).rejects.toThrow(/set DATABASE_URL to/);
  });
});
