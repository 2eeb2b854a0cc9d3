export * from './jobs.ts';
export * from './queues.ts';
