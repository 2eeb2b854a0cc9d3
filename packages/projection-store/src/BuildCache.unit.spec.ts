import type { ProjectionRow } from '@tally/projections';
import { describe, expect, it } from 'vitest';
import { BuildCache } from './BuildCache.ts';

const row = (position: number): ProjectionRow => ({ position });

describe('BuildCache eviction', () => {
  it('takes the least recently used rows out first', () => {
    const cache = new BuildCache(10);
    for (const key of ['a', 'b', 'c']) {
      cache.touch();
      cache.changed('articles', key, row(1));
    }
    cache.touch();
    cache.lookup('articles', ['a']);

    const out = cache.evict(1);

    expect(out.map((e) => e.key)).toEqual(['b', 'c']);
    expect(cache.lookup('articles', ['a', 'b', 'c']).misses).toEqual(['b', 'c']);
  });

  it('returns only the dirty rows it takes out', () => {
    const cache = new BuildCache(10);
    cache.loaded('articles', 'read back', row(1));
    cache.changed('articles', 'changed', row(2));

    expect(cache.evict(0).map((e) => e.key)).toEqual(['changed']);
    expect(cache.size).toBe(0);
  });
});
