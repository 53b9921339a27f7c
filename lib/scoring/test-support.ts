// Small builders shared by the engine's tests (not exported from index.ts).
import { parseSchemeOrThrow } from './parse-scheme';
import type { Scheme, SchemeInput } from './scheme-schema';

type IndicatorInput = SchemeInput['dimensions'][number]['indicators'][number];

/** A two-tier scheme with Monte Carlo off, overridable field by field. */
export function testScheme(dimensions: SchemeInput['dimensions'], overrides: Partial<SchemeInput> = {}): Scheme {
  return parseSchemeOrThrow({
    name: 'test scheme',
    dimensions,
    tiers: [
      { code: 'top', name: '前列', topShare: 0.5 },
      { code: 'rest', name: '其余' },
    ],
    uncertainty: { runs: 0, weightJitter: 0, seed: 1 },
    ...overrides,
  });
}

export function indicator(code: string, fields: Partial<IndicatorInput> = {}): IndicatorInput {
  return { code, name: code, ...fields };
}

/**
 * The worked example used across the tests (totals by hand: A 80.5, C 60, B 50):
 *   dimension a (0.6): x1 target 1 (weight 3 → 0.75), x2 minmax (weight 1 → 0.25)
 *   dimension b (0.4): y1 minmax, lower is better
 */
export function workedScheme(overrides: Partial<SchemeInput> = {}): Scheme {
  return testScheme(
    [
      { code: 'a', name: '甲', weight: 0.6, indicators: [indicator('x1', { weight: 3, normalize: 'target', target: 1 }), indicator('x2', { weight: 1 })] },
      { code: 'b', name: '乙', weight: 0.4, indicators: [indicator('y1', { direction: 'lower' })] },
    ],
    overrides,
  );
}

export const workedInput = {
  departments: [{ code: 'A' }, { code: 'B' }, { code: 'C' }],
  values: {
    A: { x1: 0.9, x2: 10, y1: 1 },
    B: { x1: 0.5, x2: 20, y1: 3 },
    C: { x1: 1.0, x2: 30, y1: 5 },
  } as Record<string, Record<string, number | null>>,
};

/** Runs engine version 1 (the sentences left out: lib/advice writes them). */
export const ENGINE_V1 = { engine: 1, v1Recommendations: () => [] };

/** The tiers the default scheme had before engine version 2: fixed 80 / 70 / 60 cut-offs on the total. */
export const FIXED_CUTOFF_TIERS: NonNullable<SchemeInput['tiers']> = [
  { code: 'excellent', name: '优秀', topShare: 0.15, minScore: 80 },
  { code: 'good', name: '良好', topShare: 0.45, minScore: 70 },
  { code: 'pass', name: '合格', minScore: 60 },
  { code: 'improve', name: '待改进' },
];
