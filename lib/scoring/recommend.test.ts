import { describe, expect, it } from 'vitest';
import { weakestIndex } from './recommend';

describe('recommendation facts', () => {
  it('name the weakest dimension only when it is below another; a dimension without a score is skipped', () => {
    expect(weakestIndex([70, 61.25, 80])).toBe(1);
    expect(weakestIndex([50, 50])).toBeNull();
    expect(weakestIndex([Number.NaN, 40, 60])).toBe(1);
    expect(weakestIndex([Number.NaN, 40])).toBeNull();
    expect(weakestIndex([])).toBeNull();
  });
});
