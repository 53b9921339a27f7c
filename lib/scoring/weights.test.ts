import { describe, expect, it } from 'vitest';
import { layoutOf } from './layout';
import { indicator, testScheme } from './test-support';
import { effectiveWeights, normaliseWeights } from './weights';
import { entropyWeights, unitMinMax } from './entropy';

const dimensions = [
  { code: 'a', name: 'a', weight: 2, indicators: [indicator('a1', { weight: 1 }), indicator('a2', { weight: 3 })] },
  { code: 'b', name: 'b', weight: 6, indicators: [indicator('b1', { weight: 5 }), indicator('b2', { weight: 5, direction: 'lower' }), indicator('b3', { weight: 0 })] },
];
// Transformed values for 4 departments, per indicator in scheme order.
const columns = [
  [1, 2, 3, 4],
  [5, 5, 5, 5],
  [10, 0, 0, 0],
  [1, 2, 2, 9],
  [3, NaN, 1, 2],
].map((c) => Float64Array.from(c));

const weightsFor = (weighting: object, extra: object = {}) => {
  const scheme = testScheme(dimensions, { weighting, ...extra });
  return effectiveWeights(scheme, layoutOf(scheme), columns);
};
const list = (a: Float64Array) => Array.from(a);

describe('effective weights', () => {
  it('expert: normalises the written weights within each dimension and across dimensions', () => {
    const w = weightsFor({ method: 'expert' });
    expect(list(w.dimensions)).toEqual([0.25, 0.75]);
    expect(list(w.indicators)).toEqual([0.25, 0.75, 0.5, 0.5, 0]);
  });

  it('equal: 1/n at both levels', () => {
    const w = weightsFor({ method: 'equal' });
    expect(list(w.dimensions)).toEqual([0.5, 0.5]);
    expect(list(w.indicators)).toEqual([0.5, 0.5, 1 / 3, 1 / 3, 1 / 3]);
  });

  it('entropy: indicators from the data within each dimension, dimension weights as written', () => {
    const w = weightsFor({ method: 'entropy' });
    expect(list(w.dimensions)).toEqual([0.25, 0.75]);
    const a = entropyWeights([unitMinMax(columns[0], 'higher'), unitMinMax(columns[1], 'higher')]);
    const b = entropyWeights([2, 3, 4].map((i) => unitMinMax(columns[i], i === 3 ? 'lower' : 'higher')));
    expect(list(w.indicators)).toEqual([...a, ...b]);
    // a2 is constant: no information, no weight.
    expect(list(a)).toEqual([1, 0]);
  });

  it('combined: alpha·expert + (1 − alpha)·entropy per indicator', () => {
    const expert = weightsFor({ method: 'expert' }).indicators;
    const entropy = weightsFor({ method: 'entropy' }).indicators;
    const w = weightsFor({ method: 'combined', alpha: 0.3 });
    list(w.indicators).forEach((x, i) => expect(x).toBeCloseTo(0.3 * expert[i] + 0.7 * entropy[i], 15));
    expect(list(w.dimensions)).toEqual([0.25, 0.75]);
  });

  it('ahp: eigenvector weights from the matrices, with their consistency recorded', () => {
    const w = weightsFor({
      method: 'ahp',
      ahp: {
        dimensions: [
          [1, '1/3'],
          [3, 1],
        ],
        indicators: {
          a: [
            [1, 4],
            ['1/4', 1],
          ],
          b: [
            [1, 2, 4],
            ['1/2', 1, 2],
            ['1/4', '1/2', 1],
          ],
        },
      },
    });
    expect(list(w.dimensions).map((x) => Number(x.toFixed(12)))).toEqual([0.25, 0.75]);
    expect(list(w.indicators).map((x) => Number(x.toFixed(12)))).toEqual([0.8, 0.2, 4 / 7, 2 / 7, 1 / 7].map((x) => Number(x.toFixed(12))));
    expect(w.ahp?.indicators.b.cr).toBeLessThan(1e-9);
  });

  it('normaliseWeights falls back to equal weights for an all-zero vector', () => {
    expect(list(normaliseWeights([0, 0]))).toEqual([0.5, 0.5]);
  });
});
