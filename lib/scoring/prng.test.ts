import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
  });
  it('yields roughly uniform values in [0, 1)', () => {
    const next = mulberry32(7);
    const values = Array.from({ length: 100_000 }, next);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const lowTenth = values.filter((x) => x < 0.1).length / values.length;
    expect(Math.abs(lowTenth - 0.1)).toBeLessThan(0.01);
  });
});
