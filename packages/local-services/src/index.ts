export { findBinary, postgresBinDirs } from './findBinary.ts';
export { freePort } from './freePort.ts';
export { providePostgres, startPostgres } from './postgresServer.ts';
export {
  ensureRedisServer,
  type LocalServer,
  MissingBinaryError,
  pingRedis,
  provideRedis,
  type StartRedisOptions,
  startRedis,
} from './redisServer.ts';
