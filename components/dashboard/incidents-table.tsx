import { DataTable } from '@/components/data-table';
import { formatNumber, type Locale, type Messages } from '@/lib/i18n';
import { dateLabel } from '@/lib/dashboard/period-labels';
import type { IncidentRow } from '@/lib/dashboard/department';

/** The period's security and quality incidents with their exemption (容错免责) status. */
export function IncidentsTable({ incidents, locale, t }: { incidents: IncidentRow[]; locale: Locale; t: Messages }) {
  const kinds = t.department.incidentKinds as Record<string, string>;
  const exemption = t.department.exemptionStatus as Record<string, string>;
  return (
    <section className="card" aria-labelledby="incidents-title">
      <h2 id="incidents-title">{t.department.incidents}</h2>
      <DataTable columns={[t.department.occurredOn, t.department.kind, { label: t.department.deduction, numeric: true }, t.department.description, t.department.exemption]} rowCount={incidents.length} empty={t.department.noIncidents} framed caption={t.department.incidentsCaption} testId="incidents-table">
        {incidents.map((i) => (
          <tr key={i.id}>
            <td>{dateLabel(i.occurredOn, locale)}</td>
            <td>{kinds[i.kind] ?? i.kind}</td>
            <td className="num">{i.exemptionStatus === 'granted' ? <s>{formatNumber(locale, i.points, 1)}</s> : formatNumber(locale, i.points, 1)}</td>
            <td>{i.description}</td>
            <td>
              {exemption[i.exemptionStatus] ?? i.exemptionStatus}
              {i.decisionReason ? <div className="muted small">{i.decisionReason}</div> : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
