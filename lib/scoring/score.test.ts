import { describe, expect, it } from 'vitest';
import { scoreDepartments } from './score';
import { indicator, testScheme, workedInput, workedScheme } from './test-support';
import type { ScoringInput } from './types';
import { ScoringInputError } from './validate';

const byCode = (result: ReturnType<typeof scoreDepartments>) => Object.fromEntries(result.departments.map((d) => [d.department, d]));

describe('the worked example (linear, expert weights)', () => {
  const result = scoreDepartments(workedInput, workedScheme());
  const d = byCode(result);

  it('scores each indicator with its own normalisation', () => {
    expect([d.A, d.B, d.C].map((x) => x.indicators.x1.score)).toEqual([90, 50, 100]); // target 1
    expect([d.A, d.B, d.C].map((x) => x.indicators.x2.score)).toEqual([0, 50, 100]); // min-max
    expect([d.A, d.B, d.C].map((x) => x.indicators.y1.score)).toEqual([100, 50, 0]); // lower is better
  });

  it('aggregates Σ w·s within dimensions and Σ W·S across them', () => {
    expect([d.A, d.B, d.C].map((x) => x.dimensions)).toEqual([
      { a: 67.5, b: 100 },
      { a: 50, b: 50 },
      { a: 100, b: 0 },
    ]);
    expect([d.A, d.B, d.C].map((x) => x.total)).toEqual([80.5, 50, 60]);
  });

  it('lists departments in rank order with effective weights', () => {
    expect(result.departments.map((x) => [x.department, x.rank])).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', 3],
    ]);
    expect(result.weights).toEqual({ dimensions: { a: 0.6, b: 0.4 }, indicators: { x1: 0.75, x2: 0.25, y1: 1 } });
  });

  it('assigns tiers: top half (ceil(0.5·3) = 2) then the rest', () => {
    expect(result.departments.map((x) => x.tier)).toEqual(['top', 'top', 'rest']);
    expect(d.A.tierName).toBe('前列');
  });

  it('records the scheme hash and methodology', () => {
    expect(result.scheme.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.methodology).toMatchObject({ aggregation: 'linear', missing: 'zero', weighting: { method: 'expert' }, randomIndex: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49] });
    expect(result.methodology.indicators.x1).toEqual({ dimension: 'a', direction: 'higher', transform: 'none', normalize: 'target', target: 1 });
  });
});

describe('geometric aggregation', () => {
  const d = byCode(scoreDepartments(workedInput, workedScheme({ aggregation: 'geometric' })));

  it('is Π s^w at both levels', () => {
    expect(d.B.dimensions).toEqual({ a: 50, b: 50 });
    expect(d.B.total).toBeCloseTo(50, 6);
    expect(d.A.total).toBeCloseTo(Math.pow(90, 0.75 * 0.6) * Math.pow(100, 0.4), 5);
  });

  it('floors zero scores at 1 instead of zeroing the product', () => {
    expect(d.A.dimensions.a).toBeCloseTo(Math.pow(90, 0.75), 5); // x2 scored 0
    expect(d.C.dimensions.b).toBe(1); // y1 scored 0
    expect(d.C.total).toBeCloseTo(Math.pow(100, 0.6), 5);
  });
});

describe('missing values', () => {
  const input: ScoringInput = { ...workedInput, values: { ...workedInput.values, B: { x1: null, x2: 20, y1: 3 } } };

  it('zero: the missing value scores 0', () => {
    const b = byCode(scoreDepartments(input, workedScheme({ missing: 'zero' }))).B;
    expect(b.indicators.x1).toEqual({ value: null, score: 0, weight: 0.75, points: 0 });
    expect(b.dimensions.a).toBe(12.5);
    expect(b.missing).toEqual(['x1']);
  });

  it('mean: the missing value scores the mean of those who reported', () => {
    const b = byCode(scoreDepartments(input, workedScheme({ missing: 'mean' }))).B;
    expect(b.indicators.x1.score).toBe(95);
    expect(b.dimensions.a).toBe(0.75 * 95 + 0.25 * 50);
  });

  it('exclude: the department’s weights are re-normalised over what it has', () => {
    const b = byCode(scoreDepartments(input, workedScheme({ missing: 'exclude' }))).B;
    expect(b.indicators.x1).toEqual({ value: null, score: null, weight: 0, points: 0 });
    expect(b.indicators.x2.weight).toBe(1);
    expect(b.dimensions.a).toBe(50);
  });

  it('exclude: a dimension with nothing reported drops out and the others take its weight', () => {
    const noB = { ...workedInput, values: { ...workedInput.values, B: { x1: 0.5, x2: 20, y1: null } } };
    const b = byCode(scoreDepartments(noB, workedScheme({ missing: 'exclude' }))).B;
    expect(b.dimensions).toEqual({ a: 50, b: 0 });
    expect(b.total).toBe(50);
  });

  it('all values missing: everyone scores 0 and shares rank 1, under every policy', () => {
    const empty = { departments: workedInput.departments, values: {} };
    for (const missing of ['zero', 'mean', 'exclude'] as const) {
      const result = scoreDepartments(empty, workedScheme({ missing }));
      expect(result.departments.map((x) => [x.department, x.total, x.rank])).toEqual([
        ['A', 0, 1],
        ['B', 0, 1],
        ['C', 0, 1],
      ]);
    }
  });
});

describe('penalties', () => {
  it('deduct non-exempt incident points, capped at penaltyCap', () => {
    const result = scoreDepartments(
      {
        ...workedInput,
        incidents: [
          { department: 'A', points: 6, exempt: false },
          { department: 'A', points: 7, exempt: false },
          { department: 'C', points: 5, exempt: true },
        ],
      },
      workedScheme({ penaltyCap: 10 }),
    );
    const d = byCode(result);
    expect([d.A.penalty, d.A.total]).toEqual([10, 70.5]);
    expect([d.C.penalty, d.C.total]).toEqual([0, 60]); // exempt (容错免责)
    expect(result.departments.map((x) => x.department)).toEqual(['A', 'C', 'B']);
  });

  it('never take the total below 0', () => {
    const d = byCode(scoreDepartments({ ...workedInput, incidents: [{ department: 'B', points: 60, exempt: false }] }, workedScheme({ penaltyCap: 100 })));
    expect([d.B.penalty, d.B.total]).toEqual([60, 0]);
  });
});

describe('edge cases', () => {
  it('ties share a rank and are listed by code, whatever the input order', () => {
    const input = {
      departments: [{ code: 'Z' }, { code: 'M' }, { code: 'A' }, { code: 'Q' }],
      values: { Z: { x1: 1, x2: 5, y1: 1 }, M: { x1: 1, x2: 5, y1: 1 }, A: { x1: 0.2, x2: 1, y1: 9 }, Q: { x1: 1, x2: 5, y1: 1 } },
    };
    const result = scoreDepartments(input, workedScheme());
    expect(result.departments.map((x) => [x.department, x.rank])).toEqual([
      ['M', 1],
      ['Q', 1],
      ['Z', 1],
      ['A', 4],
    ]);
    expect(result.departments.map((x) => x.gapToAbove)).toEqual([null, null, null, 91]); // A: 0.6·0.75·20 = 9
  });

  it('one department: min-max gives 100, rank 1, interval [1, 1]', () => {
    const result = scoreDepartments({ departments: [{ code: 'A', name: '省公安厅' }], values: { A: { x1: 0.5, x2: 3, y1: 4 } } }, workedScheme({ uncertainty: { runs: 50, weightJitter: 0.2, seed: 1 } }));
    expect(result.departments).toHaveLength(1);
    expect(result.departments[0]).toMatchObject({ name: '省公安厅', rank: 1, total: 0.6 * (0.75 * 50 + 25) + 40, rankInterval: [1, 1], gapToAbove: null });
  });

  it('all values equal: every min-max score is 100 and everyone ties', () => {
    const same = { x1: 0.8, x2: 7, y1: 7 };
    const result = scoreDepartments({ departments: workedInput.departments, values: { A: same, B: same, C: same } }, workedScheme());
    expect(result.departments.map((x) => [x.rank, x.total, x.indicators.x2.score])).toEqual([
      [1, 0.6 * (0.75 * 80 + 25) + 40, 100],
      [1, 0.6 * (0.75 * 80 + 25) + 40, 100],
      [1, 0.6 * (0.75 * 80 + 25) + 40, 100],
    ]);
  });

  it('lower-is-better everywhere: the smallest values win under every normalisation', () => {
    for (const normalize of ['minmax', 'zscore', 'rank', 'target'] as const) {
      const scheme = testScheme([
        {
          code: 'd',
          name: 'd',
          indicators: ['p', 'q'].map((code) => indicator(code, { direction: 'lower', normalize, ...(normalize === 'target' ? { target: 1 } : {}) })),
        },
      ]);
      const values = { A: { p: 1, q: 2 }, B: { p: 5, q: 6 }, C: { p: 3, q: 3 } };
      const result = scoreDepartments({ departments: [{ code: 'A' }, { code: 'B' }, { code: 'C' }], values }, scheme);
      expect(result.departments.map((x) => x.department)).toEqual(['A', 'C', 'B']);
    }
  });

  it('no departments: an empty result', () => {
    expect(scoreDepartments({ departments: [], values: {} }, workedScheme()).departments).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives byte-identical JSON for the same input, in any order', () => {
    const scheme = workedScheme({ uncertainty: { runs: 200, weightJitter: 0.3, seed: 9 } });
    const reversed = { departments: [...workedInput.departments].reverse(), values: Object.fromEntries(Object.entries(workedInput.values).reverse()) };
    const a = JSON.stringify(scoreDepartments(workedInput, scheme));
    expect(JSON.stringify(scoreDepartments(workedInput, scheme))).toBe(a);
    expect(JSON.stringify(scoreDepartments(reversed, scheme))).toBe(a);
  });
});

describe('input errors', () => {
  it('reject duplicate departments, unknown departments, bad values and bad incidents', () => {
    const scheme = workedScheme();
    expect(() => scoreDepartments({ departments: [{ code: 'A' }, { code: 'A' }], values: {} }, scheme)).toThrow(/listed twice/);
    expect(() => scoreDepartments({ departments: [{ code: 'A' }], values: { B: { x1: 1 } } }, scheme)).toThrow(/"B", which is not in the department list/);
    expect(() => scoreDepartments({ departments: [{ code: 'A' }], values: { A: { x1: Infinity } } }, scheme)).toThrow(ScoringInputError);
    expect(() => scoreDepartments({ departments: [{ code: 'A' }], values: {}, incidents: [{ department: 'A', points: -1, exempt: false }] }, scheme)).toThrow(/points must be a number ≥ 0/);
    expect(() => scoreDepartments({ departments: [{ code: 'A' }], values: {}, incidents: [{ department: 'Q', points: 1, exempt: false }] }, scheme)).toThrow(/"Q"/);
  });
  it('ignore values of indicators the scheme does not have', () => {
    const result = scoreDepartments({ departments: [{ code: 'A' }], values: { A: { x1: 1, retired_indicator: 5 } } }, workedScheme());
    expect(Object.keys(result.departments[0].indicators)).toEqual(['x1', 'x2', 'y1']);
  });
});
