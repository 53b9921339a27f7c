import { DataTable } from '@/components/data-table';
import { fill, formatInteger, formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { periodLabel } from '@/lib/dashboard/period-labels';
import { HISTOGRAM_WIDTH, TOP_N, TREND_PERIODS, type RankingsView } from '@/lib/dashboard/rankings';
import { TopDimensionsChart, TotalsHistogram, TrendLinesChart } from '@/components/charts/deferred';
import { ChartFigure } from './chart-figure';

// The rankings charts, each with a text alternative and its data table.

/** The distribution of totals and (for readers who may see them) the top departments' dimensions. */
export function RankingsOverviewCharts({ view, locale, t }: { view: RankingsView; locale: Locale; t: Messages }) {
  return (
    <div className="chart-grid">
      <TotalsFigure view={view} locale={locale} t={t} />
      {view.topDimensions ? <TopDimensionsFigure view={view} locale={locale} t={t} /> : null}
    </div>
  );
}

function TotalsFigure({ view, locale, t }: { view: RankingsView; locale: Locale; t: Messages }) {
  const bands = view.histogram.map((b) => ({ label: `${b.from}–${b.to}`, count: b.count }));
  return (
    <ChartFigure
      id="distribution"
      title={t.rankings.distribution}
      description={fill(t.rankings.distributionDesc, { count: formatInteger(locale, view.summary.departments), width: HISTOGRAM_WIDTH })}
      summaryLabel={t.dashboard.chartData}
      chart={<TotalsHistogram bands={bands} countLabel={t.rankings.departments} />}
      table={
        <DataTable columns={[t.rankings.band, { label: t.rankings.departments, numeric: true }]} rowCount={bands.length} compact>
          {bands.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td className="num">{formatInteger(locale, b.count)}</td>
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}

function TopDimensionsFigure({ view, locale, t }: { view: RankingsView; locale: Locale; t: Messages }) {
  const dims = view.scheme.dimensions;
  const rows = (view.topDimensions ?? []).map((r) => ({ name: r.name, ...Object.fromEntries(dims.map((d) => [d.code, r.dimensions[d.code] ?? 0])) }));
  return (
    <ChartFigure
      id="top-dimensions"
      title={fill(t.rankings.topDimensions, { n: TOP_N })}
      description={fill(t.rankings.topDimensionsDesc, { n: TOP_N })}
      summaryLabel={t.dashboard.chartData}
      chart={<TopDimensionsChart rows={rows} dimensions={dims} />}
      table={
        <DataTable columns={[t.rankings.rank, t.rankings.department, ...dims.map((d) => ({ label: d.name, numeric: true }))]} rowCount={view.topDimensions?.length ?? 0} compact>
          {(view.topDimensions ?? []).map((r) => (
            <tr key={r.code}>
              <td className="num">{r.rank}</td>
              <th scope="row">{r.name}</th>
              {dims.map((d) => (
                <td key={d.code} className="num">
                  {formatNumber(locale, r.dimensions[d.code] ?? 0, 1)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}

/** Totals over the recent periods of the departments chosen in the table. */
export function RankingsTrendChart({ view, locale, t }: { view: RankingsView; locale: Locale; t: Messages }) {
  const { trend } = view;
  const rows = trend.rows.map((r) => ({ label: periodLabel(r.period, locale), ...r.totals }));
  const lines = trend.departments.map((d) => ({ key: d.code, name: d.name }));
  const hasPoints = trend.rows.some((r) => Object.values(r.totals).some((v) => v !== null));
  const changeText = (r: (typeof trend.rows)[number]) => (r.schemeChange ? fill(t.ledgerIndicators.schemeChange, r.schemeChange) : null);
  const markers = trend.rows.flatMap((r) => (r.schemeChange ? [{ label: periodLabel(r.period, locale), text: changeText(r)! }] : []));
  return (
    <ChartFigure
      id="trend"
      title={t.rankings.trend}
      description={fill(t.rankings.trendDesc, { n: TREND_PERIODS })}
      summaryLabel={t.dashboard.chartData}
      chart={hasPoints ? <TrendLinesChart rows={rows} lines={lines} markers={markers} /> : <p className="muted">{t.rankings.noTrend}</p>}
      table={
        <DataTable columns={[t.dashboard.period, ...trend.departments.map((d) => ({ label: d.name, numeric: true }))]} rowCount={trend.rows.length} compact>
          {trend.rows.map((r) => (
            <tr key={r.period}>
              <th scope="row">
                {periodLabel(r.period, locale)}
                {r.schemeChange && <span className="scheme-change"> · {changeText(r)}</span>}
              </th>
              {trend.departments.map((d) => (
                <td key={d.code} className="num">
                  {r.totals[d.code] === null ? '—' : formatNumber(locale, r.totals[d.code] as number, 1)}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      }
    />
  );
}
