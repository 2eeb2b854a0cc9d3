// What the global setup of @tally/local-services provides to tests (`inject('redisUrl')`).
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    databaseUrl: string;
  }
}
