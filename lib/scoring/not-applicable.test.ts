// 不适用 (docs/scoring.md "Ledger indicators"): an indicator with nothing due is left out
// for that department and its weight re-spread over the rest of its dimension, under every
// missing policy; missing values keep their policy; absent n/a changes nothing.
import { describe, expect, it } from 'vitest';
import { parseSchemeOrThrow } from './parse-scheme';
import { scoreDepartments } from './score';
import type { ScoringInput } from './types';

const scheme = (missing: 'zero' | 'mean' | 'exclude') =>
  parseSchemeOrThrow({
    name: 't',
    missing,
    dimensions: [
      {
        code: 'a',
        name: 'A',
        weight: 1,
        indicators: [
          { code: 'reply', name: '答复', weight: 0.5, kind: 'rate', normalize: 'target', target: 1, source: 'ledger' },
          { code: 'quality', name: '质量', weight: 0.5, kind: 'rate', normalize: 'target', target: 1 },
        ],
      },
      { code: 'b', name: 'B', weight: 1, indicators: [{ code: 'calls', name: '调用', normalize: 'target', target: 100 }] },
    ],
    tiers: [{ code: 'all', name: '全部' }],
    uncertainty: { runs: 50 },
  });

const input: ScoringInput = {
  departments: [{ code: 'D1' }, { code: 'D2' }, { code: 'D3' }],
  values: {
    D1: { reply: 0.5, quality: 0.8, calls: 100 },
    D2: { quality: 0.8, calls: 100 }, // nothing due: 不适用
    D3: { reply: null, quality: 0.8, calls: 100 }, // missing (not n/a)
  },
  notApplicable: { D2: ['reply'] },
};

const byCode = (missing: 'zero' | 'mean' | 'exclude', given = input) =>
  Object.fromEntries(scoreDepartments(given, scheme(missing)).departments.map((d) => [d.department, d]));

describe('不适用 (not applicable)', () => {
  it('re-spreads the weight over the rest of the dimension, whatever the missing policy', () => {
    for (const policy of ['zero', 'mean', 'exclude'] as const) {
      const d2 = byCode(policy).D2;
      expect(d2.dimensions.a).toBeCloseTo(80, 9); // quality alone carries dimension a
      expect(d2.total).toBeCloseTo(90, 9);
      expect(d2.indicators.reply).toEqual({ value: null, score: null, weight: 0, points: 0, notApplicable: true });
      expect(d2.indicators.quality.weight).toBeCloseTo(1, 9);
    }
  });

  it('leaves missing values to the missing policy (zero scores 0) and lists only them as missing', () => {
    const result = byCode('zero');
    expect(result.D3.dimensions.a).toBeCloseTo(40, 9); // reply scored 0
    expect(result.D3.indicators.reply.notApplicable).toBeUndefined();
    // the ledger indicator is the platform's: neither is listed as 缺报 (version 2 lists reportable metrics only)
    expect(result.D2.missing).toEqual([]);
    expect(result.D3.missing).toEqual([]);
    // engine version 1 lists every missing value, but never a 不适用 one
    const v1 = Object.fromEntries(scoreDepartments(input, scheme('zero'), { engine: 1, v1Recommendations: () => [] }).departments.map((d) => [d.department, d]));
    expect(v1.D2.missing).toEqual([]);
    expect(v1.D3.missing).toEqual(['reply']);
  });

  it('never offers a lever on an indicator that is not due', () => {
    const d2 = byCode('exclude').D2;
    expect(d2.levers.map((l) => l.indicator)).not.toContain('reply');
  });

  it('gives the same result as before when no n/a is given (absent or empty)', () => {
    const { notApplicable: _, ...without } = input;
    const plain = scoreDepartments({ ...without, values: { ...input.values, D2: { ...input.values.D2, reply: null } } }, scheme('zero'));
    const empty = scoreDepartments({ ...without, values: { ...input.values, D2: { ...input.values.D2, reply: null } }, notApplicable: {} }, scheme('zero'));
    expect(empty).toEqual(plain);
    expect(plain.departments.find((d) => d.department === 'D2')!.total).toBeCloseTo(40 * 0.5 + 100 * 0.5, 9); // missing → 0 as before
  });

  it('refuses a value given for an indicator marked not applicable, and an unknown department', () => {
    expect(() => scoreDepartments({ ...input, notApplicable: { D1: ['reply'] } }, scheme('zero'))).toThrow(/not applicable/);
    expect(() => scoreDepartments({ ...input, notApplicable: { ZZ: ['reply'] } }, scheme('zero'))).toThrow(/not in the department list/);
  });
});
