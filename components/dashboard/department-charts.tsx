import { fill, type Locale, type Messages } from '@/lib/i18n';
import { formatDecimal } from '@/lib/dashboard/numbers';
import { periodLabel } from '@/lib/dashboard/period-labels';
import { DEPARTMENT_TREND_PERIODS, type DepartmentView } from '@/lib/dashboard/department';
import { DepartmentTrendChart } from '@/components/charts/department-trend-chart';
import { DimensionRadar } from '@/components/charts/dimension-radar';
import { ChartFigure } from './chart-figure';

const score = (locale: Locale, v: number | null) => (v === null ? '—' : formatDecimal(locale, v, 1));

/** The three dimensions against the provincial median: a radar and its table. */
export function DimensionsFigure({ view, locale, t }: { view: DepartmentView; locale: Locale; t: Messages }) {
  const rows = view.dimensions.map((d) => ({ name: d.name, own: d.score, median: d.median }));
  return (
    <ChartFigure
      id="dimensions"
      title={t.department.dimensions}
      description={t.department.dimensionsDesc}
      summaryLabel={t.dashboard.chartData}
      chart={<DimensionRadar rows={rows} ownLabel={t.department.own} medianLabel={t.department.median} />}
      table={
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t.department.dimension}</th>
              <th scope="col" className="num">
                {t.department.own}
              </th>
              <th scope="col" className="num">
                {t.department.median}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.dimensions.map((d) => (
              <tr key={d.code}>
                <th scope="row">{d.name}</th>
                <td className="num">{score(locale, d.score)}</td>
                <td className="num">{score(locale, d.median)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** Total and rank over the recent periods of the same kind. */
export function DepartmentTrendFigure({ view, locale, t }: { view: DepartmentView; locale: Locale; t: Messages }) {
  const rows = view.trend.map((p) => ({ label: periodLabel(p.period, locale), total: p.total, rank: p.rank }));
  const maxRank = Math.max(1, ...view.trend.map((p) => p.ranked));
  return (
    <ChartFigure
      id="department-trend"
      title={t.department.trend}
      description={fill(t.department.trendDesc, { n: DEPARTMENT_TREND_PERIODS })}
      summaryLabel={t.dashboard.chartData}
      chart={rows.length ? <DepartmentTrendChart rows={rows} totalLabel={t.department.trendTotal} rankLabel={t.department.trendRank} maxRank={maxRank} /> : <p className="muted">{t.department.noTrend}</p>}
      table={
        <table className="data compact">
          <thead>
            <tr>
              <th scope="col">{t.dashboard.period}</th>
              <th scope="col" className="num">
                {t.department.trendTotal}
              </th>
              <th scope="col" className="num">
                {t.department.trendRank}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{periodLabel(p.period, locale)}</th>
                <td className="num">{score(locale, p.total)}</td>
                <td className="num">
                  {p.rank} / {p.ranked}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
