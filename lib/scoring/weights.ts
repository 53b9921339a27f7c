// Step 5: effective weights. Indicator weights sum to 1 within each dimension,
// dimension weights sum to 1 (CONTRACT.md §7: expert, equal, entropy, ahp, combined).
import { ahp } from './ahp';
import { entropyWeights, unitMinMax } from './entropy';
import type { Layout } from './layout';
import type { Scheme } from './scheme-schema';
import type { AhpMatrixReport } from './types';

export interface EffectiveWeights {
  dimensions: Float64Array;
  /** Within-dimension weights, scheme order. */
  indicators: Float64Array;
  /** λmax, CI and CR of each matrix used, for the methodology record. */
  ahp?: { dimensions?: AhpMatrixReport; indicators: Record<string, AhpMatrixReport> };
}

/** Scales to sum 1; a zero or empty vector becomes equal weights. */
export function normaliseWeights(weights: ArrayLike<number>): Float64Array {
  const w = Float64Array.from(weights);
  const sum = w.reduce((s, x) => s + x, 0);
  return sum > 0 ? w.map((x) => x / sum) : w.fill(1 / w.length);
}

/** `transformed` holds each indicator's values after the transform (NaN = missing), for entropy. */
export function effectiveWeights(scheme: Scheme, layout: Layout, transformed: Float64Array[]): EffectiveWeights {
  const { method } = scheme.weighting;
  const written = scheme.dimensions.map((d) => normaliseWeights(d.indicators.map((i) => i.weight)));
  const writtenDimensions = normaliseWeights(scheme.dimensions.map((d) => d.weight));
  const entropy = () =>
    scheme.dimensions.map((_, d) =>
      entropyWeights(perDimension(layout, d).map((i) => unitMinMax(transformed[i], layout.indicators[i].direction))),
    );

  switch (method) {
    case 'expert':
      return { dimensions: writtenDimensions, indicators: concat(written) };
    case 'equal':
      return {
        dimensions: normaliseWeights(scheme.dimensions.map(() => 1)),
        indicators: concat(scheme.dimensions.map((d) => normaliseWeights(d.indicators.map(() => 1)))),
      };
    case 'entropy':
      return { dimensions: writtenDimensions, indicators: concat(entropy()) };
    case 'combined': {
      const alpha = scheme.weighting.alpha;
      const objective = entropy();
      const blended = written.map((w, d) => w.map((x, j) => alpha * x + (1 - alpha) * objective[d][j]));
      return { dimensions: writtenDimensions, indicators: concat(blended) };
    }
    case 'ahp':
      return ahpWeights(scheme);
  }
}

function ahpWeights(scheme: Scheme): EffectiveWeights {
  const matrices = scheme.weighting.ahp;
  const report: NonNullable<EffectiveWeights['ahp']> = { indicators: {} };
  // A level with one element needs no matrix; parseScheme has checked the rest.
  const level = (matrix: Array<Array<number | string>> | undefined, size: number, record: (r: AhpMatrixReport) => void) => {
    if (matrix === undefined) return new Float64Array(size).fill(1 / size);
    const result = ahp(matrix);
    record({ lambdaMax: result.lambdaMax, ci: result.ci, cr: result.cr });
    return normaliseWeights(result.weights);
  };
  const dimensions = level(matrices?.dimensions, scheme.dimensions.length, (r) => (report.dimensions = r));
  const indicators = scheme.dimensions.map((d) =>
    level(matrices?.indicators[d.code], d.indicators.length, (r) => (report.indicators[d.code] = r)),
  );
  return { dimensions, indicators: concat(indicators), ahp: report };
}

function perDimension(layout: Layout, d: number): number[] {
  const indexes: number[] = [];
  for (let i = layout.dimStart[d]; i < layout.dimEnd[d]; i++) indexes.push(i);
  return indexes;
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
