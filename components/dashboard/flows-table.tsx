import { DataTable } from '@/components/data-table';
import { AppLink } from '@/components/app-link';
import { fill, formatInteger, type Locale, type Messages } from '@/lib/i18n';
import { percent } from '@/lib/dashboard/format';
import type { FlowPair } from '@/lib/dashboard/flows';

const departmentHref = (code: string, period: string) => `/departments/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}`;

/** The largest sharing pairs: provider, consumer, calls, records, success rate. */
export function FlowsTable({ pairs, period, locale, t }: { pairs: FlowPair[]; period: string; locale: Locale; t: Messages }) {
  return (
    <section className="card" aria-labelledby="pairs-title">
      <h2 id="pairs-title">{fill(t.flows.table, { n: pairs.length })}</h2>
      <DataTable columns={[{ label: t.flows.rank, numeric: true }, t.flows.provider, t.flows.consumer, { label: t.flows.callsColumn, numeric: true }, { label: t.flows.recordsColumn, numeric: true }, { label: t.flows.successRate, numeric: true }]} rowCount={pairs.length} framed testId="flows-table">
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
            <td className="num">{formatInteger(locale, p.calls)}</td>
            <td className="num">{formatInteger(locale, p.records)}</td>
            <td className="num">{p.calls > 0 ? percent(locale, 1 - p.failures / p.calls, 2) : '—'}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
