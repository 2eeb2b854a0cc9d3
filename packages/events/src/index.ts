export * from './catalog.ts';
export * from './envelope.ts';
export * from './reasons.ts';
export * from './streams.ts';
export * from './upcasters.ts';
