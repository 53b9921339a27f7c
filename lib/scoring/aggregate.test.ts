import { describe, expect, it } from 'vitest';
import { buildModel, preTotal, totalsInto } from './aggregate';
import { layoutOf } from './layout';
import { cappedPenalties } from './penalty';
import { indicator, testScheme } from './test-support';

// Two dimensions: a = {p, q}, b = {r}; three departments.
const layout = layoutOf(
  testScheme([
    { code: 'a', name: 'a', indicators: [indicator('p'), indicator('q')] },
    { code: 'b', name: 'b', indicators: [indicator('r')] },
  ]),
);
const scores = [
  [80, 0, 50],
  [40, 100, NaN],
  [100, 20, 0],
].map((c) => Float64Array.from(c));
const indW = Float64Array.from([0.25, 0.75, 1]);
const dimW = Float64Array.from([0.5, 0.5]);
const complete = scores.map((c) => c.map((x) => (Number.isNaN(x) ? 10 : x)));

describe('aggregation kernel', () => {
  it('linear: Σ W·(Σ w·s)', () => {
    const model = buildModel(complete, layout, 'linear', new Float64Array(3));
    expect(model.complete).toBe(true);
    expect(Array.from(totalsInto(model, indW, dimW, new Float64Array(3)))).toEqual([0.5 * (20 + 30) + 50, 0.5 * 75 + 10, 0.5 * (12.5 + 7.5)]);
  });

  it('geometric: Π S^W of Π s^w, with scores floored at 1', () => {
    const model = buildModel(complete, layout, 'geometric', new Float64Array(3));
    const totals = totalsInto(model, indW, dimW, new Float64Array(3));
    expect(totals[0]).toBeCloseTo(Math.pow(Math.pow(80, 0.25) * Math.pow(40, 0.75), 0.5) * Math.pow(100, 0.5), 9);
    expect(totals[1]).toBeCloseTo(Math.pow(Math.pow(100, 0.75), 0.5) * Math.pow(20, 0.5), 9); // p = 0 → 1
  });

  it('re-normalises over the cells a department has (NaN = left out)', () => {
    const model = buildModel(scores, layout, 'linear', new Float64Array(3));
    expect(model.complete).toBe(false);
    // Department 2 lacks q: dimension a is p alone (50), then (50 + 0) / 2.
    expect(totalsInto(model, indW, dimW, new Float64Array(3))[2]).toBe(25);
  });

  it('the complete-data fast path gives the general path’s totals', () => {
    for (const aggregation of ['linear', 'geometric'] as const) {
      const model = buildModel(complete, layout, aggregation, new Float64Array(3));
      const fast = totalsInto(model, indW, dimW, new Float64Array(3));
      for (let d = 0; d < 3; d++) expect(fast[d]).toBeCloseTo(preTotal(model, model.cells, d * model.k, indW, dimW), 10);
    }
  });

  it('subtracts the capped penalty and floors the total at 0', () => {
    const penalty = cappedPenalties(Float64Array.from([4, 30, 12]), 15);
    expect(Array.from(penalty)).toEqual([4, 15, 12]);
    // Before the penalty: 75, 47.5, 10.
    const totals = totalsInto(buildModel(complete, layout, 'linear', penalty), indW, dimW, new Float64Array(3));
    expect(Array.from(totals)).toEqual([71, 32.5, 0]);
  });
});
