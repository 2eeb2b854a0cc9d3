export { dieWithOwner, type OwnerWatch } from './dieWithOwner.ts';
export { findBinary, postgresBinDirs } from './findBinary.ts';
export { freePort } from './freePort.ts';
export { providePostgres, startPostgres } from './postgresServer.ts';
export {
  isAlive,
  isRedisServer,
  OWNER_FILE,
  RedisDirInUseError,
  type RedisOwnerRecord,
  readOwnerRecord,
  stopOrphanedRedis,
} from './redisOwnerRecord.ts';
export {
  ensureRedisServer,
  type LocalServer,
  MissingBinaryError,
  pingRedis,
  provideRedis,
  type StartRedisOptions,
  startRedis,
} from './redisServer.ts';
