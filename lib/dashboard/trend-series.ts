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
    schemeChange: SchemeChange;
  }>;
}

export type SchemeChange = { from: number; to: number } | null;

/** Each row (in period order) with where the scheme version changed since the previous row that had one. */
export function withSchemeChanges<T extends { schemeVersion: number | null }>(rows: readonly T[]): Array<T & { schemeChange: SchemeChange }> {
  let previous: number | null = null;
  return rows.map((row) => {
    const v = row.schemeVersion;
    const schemeChange = v !== null && previous !== null && v !== previous ? { from: previous, to: v } : null;
    if (v !== null) previous = v;
    return { ...row, schemeChange };
  });
}

export function buildTrendSeries(periods: string[], codes: string[], names: Record<string, string>, points: TrendPoint[]): TrendSeries {
  const byKey = new Map(points.map((p) => [`${p.period}\u0000${p.code}`, p]));
  const known = codes.filter((c) => names[c] !== undefined);
  const versions = new Map(points.map((p) => [p.period, p.schemeVersion ?? null]));
  return {
    periods,
    departments: known.map((code) => ({ code, name: names[code] })),
    rows: withSchemeChanges(periods.map((period) => ({ period, schemeVersion: versions.get(period) ?? null }))).map(({ period, schemeVersion, schemeChange }) => {
      const totals: Record<string, number | null> = {};
      const ranks: Record<string, number | null> = {};
      let ranked: number | null = null;
      for (const code of known) {
        const p = byKey.get(`${period}\u0000${code}`);
        totals[code] = p?.total ?? null;
        ranks[code] = p?.rank ?? null;
        if (p) ranked = p.ranked;
      }
      return { period, totals, ranks, ranked, schemeVersion, schemeChange };
    }),
  };
}
