import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahp, RANDOM_INDEX } from './ahp';
import { parseMatrixEntry } from './pairwise-matrix';
import { SAATY_HOUSE as house } from '../../tests/support/saaty';

// Saaty (1977), A scaling method for priorities in hierarchical structures, J. Math.
// Psychology 15: relative brightness of four chairs from a light source; published λmax = 4.39.
const light = [
  [1, 5, 6, 7],
  ['1/5', 1, 4, 6],
  ['1/6', '1/4', 1, 4],
  ['1/7', '1/6', '1/4', 1],
];

// Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services
// Sciences 1(1), 83–98: relative drink consumption in the US (coffee, wine, tea, beer,
// sodas, milk, water); published eigenvector .177 .019 .042 .116 .190 .129 .327.
const drinks = [
  [1, 9, 5, 2, 1, 1, '1/2'],
  ['1/9', 1, '1/3', '1/9', '1/9', '1/9', '1/9'],
  ['1/5', 3, 1, '1/3', '1/4', '1/3', '1/9'],
  ['1/2', 9, 3, 1, '1/2', 1, '1/3'],
  [1, 9, 4, 2, 1, 2, '1/2'],
  [1, 9, 3, 1, '1/2', 1, '1/3'],
  [2, 9, 9, 3, 2, 3, 1],
];

const rounded = (values: number[], digits: number) => values.map((v) => Number(v.toFixed(digits)));

describe("AHP on Saaty's published examples", () => {
  it('house: priorities, λmax = 9.669, CI = 0.238, CR = 0.169 (inconsistent)', () => {
    const result = ahp(house);
    expect(rounded(result.weights, 3)).toEqual([0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]);
    expect(result.lambdaMax.toFixed(3)).toBe('9.669');
    expect(result.ci.toFixed(3)).toBe('0.238');
    expect(result.cr.toFixed(3)).toBe('0.169');
    expect(result.consistent).toBe(false);
  });

  it('light intensity: λmax = 4.39', () => {
    const result = ahp(light);
    expect(result.lambdaMax.toFixed(2)).toBe('4.39');
    expect(result.weights[0]).toBeGreaterThan(result.weights[1]);
  });

  it('drink consumption: published eigenvector', () => {
    const result = ahp(drinks);
    result.weights.forEach((w, i) => expect(Math.abs(w - [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327][i])).toBeLessThanOrEqual(0.0006));
    expect(result.consistent).toBe(true);
  });
});

describe('AHP conventions', () => {
  it('uses the classic RI table', () => {
    expect(RANDOM_INDEX).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('gives CR = 0 for n ≤ 2', () => {
    expect(ahp([[1]])).toEqual({ weights: [1], lambdaMax: 1, ci: 0, cr: 0, consistent: true });
    const two = ahp([
      [1, 3],
      ['1/3', 1],
    ]);
    expect(rounded(two.weights, 12)).toEqual([0.75, 0.25]);
    expect(two.cr).toBe(0);
  });

  it('recovers the weights of any perfectly consistent matrix, with λmax = n and CR = 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 3, maxLength: 10 }), (raw) => {
        const matrix = raw.map((wi) => raw.map((wj) => wi / wj));
        const result = ahp(matrix);
        const sum = raw.reduce((s, x) => s + x, 0);
        result.weights.forEach((w, i) => expect(w).toBeCloseTo(raw[i] / sum, 9));
        expect(result.lambdaMax).toBeCloseTo(raw.length, 9);
        expect(result.cr).toBeLessThan(1e-9);
      }),
    );
  });

  it('parses fraction strings', () => {
    expect([parseMatrixEntry('1/3'), parseMatrixEntry(' 2 / 4 '), parseMatrixEntry('5'), parseMatrixEntry('0.25'), parseMatrixEntry('x')]).toEqual([
      1 / 3,
      0.5,
      5,
      0.25,
      NaN,
    ]);
  });
});

describe('AHP errors', () => {
  it('rejects a matrix that is not square', () => {
    expect(() => ahp([[1, 2], [0.5]])).toThrow(/not square/);
  });
  it('rejects zero, negative and non-numeric entries', () => {
    expect(() => ahp([[1, 0], [0, 1]])).toThrow(/\[1\]\[2\].*positive/);
    expect(() => ahp([[1, -2], ['-1/2', 1]])).toThrow(/positive/);
    expect(() => ahp([[1, 'three'], ['1/3', 1]])).toThrow(/"three"/);
  });
  it('rejects a matrix that is not reciprocal, naming the pair', () => {
    expect(() => ahp([[1, 3], ['1/2', 1]])).toThrow(/not reciprocal: \[1\]\[2\] × \[2\]\[1\] must be 1/);
    expect(() => ahp([[2, 1], [1, 0.5]])).toThrow(/diagonal/);
  });
  it('rejects matrices beyond the RI table', () => {
    const eleven = Array.from({ length: 11 }, () => Array.from({ length: 11 }, () => 1));
    expect(() => ahp(eleven)).toThrow(/RI table/);
  });
  it('rejects an empty matrix', () => {
    expect(() => ahp([])).toThrow(/non-empty/);
  });
});
