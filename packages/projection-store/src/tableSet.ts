/** Where a projector writes: the live tables, or the ones a rebuild fills before the swap. */
export type TableSet = 'live' | 'build';
