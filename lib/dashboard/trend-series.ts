// Trend points (period, department, total, rank) reshaped for a line chart and its table:
// one row per period, one series per department, gaps as null; where the scheme version
// differs from the previous period's, the row says so (the chart marks 口径变更 v1→v2).
import type { TrendPoint } from '../../db/queries/dashboard';

export interface TrendSeries {
  periods: string[];
  departments: Array<{ code: string; name: string }>;
  /** rows[i] belongs to periods[i]; totals and ranks keyed by department code. */
  rows: Array<{
    period: string;
    totals: Record<string, number | null>;
    ranks: Record<string, number | null>;
    ranked: number | null;
    /** The scheme version that period was scored with, when known. */
    schemeVersion: number | null;
    /** The version changed since the previous period with scores: from → to. */
    schemeChange: { from: number; to: number } | null;
  }>;
}

export function buildTrendSeries(periods: string[], codes: string[], names: Record<string, string>, points: TrendPoint[]): TrendSeries {
  const byKey = new Map(points.map((p) => [`${p.period}\u0000${p.code}`, p]));
  const known = codes.filter((c) => names[c] !== undefined);
  const versions = new Map(points.map((p) => [p.period, p.schemeVersion ?? null]));
  let previous: number | null = null;
  return {
    periods,
    departments: known.map((code) => ({ code, name: names[code] })),
    rows: periods.map((period) => {
      const totals: Record<string, number | null> = {};
      const ranks: Record<string, number | null> = {};
      let ranked: number | null = null;
      for (const code of known) {
        const p = byKey.get(`${period}\u0000${code}`);
        totals[code] = p?.total ?? null;
        ranks[code] = p?.rank ?? null;
        if (p) ranked = p.ranked;
      }
      const schemeVersion = versions.get(period) ?? null;
      const schemeChange = schemeVersion !== null && previous !== null && schemeVersion !== previous ? { from: previous, to: schemeVersion } : null;
      if (schemeVersion !== null) previous = schemeVersion;
      return { period, totals, ranks, ranked, schemeVersion, schemeChange };
    }),
  };
}
