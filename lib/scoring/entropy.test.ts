import { describe, expect, it } from 'vitest';
import { diversification, entropyWeights, unitMinMax } from './entropy';

// Xu, X. (2004). A note on the subjective and objective integrated approach to determine
// attribute weights. European Journal of Operational Research 156(2), 530–532.
// Four alternatives × four benefit attributes; published entropy weights
// 0.4630, 0.3992, 0.1378, 0.0000. Xu takes p_ij = x_ij / Σ_i x_ij on the raw values.
const xu = [
  [30, 30, 38, 29],
  [19, 54, 86, 29],
  [19, 15, 85, 28.9],
  [68, 70, 60, 29],
];
const column = (j: number) => Float64Array.from(xu, (row) => row[j]);

describe('entropy weights', () => {
  it("reproduce Xu (2004)'s published weights when fed the raw values", () => {
    // The p, e, d, w steps are §7's; only §7's min-max pre-step is skipped, as in the paper.
    const weights = entropyWeights([0, 1, 2, 3].map(column));
    expect(Array.from(weights, (w) => Number(w.toFixed(4)))).toEqual([0.463, 0.3992, 0.1378, 0]);
  });

  it('follow the §7 convention (min-max first) on the same example, checked by hand', () => {
    // Column 4 (29, 29, 28.9, 29) min-max scales to (1, 1, 0, 1): p = 1/3 three times and a 0,
    // so e = ln 3 / ln 4 and d = 1 − ln 3 / ln 4 exactly. Column 1 (30, 19, 19, 68) scales to
    // (11/49, 0, 0, 1): p = 11/60 and 49/60.
    const v = [0, 1, 2, 3].map((j) => unitMinMax(column(j), 'higher'));
    expect(Array.from(v[3])).toEqual([1, 1, 0, 1]);
    expect(diversification(v[3])).toBeCloseTo(1 - Math.log(3) / Math.log(4), 15);
    const p = [11 / 60, 49 / 60];
    expect(diversification(v[0])).toBeCloseTo(1 + (p[0] * Math.log(p[0]) + p[1] * Math.log(p[1])) / Math.log(4), 15);
    const weights = entropyWeights(v);
    expect(Array.from(weights, (w) => Number(w.toFixed(4)))).toEqual([0.4694, 0.2066, 0.1755, 0.1484]);
  });

  it('apply direction before scaling', () => {
    expect(Array.from(unitMinMax(Float64Array.from([1, 3, 5, NaN]), 'lower'))).toEqual([1, 0.5, 0, NaN]);
  });

  it('give d = 0 to a column that sums to zero, and equal weights when every d is 0', () => {
    expect(diversification(Float64Array.from([0, 0, 0]))).toBe(0);
    expect(Array.from(entropyWeights([Float64Array.from([0, 0, 0]), Float64Array.from([1, 1, 1])]))).toEqual([0.5, 0.5]);
  });

  it('give all weight to the one informative column', () => {
    expect(Array.from(entropyWeights([Float64Array.from([0, 0, 0]), Float64Array.from([1, 0, 0])]))).toEqual([0, 1]);
  });

  it('use only reported values, and d = 0 with fewer than two', () => {
    expect(diversification(Float64Array.from([1, 0, NaN]))).toBeCloseTo(1, 15); // p = (1, 0): e = 0
    expect(diversification(Float64Array.from([0.4, NaN, NaN]))).toBe(0);
  });
});
