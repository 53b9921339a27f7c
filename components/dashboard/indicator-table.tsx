import { formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { indicatorValueText, percent } from '@/lib/dashboard/format';
import type { IndicatorLine } from '@/lib/dashboard/department';
import type { NamedCode } from '@/lib/dashboard/scheme-meta';
import { TableHead } from '../data-table';

/** Every indicator, grouped by dimension: raw value with unit, score, weight within the dimension, points. */
export function IndicatorTable({ indicators, dimensions, locale, t }: { indicators: IndicatorLine[]; dimensions: NamedCode[]; locale: Locale; t: Messages }) {
  return (
    <section className="card" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t.department.indicators}</h2>
      <div className="table-scroll">
        <table className="data indicator-table" data-testid="indicator-table">
          <caption className="muted">{t.department.indicatorsCaption}</caption>
          <TableHead columns={[t.department.indicator, ...[t.department.value, t.department.score, t.department.weight, t.department.points].map((label) => ({ label, numeric: true }))]} />
          {dimensions.map((d) => (
            <tbody key={d.code}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={5}>
                  {d.name}
                </th>
              </tr>
              {indicators
                .filter((i) => i.dimension === d.code)
                .map((i) => (
                  <tr key={i.code} className={i.value === null && !i.notApplicable ? 'missing-row' : undefined}>
                    <th scope="row">{i.name}</th>
                    <td className="num">
                      {i.notApplicable ? (
                        <span className="not-applicable">{t.standing.notApplicable}</span>
                      ) : i.notReported ? (
                        <span className="not-reported">{t.standing.notReported}</span>
                      ) : i.value === null ? (
                        '—'
                      ) : (
                        indicatorValueText(i, i.value, locale, t)
                      )}
                    </td>
                    <td className="num">{i.score === null ? '—' : formatNumber(locale, i.score, 1)}</td>
                    <td className="num">{percent(locale, i.weight)}</td>
                    <td className="num">{formatNumber(locale, i.points, 2)}</td>
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
