import { describe, expect, it } from 'vitest';
import { sobolIndices } from './sobol';

// The Ishigami function (Ishigami & Homma 1990), a = 7, b = 0.1, x ∈ U(−π, π)³: its
// indices are known in closed form (Sobol' & Levitan 1999; Saltelli et al. 2008, §1.2.7).
const a = 7;
const b = 0.1;
const ishigami = (u: number[]) => {
  const [x1, x2, x3] = u.map((v) => Math.PI * (2 * v - 1));
  return [Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1)];
};
const V = a ** 2 / 8 + (b * Math.PI ** 4) / 5 + (b ** 2 * Math.PI ** 8) / 18 + 0.5;
const V1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
const V2 = a ** 2 / 8;
const V13 = (b ** 2 * Math.PI ** 8) * (1 / 18 - 1 / 50);
const known = { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V] };

describe('sobolIndices', () => {
  it('reproduces the Ishigami function’s known first-order and total indices', () => {
    const { first, total } = sobolIndices(ishigami, 3, 1 << 15, 2024);
    expect(known.first[0]).toBeCloseTo(0.3139, 4);
    expect(known.total[2]).toBeCloseTo(0.2437, 4);
    first.forEach((s, i) => expect(Math.abs(s - known.first[i])).toBeLessThan(0.03));
    total.forEach((s, i) => expect(Math.abs(s - known.total[i])).toBeLessThan(0.03));
  });

  it('weights several outputs by their variance and gives 0 when nothing moves', () => {
    const twoOutputs = sobolIndices((u) => [u[0], 10 * u[1]], 2, 4096, 7);
    expect(twoOutputs.first[1]).toBeGreaterThan(0.9);
    expect(twoOutputs.first[0]).toBeLessThan(0.05);
    expect(sobolIndices(() => [3, 3], 2, 64, 1)).toEqual({ first: [0, 0], total: [0, 0], variance: 0 });
  });
});
