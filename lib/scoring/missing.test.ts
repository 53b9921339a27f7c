import { describe, expect, it } from 'vitest';
import { applyMissingPolicy } from './missing';

const scores = Float64Array.from([80, NaN, 40]);

describe('missing-value policies', () => {
  it('zero scores a missing value 0', () => {
    expect(Array.from(applyMissingPolicy(scores, 'zero'))).toEqual([80, 0, 40]);
  });
  it('mean gives the mean score of those who reported', () => {
    expect(Array.from(applyMissingPolicy(scores, 'mean'))).toEqual([80, 60, 40]);
  });
  it('exclude leaves it out for the aggregation to re-normalise', () => {
    expect(Array.from(applyMissingPolicy(scores, 'exclude'))).toEqual([80, NaN, 40]);
  });
  it('scores 0 under mean when nobody reported', () => {
    expect(Array.from(applyMissingPolicy(Float64Array.from([NaN, NaN]), 'mean'))).toEqual([0, 0]);
  });
});
