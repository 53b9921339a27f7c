import { DataTable } from '@/components/data-table';
import { fill, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { periodLabel } from '@/lib/dashboard/period-labels';
import { DEPARTMENT_TREND_PERIODS, type DepartmentView } from '@/lib/dashboard/department';
import { DepartmentTrendChart, DimensionRadar } from '@/components/charts/deferred';
import { ChartFigure } from './chart-figure';

const score = (locale: Locale, v: number | null) => (v === null ? '—' : formatNumber(locale, v, 1));

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
        <DataTable columns={[t.department.dimension, { label: t.department.own, numeric: true }, { label: t.department.median, numeric: true }]} rowCount={view.dimensions.length} compact>
          {view.dimensions.map((d) => (
            <tr key={d.code}>
              <th scope="row">{d.name}</th>
              <td className="num">{score(locale, d.score)}</td>
              <td className="num">{score(locale, d.median)}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}

/** Total and rank over the recent periods of the same kind. */
export function DepartmentTrendFigure({ view, locale, t }: { view: DepartmentView; locale: Locale; t: Messages }) {
  const rows = view.trend.map((p) => ({ label: periodLabel(p.period, locale), total: p.total, rank: p.rank }));
  const maxRank = Math.max(1, ...view.trend.map((p) => p.ranked));
  const changeText = (p: (typeof view.trend)[number]) => (p.schemeChange ? fill(t.ledgerIndicators.schemeChange, p.schemeChange) : null);
  const markers = view.trend.flatMap((p) => (p.schemeChange ? [{ label: periodLabel(p.period, locale), text: changeText(p)! }] : []));
  return (
    <ChartFigure
      id="department-trend"
      title={t.department.trend}
      description={fill(t.department.trendDesc, { n: DEPARTMENT_TREND_PERIODS })}
      summaryLabel={t.dashboard.chartData}
      chart={rows.length ? <DepartmentTrendChart rows={rows} totalLabel={t.department.trendTotal} rankLabel={t.department.trendRank} maxRank={maxRank} markers={markers} /> : <p className="muted">{t.department.noTrend}</p>}
      table={
        <DataTable columns={[t.dashboard.period, { label: t.department.trendTotal, numeric: true }, { label: t.department.trendRank, numeric: true }]} rowCount={view.trend.length} compact>
          {view.trend.map((p) => (
            <tr key={p.period}>
              <th scope="row">
                {periodLabel(p.period, locale)}
                {p.schemeChange && <span className="scheme-change"> · {changeText(p)}</span>}
              </th>
              <td className="num">{score(locale, p.total)}</td>
              <td className="num">
                {p.rank} / {p.ranked}
              </td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
