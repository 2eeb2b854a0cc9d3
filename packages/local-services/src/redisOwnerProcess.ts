/**
 * A process that owns a private Redis, for `redisServer.int.spec.ts`: started as
 * `node --import tsx redisOwnerProcess.ts [dataDir]`, it starts a redis-server, prints
 * `{"url", "pid"}` as one line and runs until it is killed.
 */
import { startRedis } from './redisServer.ts';

const dataDir = process.argv[2];
const server = await startRedis(dataDir ? { dataDir } : {});
process.stdout.write(`${JSON.stringify({ url: server.url, pid: server.pid })}\n`);
setInterval(() => {}, 60_000);
