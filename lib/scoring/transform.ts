// Step 2: optional log1p transform, which tames heavy-tailed counts (one
// department with a million calls should not flatten everyone else to zero).
import type { FlatIndicator } from './layout';
import { ScoringInputError } from './validate';

export function transformValue(x: number, transform: FlatIndicator['transform']): number {
  return transform === 'log1p' ? Math.log1p(x) : x;
}

/** Transformed copy of a column; NaN (missing) stays NaN. */
export function transformColumn(raw: Float64Array, indicator: FlatIndicator): Float64Array {
  if (indicator.transform === 'none') return raw.slice();
  return raw.map((x) => {
    if (x <= -1) throw new ScoringInputError(`indicator "${indicator.code}": log1p needs values above −1, got ${x}`);
    return transformValue(x, indicator.transform);
  });
}
