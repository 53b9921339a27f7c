// The value range each kind of indicator allows (CONTRACT.md §2: rates are
// fractions in [0, 1], counts integers ≥ 0). Used at ingest and by the CLI;
// the engine itself accepts any finite number.
import type { Indicator } from './scheme-schema';

/** A sentence saying why `value` is out of range for the indicator, or null when it is fine. */
export function valueRangeProblem(indicator: Pick<Indicator, 'code' | 'kind'>, value: number): string | null {
  if (!Number.isFinite(value)) return `${indicator.code}: ${value} is not a finite number`;
  switch (indicator.kind) {
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : `${indicator.code} is a count: it must be a whole number ≥ 0, got ${value}`;
    case 'rate':
      return value >= 0 && value <= 1 ? null : `${indicator.code} is a rate: it must be a fraction between 0 and 1 (0.97, not 97%), got ${value}`;
    case 'score':
      return value >= 0 && value <= 100 ? null : `${indicator.code} is a score: it must be between 0 and 100, got ${value}`;
    default:
      return null;
  }
}
