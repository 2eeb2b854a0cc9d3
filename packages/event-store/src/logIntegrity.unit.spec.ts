import { describe, expect, it } from 'vitest';
import { judgeCensus } from './logIntegrity.ts';

describe('judging what a log holds against its manifest', () => {
  it('takes a log at or past its manifest, without holes, as whole', () => {
    expect(judgeCensus({ head: 242, events: 242 }, 242)).toBeNull();
    expect(judgeCensus({ head: 250, events: 250 }, 242)).toBeNull();
    expect(judgeCensus({ head: 0, events: 0 }, undefined)).toBeNull();
  });

  it('names a log behind its manifest', () => {
    expect(judgeCensus({ head: 84, events: 84 }, 242)).toMatchObject({ code: 'log-behind-manifest' });
  });

  it('names positions missing inside the log, with or without a manifest', () => {
    expect(judgeCensus({ head: 242, events: 84 }, 242)).toMatchObject({ code: 'log-holes' });
    expect(judgeCensus({ head: 242, events: 84 }, undefined)).toMatchObject({ code: 'log-holes' });
  });
});
