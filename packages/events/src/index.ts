export * from './articleStream.ts';
export * from './catalog.ts';
export * from './envelope.ts';
export * from './feedStream.ts';
export * from './figureStream.ts';
export * from './reasons.ts';
export * from './streams.ts';
export * from './upcasters.ts';
