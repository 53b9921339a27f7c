import { AppLink } from '@/components/app-link';
import { fill, type Locale, type Messages } from '@/lib/i18n';
import { formatCount } from '@/lib/dashboard/numbers';
import { percent } from '@/lib/dashboard/format';
import type { FlowPair } from '@/db/queries/dashboard';

const departmentHref = (code: string, period: string) => `/departments/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}`;

/** The largest sharing pairs: provider, consumer, calls, records, success rate. */
export function FlowsTable({ pairs, period, locale, t }: { pairs: FlowPair[]; period: string; locale: Locale; t: Messages }) {
  return (
    <section className="card" aria-labelledby="pairs-title">
      <h2 id="pairs-title">{fill(t.flows.table, { n: pairs.length })}</h2>
      <div className="table-scroll">
        <table className="data" data-testid="flows-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t.flows.rank}
              </th>
              <th scope="col">{t.flows.provider}</th>
              <th scope="col">{t.flows.consumer}</th>
              <th scope="col" className="num">
                {t.flows.callsColumn}
              </th>
              <th scope="col" className="num">
                {t.flows.recordsColumn}
              </th>
              <th scope="col" className="num">
                {t.flows.successRate}
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p, i) => (
              <tr key={`${p.provider}>${p.consumer}`}>
                <td className="num">{i + 1}</td>
                <td>
                  <AppLink href={departmentHref(p.provider, period)} aria-label={fill(t.flows.openDepartment, { name: p.providerName })}>
                    {p.providerName}
                  </AppLink>
                </td>
                <td>
                  <AppLink href={departmentHref(p.consumer, period)} aria-label={fill(t.flows.openDepartment, { name: p.consumerName })}>
                    {p.consumerName}
                  </AppLink>
                </td>
                <td className="num">{formatCount(locale, p.calls)}</td>
                <td className="num">{formatCount(locale, p.records)}</td>
                <td className="num">{p.calls > 0 ? percent(locale, 1 - p.failures / p.calls, 2) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
