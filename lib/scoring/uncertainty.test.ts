import { describe, expect, it } from 'vitest';
import { scoreDepartments } from './score';
import { indicator, testScheme } from './test-support';
import { nearestRankIndex } from './uncertainty';

// Two indicators that disagree, so the order of A, B and C depends on their relative weight.
// Min-max scores p: A 100, B 0, C 60, D 10, E 0; q: A 0, B 100, C 30, D 10, E 0.
// Equal weights: A 50, B 50, C 45, D 10, E 0 → ranks 1, 1, 3, 4, 5. Top tier = ranks ≤ ceil(0.4·5) = 2.
const scheme = (runs: number, weightJitter: number, seed = 42) =>
  testScheme([{ code: 'd', name: 'd', indicators: [indicator('p'), indicator('q')] }], {
    uncertainty: { runs, weightJitter, seed },
    tiers: [
      { code: 'top', name: '前列', topShare: 0.4 },
      { code: 'rest', name: '其余' },
    ],
  });
const input = {
  departments: ['A', 'B', 'C', 'D', 'E'].map((code) => ({ code })),
  values: { A: { p: 10, q: 0 }, B: { p: 0, q: 10 }, C: { p: 6, q: 3 }, D: { p: 1, q: 1 }, E: { p: 0, q: 0 } },
};
const intervals = (result: ReturnType<typeof scoreDepartments>) => Object.fromEntries(result.departments.map((d) => [d.department, d.rankInterval]));

describe('rank intervals', () => {
  it('are [rank, rank] with no runs', () => {
    const result = scoreDepartments(input, scheme(0, 0.2));
    result.departments.forEach((d) => expect(d.rankInterval).toEqual([d.rank, d.rank]));
  });

  it('can be switched off per call, which the methodology records', () => {
    const result = scoreDepartments(input, scheme(1000, 0.3), { runs: 0 });
    expect(result.methodology.uncertainty.runs).toBe(0);
    result.departments.forEach((d) => expect(d.rankInterval).toEqual([d.rank, d.rank]));
  });

  it('are [rank, rank] when the jitter is 0, however many runs', () => {
    const result = scoreDepartments(input, scheme(100, 0));
    result.departments.forEach((d) => expect(d.rankInterval).toEqual([d.rank, d.rank]));
  });

  it('widen where weights decide the order, and stay put where they cannot', () => {
    const result = intervals(scoreDepartments(input, scheme(1000, 0.3)));
    // A, B and C are within a few points of each other and swap places; D and E never move.
    expect(result.A[0]).toBeLessThan(result.A[1]);
    expect(result.B[0]).toBeLessThan(result.B[1]);
    expect(result.D).toEqual([4, 4]);
    expect(result.E).toEqual([5, 5]);
  });

  it('are the same for the same seed, and may differ for another', () => {
    const a = JSON.stringify(scoreDepartments(input, scheme(300, 0.3, 1)));
    expect(JSON.stringify(scoreDepartments(input, scheme(300, 0.3, 1)))).toBe(a);
    // With 3 runs the interval is the min and max rank seen, which varies with the draws.
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => JSON.stringify(intervals(scoreDepartments(input, scheme(3, 0.3, seed)))));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('flag a department whose interval straddles a tier boundary', () => {
    // C is nominally third (tier "rest") but overtakes A or B when either weight dominates.
    const result = scoreDepartments(input, scheme(1000, 0.3));
    const c = result.departments.find((d) => d.department === 'C')!;
    expect([c.rank, c.tier, c.rankInterval]).toEqual([3, 'rest', [2, 3]]);
    expect(c.straddlesTier).toBe(true);
    expect(result.departments.find((d) => d.department === 'E')!.straddlesTier).toBe(false);
  });

  it('use nearest-rank percentiles', () => {
    expect([nearestRankIndex(5, 1000), nearestRankIndex(95, 1000)]).toEqual([49, 949]);
    expect([nearestRankIndex(5, 1), nearestRankIndex(95, 1)]).toEqual([0, 0]);
    expect([nearestRankIndex(5, 20), nearestRankIndex(95, 20)]).toEqual([0, 18]);
  });
});
