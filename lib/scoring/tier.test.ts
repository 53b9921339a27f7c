import { describe, expect, it } from 'vitest';
import type { Tier } from './scheme-schema';
import { tierIndex, topShareCutoff } from './tier';

const tiers: Tier[] = [
  { code: 'excellent', name: '优秀', topShare: 0.15, minScore: 80 },
  { code: 'good', name: '良好', topShare: 0.45, minScore: 70 },
  { code: 'pass', name: '合格', minScore: 60 },
  { code: 'improve', name: '待改进' },
];

describe('tiers', () => {
  it('take the first tier whose conditions all hold', () => {
    // n = 20: excellent needs rank ≤ 3, good rank ≤ 9.
    expect(tierIndex(1, 95, 20, tiers)).toBe(0);
    expect(tierIndex(3, 80, 20, tiers)).toBe(0);
    expect(tierIndex(4, 95, 20, tiers)).toBe(1); // score high enough, rank not
    expect(tierIndex(2, 79.9, 20, tiers)).toBe(1); // rank high enough, score not
    expect(tierIndex(10, 99, 20, tiers)).toBe(2);
    expect(tierIndex(12, 59.99, 20, tiers)).toBe(3); // the last tier catches the rest
  });
  it('let tied departments share a tier at the cut-off', () => {
    expect([3, 3, 3].map((rank) => tierIndex(rank, 85, 20, tiers))).toEqual([0, 0, 0]);
  });
  it('compute ceil(topShare·n) without float error', () => {
    expect(0.07 * 100).toBeGreaterThan(7); // 7.000000000000001
    expect(topShareCutoff(0.07, 100)).toBe(7);
    expect(topShareCutoff(0.15, 20)).toBe(3);
    expect(topShareCutoff(0.15, 8)).toBe(2);
    expect(topShareCutoff(1, 1)).toBe(1);
  });
  it('compare minScore with the tie tolerance', () => {
    expect(tierIndex(1, 80 - 1e-12, 20, tiers)).toBe(0);
  });
});
