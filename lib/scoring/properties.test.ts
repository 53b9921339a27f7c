// Property tests (fast-check): invariants that must hold for any scheme and data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSchemeOrThrow } from './parse-scheme';
import { scoreDepartments } from './score';
import type { Scheme, SchemeInput } from './scheme-schema';
import type { ScoringInput } from './types';

type IndicatorInput = SchemeInput['dimensions'][number]['indicators'][number];

const indicatorArb = (code: string, direction?: 'higher' | 'lower') =>
  fc
    .record({
      weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
      direction: direction ? fc.constant(direction) : fc.constantFrom('higher' as const, 'lower' as const),
      transform: fc.constantFrom('none' as const, 'log1p' as const),
      normalize: fc.constantFrom('minmax' as const, 'target' as const, 'zscore' as const, 'rank' as const),
      target: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    })
    .map(({ target, ...rest }): IndicatorInput => ({ code, name: code, ...rest, ...(rest.normalize === 'target' ? { target } : {}) }));

interface SchemeOptions {
  direction?: 'higher' | 'lower';
  aggregation?: 'linear' | 'geometric';
  method?: 'expert' | 'equal' | 'entropy' | 'combined';
  jitter?: number;
}

const schemeArb = (options: SchemeOptions = {}): fc.Arbitrary<Scheme> =>
  fc
    .record({
      shape: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      missing: fc.constantFrom('zero' as const, 'mean' as const, 'exclude' as const),
      aggregation: options.aggregation ? fc.constant(options.aggregation) : fc.constantFrom('linear' as const, 'geometric' as const),
      method: options.method ? fc.constant(options.method) : fc.constantFrom('expert' as const, 'equal' as const, 'entropy' as const, 'combined' as const),
      alpha: fc.double({ min: 0, max: 1, noNaN: true }),
      runs: fc.integer({ min: 0, max: 30 }),
      jitter: options.jitter !== undefined ? fc.constant(options.jitter) : fc.double({ min: 0, max: 0.5, noNaN: true }),
      seed: fc.nat(),
      dimensionWeights: fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
    })
    .chain((s) =>
      fc
        .tuple(...s.shape.map((count, d) => fc.tuple(...Array.from({ length: count }, (_, i) => indicatorArb(`i${d}_${i}`, options.direction)))))
        .map((indicators) =>
          parseSchemeOrThrow({
            name: 'property scheme',
            aggregation: s.aggregation,
            missing: s.missing,
            dimensions: indicators.map((list, d) => ({ code: `d${d}`, name: `d${d}`, weight: s.dimensionWeights[d], indicators: list })),
            weighting: { method: s.method, alpha: s.alpha },
            tiers: [
              { code: 'top', name: '前列', topShare: 0.3, minScore: 50 },
              { code: 'mid', name: '中间', topShare: 0.7 },
              { code: 'rest', name: '其余' },
            ],
            uncertainty: { runs: s.runs, weightJitter: s.jitter, seed: s.seed },
          }),
        ),
    );

const value = fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null, freq: 6 });

const inputArb = (scheme: Scheme): fc.Arbitrary<ScoringInput> => {
  const codes = scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code));
  return fc.integer({ min: 1, max: 8 }).chain((n) => {
    const departments = Array.from({ length: n }, (_, i) => ({ code: `D${i}` }));
    return fc
      .record({
        rows: fc.array(fc.array(value, { minLength: codes.length, maxLength: codes.length }), { minLength: n, maxLength: n }),
        incidents: fc.array(fc.record({ department: fc.constantFrom(...departments.map((d) => d.code)), points: fc.double({ min: 0, max: 20, noNaN: true }), exempt: fc.boolean() }), { maxLength: 4 }),
      })
      .map(({ rows, incidents }) => ({
        departments,
        values: Object.fromEntries(rows.map((row, d) => [`D${d}`, Object.fromEntries(row.map((v, i) => [codes[i], v]))])),
        incidents,
      }));
  });
};

const caseArb = (options: SchemeOptions = {}) => schemeArb(options).chain((scheme) => inputArb(scheme).map((input) => ({ scheme, input })));
const close = 1e-5; // outputs carry 6 decimals

describe('properties', () => {
  it('every score, dimension score and total stays in [0, 100]; intervals stay in [1, n]', () => {
    fc.assert(
      fc.property(caseArb(), ({ scheme, input }) => {
        const { departments } = scoreDepartments(input, scheme);
        for (const d of departments) {
          expect(d.total).toBeGreaterThanOrEqual(0);
          expect(d.total).toBeLessThanOrEqual(100);
          for (const s of Object.values(d.dimensions)) expect(s >= 0 && s <= 100).toBe(true);
          for (const i of Object.values(d.indicators)) if (i.score !== null) expect(i.score >= 0 && i.score <= 100).toBe(true);
          expect(1 <= d.rankInterval[0] && d.rankInterval[0] <= d.rankInterval[1] && d.rankInterval[1] <= departments.length).toBe(true);
        }
      }),
    );
  });

  it('effective weights sum to 1 within each dimension and across dimensions', () => {
    fc.assert(
      fc.property(caseArb(), ({ scheme, input }) => {
        const result = scoreDepartments(input, scheme);
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        expect(Math.abs(sum(Object.values(result.weights.dimensions)) - 1)).toBeLessThan(close);
        for (const dim of scheme.dimensions) {
          expect(Math.abs(sum(dim.indicators.map((i) => result.weights.indicators[i.code])) - 1)).toBeLessThan(close);
          // Per department too, wherever it has anything in the dimension.
          for (const d of result.departments) {
            const own = sum(dim.indicators.map((i) => d.indicators[i.code].weight));
            if (own > 0) expect(Math.abs(own - 1)).toBeLessThan(close);
          }
        }
      }),
    );
  });

  it('indicator points add up to the total before the penalty', () => {
    fc.assert(
      fc.property(caseArb(), ({ scheme, input }) => {
        for (const d of scoreDepartments(input, scheme).departments) {
          const points = Object.values(d.indicators).reduce((s, i) => s + i.points, 0);
          if (d.total > 0) expect(Math.abs(points - (d.total + d.penalty))).toBeLessThan(1e-4);
          else expect(points).toBeLessThanOrEqual(d.penalty + 1e-4);
        }
      }),
    );
  });

  it('raising a higher-is-better value never lowers that department’s total (linear, expert)', () => {
    const arb = caseArb({ direction: 'higher', aggregation: 'linear', method: 'expert' }).chain(({ scheme, input }) =>
      fc.record({
        scheme: fc.constant(scheme),
        input: fc.constant(input),
        department: fc.integer({ min: 0, max: input.departments.length - 1 }),
        indicator: fc.constantFrom(...scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code))),
        raise: fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ scheme, input, department, indicator, raise }) => {
        const code = `D${department}`;
        const before = input.values[code][indicator];
        fc.pre(typeof before === 'number');
        const raised = { ...input, values: { ...input.values, [code]: { ...input.values[code], [indicator]: (before as number) + raise } } };
        const totalOf = (i: ScoringInput) => scoreDepartments(i, scheme).departments.find((d) => d.department === code)!.total;
        expect(totalOf(raised)).toBeGreaterThanOrEqual(totalOf(input) - 1e-6);
      }),
    );
  });

  it('permuting the input rows changes nothing in the output', () => {
    const arb = caseArb().chain(({ scheme, input }) =>
      fc.record({
        scheme: fc.constant(scheme),
        input: fc.constant(input),
        keys: fc.array(fc.double({ noNaN: true }), { minLength: 16, maxLength: 16 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ scheme, input, keys }) => {
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => [keys[i % keys.length] + i * 1e-9, x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const permuted: ScoringInput = {
          departments: shuffle(input.departments),
          values: Object.fromEntries(shuffle(Object.entries(input.values))),
          incidents: shuffle(input.incidents ?? []),
        };
        expect(JSON.stringify(scoreDepartments(permuted, scheme))).toBe(JSON.stringify(scoreDepartments(input, scheme)));
      }),
    );
  });

  it('with jitter 0 the rank interval is exactly the nominal rank', () => {
    fc.assert(
      fc.property(caseArb({ jitter: 0 }), ({ scheme, input }) => {
        const withRuns = { ...scheme, uncertainty: { ...scheme.uncertainty, runs: Math.max(1, scheme.uncertainty.runs) } };
        for (const d of scoreDepartments(input, withRuns).departments) expect(d.rankInterval).toEqual([d.rank, d.rank]);
      }),
    );
  });
});
