import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHouse } from './checkHouse.ts';
import { houseRules } from './houseRules.ts';
import { readWorkspace } from './readWorkspace.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('the house', () => {
  const report = checkHouse(readWorkspace(root), houseRules);

  it('keeps its dependency rules: domain packages stay pure, imports are declared, no import circles', () => {
    expect(report.violations.map((v) => `${v.key} (${v.detail})`)).toEqual([]);
  });

  it('lists no allowance that the code no longer needs', () => {
    expect(report.staleAllowances).toEqual([]);
  });
});
