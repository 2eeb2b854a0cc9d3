// The event store's support for tests: the one suite every backend passes (PostgreSQL and the
// embedded log here; a store outside this package can run it too). It imports vitest.
export { type ConformanceSubject, eventStoreConformance } from './eventStoreConformance.ts';
