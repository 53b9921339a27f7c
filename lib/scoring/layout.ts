// A flat, index-based view of a scheme's indicators, so the numeric steps can
// work on arrays in scheme order instead of walking the nested structure.
import type { Dimension, Indicator, Scheme } from './scheme-schema';

export type FlatIndicator = Indicator & { dimension: string };

export interface Layout {
  dimensions: Dimension[];
  indicators: FlatIndicator[];
  /** Indicators of dimension d are indexes dimStart[d] … dimEnd[d] − 1. */
  dimStart: Int32Array;
  dimEnd: Int32Array;
}

/** Every indicator in scheme order, with the code of its dimension. */
export function allIndicators(scheme: Scheme): FlatIndicator[] {
  return scheme.dimensions.flatMap((d) => d.indicators.map((i) => ({ ...i, dimension: d.code })));
}

export function layoutOf(scheme: Scheme): Layout {
  const m = scheme.dimensions.length;
  const dimStart = new Int32Array(m);
  const dimEnd = new Int32Array(m);
  let next = 0;
  scheme.dimensions.forEach((d, index) => {
    dimStart[index] = next;
    next += d.indicators.length;
    dimEnd[index] = next;
  });
  return { dimensions: scheme.dimensions, indicators: allIndicators(scheme), dimStart, dimEnd };
}
