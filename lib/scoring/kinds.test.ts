import { describe, expect, it } from 'vitest';
import { valueRangeProblem } from './kinds';

describe('valueRangeProblem', () => {
  it('wants counts to be whole numbers ≥ 0', () => {
    expect(valueRangeProblem({ code: 'c', kind: 'count' }, 12)).toBeNull();
    expect(valueRangeProblem({ code: 'c', kind: 'count' }, 1.5)).toMatch(/whole number/);
    expect(valueRangeProblem({ code: 'c', kind: 'count' }, -1)).toMatch(/whole number/);
  });
  it('wants rates as fractions in [0, 1]', () => {
    expect(valueRangeProblem({ code: 'r', kind: 'rate' }, 0.97)).toBeNull();
    expect(valueRangeProblem({ code: 'r', kind: 'rate' }, 97)).toMatch(/0\.97, not 97%/);
  });
  it('wants scores in [0, 100]', () => {
    expect(valueRangeProblem({ code: 's', kind: 'score' }, 100)).toBeNull();
    expect(valueRangeProblem({ code: 's', kind: 'score' }, 101)).toMatch(/between 0 and 100/);
  });
  it('accepts any finite number without a kind, never a non-finite one', () => {
    expect(valueRangeProblem({ code: 'x' }, -1e9)).toBeNull();
    expect(valueRangeProblem({ code: 'x' }, Number.NaN)).toMatch(/finite/);
  });
});
