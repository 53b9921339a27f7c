import { describe, expect, it } from 'vitest';
import { scoreDepartments } from './score';
import { ENGINE_V1, workedInput, workedScheme } from './test-support';
import type { ScoringInput } from './types';

const sumPoints = (d: { indicators: Record<string, { points: number }> }) => Object.values(d.indicators).reduce((s, x) => s + x.points, 0);

describe('explanations', () => {
  it('points are W·w·s under linear aggregation', () => {
    const a = scoreDepartments(workedInput, workedScheme()).departments[0];
    expect(a.department).toBe('A');
    expect(Object.fromEntries(Object.entries(a.indicators).map(([k, v]) => [k, v.points]))).toEqual({ x1: 40.5, x2: 0, y1: 40 });
  });

  it('points add up to the total before the penalty, for every aggregation and missing policy', () => {
    const input: ScoringInput = {
      ...workedInput,
      values: { ...workedInput.values, B: { x1: null, x2: 20, y1: 3 } },
      incidents: [{ department: 'C', points: 4, exempt: false }],
    };
    for (const aggregation of ['linear', 'geometric'] as const) {
      for (const missing of ['zero', 'mean', 'exclude'] as const) {
        for (const d of scoreDepartments(input, workedScheme({ aggregation, missing })).departments) {
          expect(sumPoints(d)).toBeCloseTo(d.total + d.penalty, 5);
        }
      }
    }
  });

  it('levers (engine version 1): the indicators whose rise to the best score adds most, largest first', () => {
    const d = Object.fromEntries(scoreDepartments(workedInput, workedScheme(), ENGINE_V1).departments.map((x) => [x.department, x]));
    // A: x2 0 → 100 adds 0.6·0.25·100 = 15; x1 90 → 100 adds 0.6·0.75·10 = 4.5; y1 is already best.
    expect(d.A.levers).toEqual([
      { indicator: 'x2', points: 15 },
      { indicator: 'x1', points: 4.5 },
    ]);
    // B: y1 50 → 100 adds 20; x1 50 → 100 adds 22.5; x2 50 → 100 adds 7.5.
    expect(d.B.levers).toEqual([
      { indicator: 'x1', points: 22.5 },
      { indicator: 'y1', points: 20 },
      { indicator: 'x2', points: 7.5 },
    ]);
  });

  it('levers (engine version 1) under exclude count adding a missing indicator at the best score', () => {
    const input = { ...workedInput, values: { ...workedInput.values, B: { x1: null, x2: 20, y1: 3 } } };
    const b = scoreDepartments(input, workedScheme({ missing: 'exclude' }), ENGINE_V1).departments.find((x) => x.department === 'B')!;
    // B has only x2 (score 50) in dimension a, so a = 50. x2 → 100 makes a = 100: +0.6·50 = 30.
    // Adding x1 at 100: a = 0.75·100 + 0.25·50 = 87.5: +0.6·37.5 = 22.5. y1 50 → 100: +0.4·50 = 20.
    expect(b.levers).toEqual([
      { indicator: 'x2', points: 30 },
      { indicator: 'x1', points: 22.5 },
      { indicator: 'y1', points: 20 },
    ]);
  });

  it('gapToAbove is the distance to the next better rank, null at the top', () => {
    const result = scoreDepartments(workedInput, workedScheme());
    expect(result.departments.map((x) => [x.department, x.gapToAbove])).toEqual([
      ['A', null],
      ['C', 20.5],
      ['B', 10],
    ]);
  });
});
