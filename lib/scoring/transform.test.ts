import { describe, expect, it } from 'vitest';
import { indicator, testScheme } from './test-support';
import { allIndicators } from './layout';
import { transformColumn } from './transform';
import { ScoringInputError } from './validate';

const [logged, plain] = allIndicators(
  testScheme([{ code: 'd', name: 'd', indicators: [indicator('c', { transform: 'log1p' }), indicator('p')] }]),
);

describe('transform', () => {
  it('applies log1p and keeps missing values missing', () => {
    expect(Array.from(transformColumn(Float64Array.from([0, Math.E - 1, NaN]), logged))).toEqual([0, 1, NaN]);
  });
  it('copies values unchanged without a transform', () => {
    const raw = Float64Array.from([-5, 3]);
    const out = transformColumn(raw, plain);
    expect(Array.from(out)).toEqual([-5, 3]);
    expect(out).not.toBe(raw);
  });
  it('rejects values where log1p is undefined', () => {
    expect(() => transformColumn(Float64Array.from([-1]), logged)).toThrow(ScoringInputError);
  });
});
