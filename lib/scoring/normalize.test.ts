import { describe, expect, it } from 'vitest';
import { minMaxScores, rankScores, targetScores, zScores, lowerBound, upperBound } from './normalize';

const col = (...values: number[]) => Float64Array.from(values);
const list = (a: Float64Array) => Array.from(a);

describe('minmax', () => {
  it('scales higher-is-better to 0–100 over those who reported', () => {
    expect(list(minMaxScores(col(10, 20, 30, NaN), 'higher'))).toEqual([0, 50, 100, NaN]);
  });
  it('reverses for lower-is-better', () => {
    expect(list(minMaxScores(col(10, 20, 30, NaN), 'lower'))).toEqual([100, 50, 0, NaN]);
  });
  it('gives 100 when every value is equal, and to a single department', () => {
    expect(list(minMaxScores(col(5, 5, 5), 'higher'))).toEqual([100, 100, 100]);
    expect(list(minMaxScores(col(5, 5), 'lower'))).toEqual([100, 100]);
    expect(list(minMaxScores(col(7), 'higher'))).toEqual([100]);
  });
});

describe('target', () => {
  it('higher: 100·min(x/target, 1), x ≤ 0 → 0', () => {
    expect(list(targetScores(col(-1, 0, 0.4, 0.8, 1.2, NaN), 'higher', 0.8))).toEqual([0, 0, 50, 100, 100, NaN]);
  });
  it('lower: x ≤ target → 100, else 100·target/x', () => {
    expect(list(targetScores(col(0, 1, 2, 4, 8), 'lower', 2))).toEqual([100, 100, 100, 50, 25]);
  });
});

describe('zscore', () => {
  // mean 5, population sd 2
  const x = col(2, 4, 4, 4, 5, 5, 7, 9);
  it('is 50 + 10·(x − mean)/sd for higher-is-better', () => {
    expect(list(zScores(x, 'higher'))).toEqual([35, 45, 45, 45, 50, 50, 60, 70]);
  });
  it('is 50 − 10·(x − mean)/sd for lower-is-better', () => {
    expect(list(zScores(x, 'lower'))).toEqual([65, 55, 55, 55, 50, 50, 40, 30]);
  });
  it('clamps to [0, 100]', () => {
    const outlier = new Float64Array(101);
    outlier[100] = 1; // z ≈ +10 for the outlier
    expect(zScores(outlier, 'higher')[100]).toBe(100);
    expect(zScores(outlier, 'lower')[100]).toBe(0);
  });
  it('gives 50 when sd = 0, even where the float mean is off by an ulp', () => {
    expect(list(zScores(col(0.1, 0.1, 0.1), 'higher'))).toEqual([50, 50, 50]);
    expect(list(zScores(col(3, NaN), 'lower'))).toEqual([50, NaN]);
  });
  it('ignores missing values in mean and sd', () => {
    expect(list(zScores(col(2, 4, 4, 4, 5, 5, 7, 9, NaN), 'higher')).slice(0, 8)).toEqual([35, 45, 45, 45, 50, 50, 60, 70]);
  });
});

describe('rank', () => {
  it('counts strictly worse values plus half the other ties, over n − 1', () => {
    expect(list(rankScores(col(10, 20, 20, 30), 'higher'))).toEqual([0, 50, 50, 100]);
    expect(list(rankScores(col(10, 20, 20, 30), 'lower'))).toEqual([100, 50, 50, 0]);
  });
  it('gives 100 to a single department and 50 to all-equal values', () => {
    expect(list(rankScores(col(4, NaN), 'higher'))).toEqual([100, NaN]);
    expect(list(rankScores(col(3, 3, 3), 'higher'))).toEqual([50, 50, 50]);
  });
});

describe('binary search helpers', () => {
  const sorted = col(1, 2, 2, 3);
  it('finds the first ≥ and first > positions', () => {
    expect([lowerBound(sorted, 2), upperBound(sorted, 2), lowerBound(sorted, 0), upperBound(sorted, 9)]).toEqual([1, 3, 0, 4]);
  });
});
