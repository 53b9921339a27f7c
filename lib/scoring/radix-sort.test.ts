import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RadixSorter } from './radix-sort';

const nonNegative = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 1e-300, 5e-324, 50, 100, 1e15),
);

describe('RadixSorter', () => {
  it('sorts non-negative doubles like the native sort, keeping equal keys in index order', () => {
    fc.assert(
      fc.property(fc.array(nonNegative, { minLength: 1, maxLength: 300 }), (values) => {
        const input = Float64Array.from(values, (v) => (Object.is(v, -0) ? 0 : v));
        const { sorted, order } = new RadixSorter(input.length).sort(input);
        expect(Array.from(sorted)).toEqual(Array.from(input.slice().sort()));
        const expectedOrder = Array.from(input.keys()).sort((a, b) => input[a] - input[b] || a - b);
        expect(Array.from(order)).toEqual(expectedOrder);
      }),
    );
  });

  it('stays exact when totals cluster far below the 32-bit key resolution', () => {
    // 400 totals within 1e-12 of 80 plus one at 0 share a handful of scaled keys, in
    // random order: too much for the insertion pass, so the exact bit-wise sort runs.
    const values = Float64Array.from({ length: 401 }, (_, i) => (i === 0 ? 0 : 80 + ((i * 7919) % 400) * 2.5e-15));
    const { sorted, order } = new RadixSorter(values.length).sort(values);
    expect(Array.from(sorted)).toEqual(Array.from(values.slice().sort()));
    expect(Array.from(order, (i) => values[i])).toEqual(Array.from(sorted));
  });

  it('can be reused for another array of the same size', () => {
    const sorter = new RadixSorter(3);
    sorter.sort(Float64Array.from([3, 2, 1]));
    expect(Array.from(sorter.sort(Float64Array.from([0.5, 0.25, 0.75])).order)).toEqual([1, 0, 2]);
  });
});
