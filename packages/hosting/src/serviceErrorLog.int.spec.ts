import { createServer } from 'node:net';
import { loadConfig } from '@tally/config';
import { createLogger } from '@tally/logger';
import { describe, expect, it } from 'vitest';
import { runService } from './runService.ts';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a service that cannot reach its servers yet', () => {
  it('logs the error as an error object: message and stack, not the message alone', async () => {
    const port = await closedPort();
    const lines: Record<string, unknown>[] = [];
    let stop: (sig: NodeJS.Signals) => void = () => {};
    const stopWhen = new Promise<NodeJS.Signals>((resolve) => {
      stop = resolve;
    });
    const log = createLogger({
      level: 'warn',
      stream: {
        write(line: string) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
          stop('SIGTERM');
        },
      },
    });
    const config = loadConfig(
      { REDIS_URL: `redis://127.0.0.1:${port}`, DATABASE_URL: `postgres://tally@127.0.0.1:${port}/tally` },
      {},
    );
    await runService(['fetcher'], config, log, undefined, { stopWhen });
    const retry = lines.find((l) => l.msg === 'cannot open the log or Redis yet');
    expect(retry).toBeDefined();
    const err = retry!.err as { type?: string; message?: string; stack?: string };
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(err.stack).toMatch(/ECONNREFUSED[\s\S]*\n\s+at /);
    expect(retry!.attempt).toBe(1);
  });
});
