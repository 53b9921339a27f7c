import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks, rankOrder, TIE_TOLERANCE } from './rank';

const ranksOf = (...totals: number[]) => Array.from(competitionRanks(Float64Array.from(totals), new Int32Array(totals.length)));

describe('competition ranking', () => {
  it('ranks by total, descending, with shared ranks and gaps (1, 2, 2, 4)', () => {
    expect(ranksOf(90, 80, 80, 70)).toEqual([1, 2, 2, 4]);
    expect(ranksOf(70, 80, 90, 80)).toEqual([4, 2, 1, 2]);
  });
  it('treats totals closer than 1e-9 as equal, and no further', () => {
    expect(ranksOf(50 + TIE_TOLERANCE / 2, 50)).toEqual([1, 1]);
    expect(ranksOf(50 + 2 * TIE_TOLERANCE, 50)).toEqual([1, 2]);
  });
  it('gives everyone rank 1 when all totals are equal', () => {
    expect(ranksOf(0, 0, 0)).toEqual([1, 1, 1]);
  });
  it('agrees with the definition rank = 1 + #(totals ahead by ≥ 1e-9) on any totals', () => {
    const total = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(0, 50, 50 + 5e-10, 50 + 1e-9, 100));
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 60 }), (totals) => {
        const clean = totals.map((t) => (Object.is(t, -0) ? 0 : t));
        const expected = clean.map((t) => 1 + clean.filter((u) => u >= t + TIE_TOLERANCE).length);
        expect(ranksOf(...clean)).toEqual(expected);
      }),
    );
  });

  it('lists equal ranks in index (= department code) order', () => {
    expect(rankOrder(Int32Array.from([2, 1, 2, 1]))).toEqual([1, 3, 0, 2]);
  });
});
