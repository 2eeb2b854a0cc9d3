import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedis } from './redisServer.ts';

/** One command over RESP, its whole reply as text (enough for SET and GET of short strings). */
function command(url: string, ...args: string[]): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let reply = '';
    socket.on('data', (d) => {
      reply += d.toString();
      if (/^(\+|-|:).*\r\n$|^\$-1\r\n$|^\$\d+\r\n.*\r\n$/s.test(reply)) {
        socket.end();
        resolve(reply);
      }
    });
    socket.on('error', reject);
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
  });
}

describe('a private redis-server', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-redis-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('given a data directory, has its data again after a restart', async () => {
    const dataDir = freshDir();
    const first = await startRedis({ dataDir });
    expect(await command(first.url, 'SET', 'tally:kept', 'yes')).toBe('+OK\r\n');
    await first.stop();
    const second = await startRedis({ dataDir });
    try {
      expect(await command(second.url, 'GET', 'tally:kept')).toBe('$3\r\nyes\r\n');
    } finally {
      await second.stop();
    }
  });

  it('without one, starts empty every time', async () => {
    const first = await startRedis();
    expect(await command(first.url, 'SET', 'tally:kept', 'yes')).toBe('+OK\r\n');
    await first.stop();
    const second = await startRedis();
    try {
      expect(await command(second.url, 'GET', 'tally:kept')).toBe('$-1\r\n');
    } finally {
      await second.stop();
    }
  });
});
