// The projection store's support for tests: the suites every backend passes (PostgreSQL and the
// embedded log), and the helpers they use to fill a log and read the tables back. They import vitest.
export { appendAll, dumpTables, projectorSuite } from '../projector.suite.ts';
export { searchSuite } from '../search.suite.ts';
