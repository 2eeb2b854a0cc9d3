import { describe, expect, it } from 'vitest';
import { compileFigurePattern } from './figurePattern.ts';

describe('figure-key patterns', () => {
  it('matches whole keys, * standing for any run of characters', () => {
    const transfers = compileFigurePattern('transfer:*');
    expect(transfers('transfer:KP>RU:container')).toBe(true);
    expect(transfers('stock:RU:artillery-shell')).toBe(false);
    const containers = compileFigurePattern('*:container');
    expect(containers('transfer:KP>RU:container')).toBe(true);
    expect(containers('transfer:KP>RU:container-ship')).toBe(false);
    expect(compileFigurePattern('*')('anything at all')).toBe(true);
    expect(compileFigurePattern('aid:US>UA:military')('aid:US>UA:military')).toBe(true);
    expect(compileFigurePattern('aid:US>UA:military')('aid:US>UA:military2')).toBe(false);
  });

  it('takes every other character literally', () => {
    const p = compileFigurePattern('rate:(US).?[a]*');
    expect(p('rate:(US).?[a]-anything')).toBe(true);
    expect(p('rate:US.?[a]')).toBe(false);
    expect(p('rate:(US)x?[a]')).toBe(false);
  });

  it('refuses an empty or over-long pattern', () => {
    expect(() => compileFigurePattern('')).toThrow(RangeError);
    expect(() => compileFigurePattern('x'.repeat(513))).toThrow(RangeError);
  });
});
