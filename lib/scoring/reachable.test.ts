import { describe, expect, it } from 'vitest';
import { scoreDepartments } from './score';
import { indicator, testScheme } from './test-support';
import type { ScoringInput } from './types';

// Ten departments on one count indicator and one rate; the top tier is the best 30 %.
const scheme = testScheme(
  [
    { code: 'a', name: '甲', weight: 0.5, indicators: [indicator('calls', { normalize: 'minmax', source: 'events', kind: 'count' })] },
    { code: 'b', name: '乙', weight: 0.5, indicators: [indicator('rate', { normalize: 'target', target: 1, kind: 'rate' }), indicator('report', { normalize: 'target', target: 1, kind: 'rate' })] },
  ],
  {
    tiers: [
      { code: 'top', name: '前列', topShare: 0.3 },
      { code: 'mid', name: '中间', topShare: 0.7 },
      { code: 'rest', name: '其余' },
    ],
  },
);
const codes = ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9'];
const input: ScoringInput = {
  departments: codes.map((code, i) => ({ code, group: i % 2 ? '市' : '省直部门' })),
  values: Object.fromEntries(codes.map((code, i) => [code, { calls: i === 9 ? 1000 : 100 - i * 10, rate: 0.99 - i * 0.03, report: i === 6 ? null : 0.95 }])),
};

describe('reachable levers', () => {
  const result = scoreDepartments(input, scheme);
  const byCode = Object.fromEntries(result.departments.map((d) => [d.department, d]));

  it('aim at the next tier’s median, never the single best department', () => {
    const d = byCode.D8; // in the last tier
    expect(d.tier).toBe('rest');
    const calls = d.levers.find((l) => l.indicator === 'calls')!;
    // The giant D9 (1,000 calls) is the best; the tier above's median is far lower.
    const midTier = result.departments.filter((x) => x.tier === 'mid').map((x) => input.values[x.department].calls as number).sort((a, b) => a - b);
    expect(calls.target).toBe(midTier[Math.ceil(midTier.length / 2) - 1]);
    expect(calls.target).toBeLessThan(1000);
    expect(calls.basis).toBe('nextTier');
  });

  it('aim the top tier at its peer group’s upper quartile, and show nothing under 0.05 points', () => {
    for (const d of result.departments) {
      for (const l of d.levers) expect(l.points).toBeGreaterThanOrEqual(0.05);
      if (d.tier === 'top') for (const l of d.levers) expect(l.basis).toBe('peerQuartile');
    }
    const best = result.departments[0];
    expect(best.levers.every((l) => l.points >= 0.05)).toBe(true); // no "可增 0.00 分"
  });

  it('list as missing only what the department reports itself, with its cost in points', () => {
    const d6 = byCode.D6;
    expect(d6.missing).toEqual(['report']);
    // At the reporters' median (0.95 → 95) the indicator would add 0.5 · 0.5 · 95 = 23.75 points.
    expect(d6.missingCost).toBeCloseTo(23.75, 6);
    expect(byCode.D5.missingCost).toBe(0);
  });

  it('carry the peer group, and rank within it when the scheme says so', () => {
    expect(byCode.D1.group).toBe('市');
    expect(byCode.D1.overallRank).toBeUndefined();
    const grouped = scoreDepartments(input, { ...scheme, rankWithinGroups: true });
    const cities = grouped.departments.filter((d) => d.group === '市').sort((a, b) => a.rank - b.rank);
    expect(cities.map((d) => d.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(cities.map((d) => d.overallRank)).toEqual([...cities.map((d) => d.overallRank)].sort((a, b) => a! - b!));
    expect(cities[0].tier).toBe('top'); // tiers by share of the group
    expect(cities[0].gapToAbove).toBeNull();
  });

  it('give a method interval that contains the rank, and Sobol indices of the method choices', () => {
    for (const d of result.departments) expect(d.methodInterval![0] <= d.rank && d.rank <= d.methodInterval![1]).toBe(true);
    expect(result.sensitivity!.choices.map((c) => c.choice)).toEqual(['normalisation', 'missing', 'aggregation']);
    // Only D6 has a missing value, so the missing policy moves its rank; the indices are shares of variance.
    for (const c of result.sensitivity!.choices) expect(c.total).toBeGreaterThanOrEqual(-0.05);
  });
});
